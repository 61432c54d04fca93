import { toDecimal, type DecimalString } from '../../domain/money';
import { fractionOf, over, plus, times, toCents, type Fraction } from './exact-fraction';
import { addDays, daysBetween, endOfYear, startOfYear, type IsoDate } from './iso-date';
import { recurringKpi, type KpiResult } from './kpi';
import { reviewDateOf, tierIndex, tiersOf } from './pack';
import type { GenesysPack } from './pack-schema';
import type { Listing, RevenueRecord, TrainingEvidence } from './records';
import { checkTier, checkTiers, highestTierMet, type TierCheck } from './tier-check';
import { tierOn, type TierEvent } from './tier-history';
import { trainedPeopleOn, trainingLapsingBy } from './training';

/** A what-if: nothing stored changes, only the projection. */
export type WhatIf =
	/** A lead closes: `annualValue` (KPI currency) a year, earned day by day from `startsOn`. */
	| { kind: 'lead-closes'; annualValue: string; startsOn?: IsoDate }
	/** The run rate from tomorrow to the review grows by `percent` (may be negative). */
	| { kind: 'growth'; percent: string };

export type TierProjection = {
	reviewDate: IsoDate;
	/** The KPI today. */
	kpi: KpiResult;
	/** Days of the year so far (1 January through `date`) and from `date` through the review. */
	daysElapsed: number;
	daysToReview: number;
	/** KPI per day so far, to cents (display only; the projection uses the exact rate). */
	runRatePerDay: DecimalString;
	projectedKpi: DecimalString;
	/** What the what-if adds to the projection, to cents. */
	whatIfAdds?: DecimalString;
	tierHeld: string;
	/** Every tier with the projected KPI and the training still valid on the review date. */
	projectedTiers: TierCheck[];
	projectedTier: string;
	/** Keeping the tier held, and reaching the one above it (absent at the top). */
	keep: TierCheck;
	next?: TierCheck;
	/** Training valid today that will have lapsed by the review date. */
	trainingLapsing: TrainingEvidence[];
};

function daysInYear(year: number): number {
	return daysBetween(startOfYear(year), endOfYear(year)) + 1;
}

/**
 * The tier at this year's review if the run rate holds. Run rate: the KPI so far divided by the
 * days from 1 January through `date`; projected KPI = KPI today × (days from 1 January through
 * the review) / (days so far), rounded half-even to cents once. Genesys bills in arrears at
 * month end, so early in a month the rate runs a little low. On or after the review day the
 * projection is the KPI of the review day itself.
 */
export function projectTier(options: {
	pack: GenesysPack;
	history: readonly TierEvent[];
	records: readonly RevenueRecord[];
	listings: readonly Listing[];
	training: readonly TrainingEvidence[];
	rates?: Readonly<Record<string, string>>;
	date: IsoDate;
	whatIf?: WhatIf;
}): TierProjection {
	const { pack, date } = options;
	const year = pack.programYear;
	const reviewDate = reviewDateOf(pack);
	const onDate = date < reviewDate ? date : reviewDate;
	const kpi = recurringKpi({
		records: options.records,
		listings: options.listings,
		year,
		onDate,
		kpiCurrency: pack.parameters.kpiCurrency.value,
		rates: options.rates
	});
	const daysElapsed = daysBetween(startOfYear(year), onDate) + 1;
	const daysToReview = daysBetween(onDate, reviewDate);
	const exact = fractionOf(kpi.exact);
	const runRate = over(exact, fractionOf(daysElapsed));
	let projected: Fraction = plus(exact, times(runRate, fractionOf(daysToReview)));
	let whatIfAdds: Fraction | undefined;
	if (options.whatIf?.kind === 'growth') {
		whatIfAdds = times(
			times(runRate, fractionOf(daysToReview)),
			over(fractionOf(toDecimal(options.whatIf.percent)), fractionOf(100))
		);
	} else if (options.whatIf?.kind === 'lead-closes') {
		const startsOn = options.whatIf.startsOn ?? addDays(onDate, 1);
		const days = startsOn > reviewDate ? 0 : daysBetween(startsOn, reviewDate) + 1;
		whatIfAdds = over(
			times(fractionOf(toDecimal(options.whatIf.annualValue)), fractionOf(days)),
			fractionOf(daysInYear(year))
		);
	}
	if (whatIfAdds) projected = plus(projected, whatIfAdds);
	const projectedKpi = toCents(projected);

	const trained = trainedPeopleOn({
		training: options.training,
		requirements: pack.parameters.trainingRequirements.value,
		date: reviewDate
	});
	const projectedTiers = checkTiers({ pack, kpi: projectedKpi, trained });
	const entryTier = pack.parameters.entryTier.value;
	const tierHeld = tierOn({ history: options.history, date, entryTier });
	const held = Math.max(0, tierIndex(pack, tierHeld));
	const nextTier = tiersOf(pack)[held + 1];
	const result: TierProjection = {
		reviewDate,
		kpi,
		daysElapsed,
		daysToReview,
		runRatePerDay: toCents(runRate),
		projectedKpi,
		tierHeld,
		projectedTiers,
		projectedTier: highestTierMet(projectedTiers),
		keep: projectedTiers[held],
		trainingLapsing: trainingLapsingBy({ training: options.training, from: date, by: reviewDate })
	};
	if (nextTier) result.next = checkTier({ tier: nextTier, kpi: projectedKpi, trained });
	if (whatIfAdds) result.whatIfAdds = toCents(whatIfAdds);
	return result;
}

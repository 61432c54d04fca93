import { yearOf, type IsoDate } from './iso-date';
import { followGracePeriod, type GraceState } from './grace-period';
import { recurringKpi, type KpiResult } from './kpi';
import { genesysPackRef, packForYear, reviewDateOf, tierIndex, type GenesysPackRef } from './pack';
import type { GenesysPack } from './pack-schema';
import type { Listing, RevenueRecord, TrainingEvidence } from './records';
import { checkTiers, highestTierMet, type TierCheck } from './tier-check';
import { sortHistory, tierOn, type TierChange, type TierEvent } from './tier-history';
import { trainedPeopleOn, type TrainedPeople } from './training';

export type TierAssessmentInput = {
	/** The packs by program year; a review uses the pack of its own year. */
	packs: readonly GenesysPack[];
	history: readonly TierEvent[];
	records: readonly RevenueRecord[];
	listings: readonly Listing[];
	training: readonly TrainingEvidence[];
	rates?: Readonly<Record<string, string>>;
	/** Today: the grace period is followed day by day up to here. */
	date: IsoDate;
	/** A review run by hand; default: the latest pack review day on or before `date`. */
	reviewDate?: IsoDate;
};

export type TierAssessment = {
	year: number;
	reviewDate: IsoDate;
	date: IsoDate;
	/** The pack version that judged the review (and its grace period). */
	pack: GenesysPackRef;
	/** On the review date. */
	kpi: KpiResult;
	trained: TrainedPeople[];
	tiers: TierCheck[];
	qualifiedTier: string;
	tierBefore: string;
	/** Right after the review: higher at once, otherwise the tier held (even while short). */
	tierAfterReview: string;
	outcome: 'higher' | 'met' | 'short';
	grace?: GraceState;
	change?: TierChange;
	/** The tier on `date`, this review's entries included. */
	tierNow: string;
	/** The entries this review adds to the history (as of `date`). */
	events: TierEvent[];
};

export type { GraceState, TierChange };

export type TierAssessmentResult =
	| { ok: true; assessment: TierAssessment }
	| { ok: false; code: 'no-pack-for-year'; year: number }
	| { ok: false; code: 'no-review-yet' | 'review-after-date'; reviewDate?: IsoDate };

function resolveReview(
	input: TierAssessmentInput
): TierAssessmentResult | { pack: GenesysPack; reviewDate: IsoDate } {
	const { packs, date } = input;
	if (input.reviewDate !== undefined) {
		if (input.reviewDate > date)
			return { ok: false, code: 'review-after-date', reviewDate: input.reviewDate };
		const year = yearOf(input.reviewDate);
		const pack = packForYear({ packs, year });
		return pack
			? { pack, reviewDate: input.reviewDate }
			: { ok: false, code: 'no-pack-for-year', year };
	}
	const current = packForYear({ packs, year: yearOf(date) });
	if (current && reviewDateOf(current) <= date)
		return { pack: current, reviewDate: reviewDateOf(current) };
	const previous = packForYear({ packs, year: yearOf(date) - 1 });
	if (previous) return { pack: previous, reviewDate: reviewDateOf(previous) };
	return { ok: false, code: 'no-review-yet' };
}

/**
 * The annual review and its grace period (issue 13, DESIGN.md "The tier year"). The qualified
 * tier is the highest met on the review date; a higher one takes effect at once. A partner short
 * of its tier keeps it through the grace period (the pack's days after the review, the last one
 * inclusive); meeting the tier on any day inside recovers; still short after the last day, the
 * tier becomes the highest met on that last day, effective the day after. The entry tier is the
 * floor. Between reviews the tier never moves with the KPI.
 *
 * A grace period that runs past 31 December is judged as the recovery of the reviewed year: by
 * that year's pack, with the KPI counted from 1 January of the reviewed year through the day
 * checked. Restarting the KPI at zero on 1 January would make every such grace period
 * unrecoverable by construction, and the seed grants it to regain the reviewed year's compliance.
 */
export function assessTier(input: TierAssessmentInput): TierAssessmentResult {
	const resolved = resolveReview(input);
	if ('ok' in resolved) return resolved;
	const { pack, reviewDate } = resolved;
	const year = pack.programYear;
	const entryTier = pack.parameters.entryTier.value;
	// This review's own entries are ignored, so assessing again gives the same answer.
	const history = sortHistory(input.history.filter((event) => event.review !== reviewDate));
	if (history.length > 0 && history[0].on > reviewDate)
		return { ok: false, code: 'no-review-yet', reviewDate };

	const kpiCurrency = pack.parameters.kpiCurrency.value;
	const requirements = pack.parameters.trainingRequirements.value;
	const kpiOn = (onDate: IsoDate) =>
		recurringKpi({
			records: input.records,
			listings: input.listings,
			year,
			onDate,
			kpiCurrency,
			rates: input.rates
		});
	const trainedOn = (day: IsoDate) =>
		trainedPeopleOn({ training: input.training, requirements, date: day });

	const tierBefore = tierOn({ history, date: reviewDate, entryTier });
	const kpi = kpiOn(reviewDate);
	const trained = trainedOn(reviewDate);
	const tiers = checkTiers({ pack, kpi: kpi.kpi, trained });
	const qualifiedTier = highestTierMet(tiers);
	const ref = genesysPackRef(pack);
	const before = Math.max(0, tierIndex(pack, tierBefore));
	const qualified = tierIndex(pack, qualifiedTier);
	const base = {
		year,
		reviewDate,
		date: input.date,
		pack: ref,
		kpi,
		trained,
		tiers,
		qualifiedTier,
		tierBefore
	};
	const reviewEvent = (
		tier: string,
		code: TierEvent['code'],
		params: Record<string, string>
	): TierEvent => ({
		on: reviewDate,
		tier,
		code,
		review: reviewDate,
		pack: ref,
		params: { kpi: kpi.kpi, currency: kpiCurrency, ...params }
	});

	if (qualified >= before) {
		const higher = qualified > before;
		const events = [
			reviewEvent(qualifiedTier, higher ? 'review-higher' : 'review-met', { from: tierBefore })
		];
		const assessment: TierAssessment = {
			...base,
			tierAfterReview: qualifiedTier,
			outcome: higher ? 'higher' : 'met',
			tierNow: tierOn({ history: [...history, ...events], date: input.date, entryTier }),
			events
		};
		if (higher)
			assessment.change = {
				from: tierBefore,
				to: qualifiedTier,
				effectiveOn: reviewDate,
				code: 'review-higher'
			};
		return { ok: true, assessment };
	}

	const heldCheck = tiers[before];
	const followed = followGracePeriod({
		pack,
		held: before,
		reviewDate,
		date: input.date,
		kpiOn,
		trainedOn,
		ref
	});
	const events = [
		reviewEvent(tierBefore, 'review-short', {
			qualified: qualifiedTier,
			kpiMinimum: heldCheck.kpiMinimum,
			kpiGap: heldCheck.kpiGap,
			graceEnd: followed.grace.end
		}),
		...followed.events
	];
	const assessment: TierAssessment = {
		...base,
		tierAfterReview: tierBefore,
		outcome: 'short',
		grace: followed.grace,
		tierNow: tierOn({ history: [...history, ...events], date: input.date, entryTier }),
		events
	};
	if (followed.change) assessment.change = followed.change;
	return { ok: true, assessment };
}

import { add, roundHalfEven, type DecimalString } from '../../domain/money';
import { addDays, daysBetween, type IsoDate } from './iso-date';
import type { KpiResult } from './kpi';
import type { GenesysPackRef } from './pack';
import type { GenesysPack } from './pack-schema';
import { checkTier, checkTiers, highestTierMet, type TierCheck } from './tier-check';
import type { TierChange, TierEvent } from './tier-history';
import type { TrainedPeople } from './training';

export type GraceState = {
	/** The day after the review. */
	start: IsoDate;
	/** The last day, inclusive: review + the pack's grace days. */
	end: IsoDate;
	status: 'running' | 'recovered' | 'ended';
	/** The days followed so far: through `date`, at most through `end`. */
	followedThrough: IsoDate;
	recoveredOn?: IsoDate;
	/** The KPI on the recovery day or, once ended short, on the last day. */
	kpi?: KpiResult;
	/** The tiers checked on the last day, when it ended short. */
	lastDay?: TierCheck[];
};

/**
 * Follows a grace period day by day, up to `date`: the days after the review through review +
 * the pack's grace days, the last one inclusive. The tier held is recovered on the first day it
 * is met; still short after the last day, the tier becomes the highest met on that last day,
 * effective the day after (the entry tier is the floor). `kpiOn` counts from 1 January of the
 * reviewed year, also for days past its end (see `assessTier`).
 */
export function followGracePeriod(options: {
	pack: GenesysPack;
	/** Index of the tier held, in the pack's tiers. */
	held: number;
	reviewDate: IsoDate;
	date: IsoDate;
	kpiOn: (day: IsoDate) => KpiResult;
	trainedOn: (day: IsoDate) => TrainedPeople[];
	ref: GenesysPackRef;
}): { grace: GraceState; events: TierEvent[]; change?: TierChange } {
	const { pack, held, reviewDate, date, kpiOn, trainedOn, ref } = options;
	const heldTier = pack.parameters.tiers.value[held];
	const kpiMinimum = heldTier.kpiMinimum;
	const currency = pack.parameters.kpiCurrency.value;
	const start = addDays(reviewDate, 1);
	const end = addDays(reviewDate, pack.parameters.graceDays.value);
	const followedThrough = date < end ? date : end;
	const grace: GraceState = { start, end, status: 'running', followedThrough };
	const event = (
		on: IsoDate,
		tier: string,
		code: TierEvent['code'],
		params: Record<string, string>
	): TierEvent => ({
		on,
		tier,
		code,
		review: reviewDate,
		pack: ref,
		params: { currency, kpiMinimum, graceEnd: end, ...params }
	});

	// The KPI only grows with records dated inside the window, so one pass over the counted
	// records, in date order, gives the KPI of every day.
	const window = followedThrough >= start ? kpiOn(followedThrough) : undefined;
	const counted = [...(window?.counted ?? [])].sort((a, b) =>
		a.record.date < b.record.date ? -1 : 1
	);
	let exact = '0' as DecimalString;
	let next = 0;
	for (let day = start; window && day <= followedThrough; day = addDays(day, 1)) {
		while (next < counted.length && counted[next].record.date <= day)
			exact = add(exact, counted[next++].kpiAmount);
		if (!checkTier({ tier: heldTier, kpi: roundHalfEven(exact), trained: trainedOn(day) }).met)
			continue;
		grace.status = 'recovered';
		grace.recoveredOn = day;
		grace.kpi = kpiOn(day);
		return { grace, events: [event(day, heldTier.id, 'grace-recovered', { kpi: grace.kpi.kpi })] };
	}
	// The last day's records may still be entered on it: the period is judged once it is over.
	if (date <= end) return { grace, events: [] };

	const lastKpi = kpiOn(end);
	const lastDay = checkTiers({ pack, kpi: lastKpi.kpi, trained: trainedOn(end) });
	const to = highestTierMet(lastDay);
	const effectiveOn = addDays(end, 1);
	grace.status = 'ended';
	grace.kpi = lastKpi;
	grace.lastDay = lastDay;
	const missing = lastDay[held].training.filter((check) => check.missing > 0);
	return {
		grace,
		change: { from: heldTier.id, to, effectiveOn, code: 'grace-ended-short' },
		events: [
			event(effectiveOn, to, 'grace-ended-short', {
				from: heldTier.id,
				kpi: lastKpi.kpi,
				kpiGap: lastDay[held].kpiGap,
				trainingMissing: missing.map((check) => `${check.requirementId}:${check.missing}`).join(',')
			})
		]
	};
}

/** Days left in a running grace period on `date`, the last day counted: 1 on the last day. */
export function graceDaysLeft(grace: GraceState, date: IsoDate): number {
	return Math.max(0, daysBetween(date, grace.end) + 1);
}

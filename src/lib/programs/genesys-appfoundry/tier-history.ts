import type { GenesysPackRef } from './pack';
import type { IsoDate } from './iso-date';

/** Why the tier is what it is from an event on; `params` holds the numbers used. */
export type TierEventCode =
	| 'new-partner'
	| 'review-higher'
	| 'review-met'
	| 'review-short'
	| 'grace-recovered'
	| 'grace-ended-short';

/**
 * One entry of a partner's tier history: the tier held from `on` and why. Reviews and grace
 * periods add entries; the tier on a day is the last entry on or before it. Entries of a review
 * name that review and the pack version that judged it.
 */
export type TierEvent = {
	on: IsoDate;
	tier: string;
	code: TierEventCode;
	review?: IsoDate;
	pack?: GenesysPackRef;
	params: Record<string, string>;
};

/** A tier change and the day it takes effect. */
export type TierChange = {
	from: string;
	to: string;
	effectiveOn: IsoDate;
	code: 'review-higher' | 'grace-ended-short';
};

/** A new partner's history: the entry tier from the day it joined (seed: always Bronze). */
export function startHistory(options: { joinedOn: IsoDate; entryTier: string }): TierEvent[] {
	return [{ on: options.joinedOn, tier: options.entryTier, code: 'new-partner', params: {} }];
}

/** The history in date order; entries of one day keep their order. */
export function sortHistory(history: readonly TierEvent[]): TierEvent[] {
	return [...history].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}

/**
 * The tier held on `date`: the last entry on or before it. Before any entry (or with none), the
 * entry tier: every new partner starts there.
 */
export function tierOn(options: {
	history: readonly TierEvent[];
	date: IsoDate;
	entryTier: string;
}): string {
	let tier = options.entryTier;
	for (const event of sortHistory(options.history)) {
		if (event.on > options.date) break;
		tier = event.tier;
	}
	return tier;
}

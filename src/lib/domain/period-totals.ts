import { compare, subtract, sum, toAmount, type DecimalString } from './money';
import { isClosedRegular, isFrozen, type ReportRevision } from './report';
import type { GroupTotal } from './report-totals';

/*
 * Totals over months from the totals each revision keeps (its overall quantity and amount on the
 * revision, its totals per SID and per customer in `groupTotals`): a year, or a month against the
 * month before, without reading a single line. Ten years are 2.4 million lines; a year's totals
 * read twelve revisions.
 */

/**
 * The revisions that make up a month as it went out: its regular report (the newest closed
 * revision, not superseded) and the adjustments with late usage sent after it. A draft or a ready
 * revision not yet signed is not counted: the month's figures are what was reported.
 */
export function countedRevisions(month: readonly ReportRevision[]): ReportRevision[] {
	const regular = month
		.filter(isClosedRegular)
		.sort((a, b) => b.revision - a.revision)
		.slice(0, 1);
	const late = month.filter(
		(revision) =>
			revision.kind === 'adjustment' && isFrozen(revision.state) && revision.state !== 'superseded'
	);
	return [...regular, ...late];
}

export type MonthTotals = {
	period: string;
	lines: number;
	quantity: DecimalString;
	amount: DecimalString;
	/** The ids of the counted revisions, the regular report first. */
	revisions: string[];
};

export type YearTotals = {
	year: number;
	lines: number;
	quantity: DecimalString;
	amount: DecimalString;
	/** Months with a counted report, oldest first; a month without one is left out. */
	months: MonthTotals[];
};

const ZERO = '0' as DecimalString;

/** A month's totals: the sum of its counted revisions' stored totals. */
export function monthTotals(period: string, month: readonly ReportRevision[]): MonthTotals {
	const counted = countedRevisions(month);
	return {
		period,
		lines: counted.reduce((lines, revision) => lines + revision.lineCount, 0),
		quantity: sum(counted.map((revision) => revision.totals.quantity)),
		// Each stored amount has its 2 places already: their sum is exact, written with 2.
		amount: toAmount(sum(counted.map((revision) => revision.totals.amount))),
		revisions: counted.map((revision) => revision.id)
	};
}

/** A year's totals from the revisions of its months (any order, other years ignored). */
export function yearTotals(year: number, revisions: readonly ReportRevision[]): YearTotals {
	const byPeriod = new Map<string, ReportRevision[]>();
	for (const revision of revisions) {
		if (!revision.period.startsWith(`${year}-`)) continue;
		const month = byPeriod.get(revision.period) ?? [];
		month.push(revision);
		byPeriod.set(revision.period, month);
	}
	const months = [...byPeriod]
		.sort(([a], [b]) => (a < b ? -1 : 1))
		.map(([period, month]) => monthTotals(period, month))
		.filter((month) => month.revisions.length > 0);
	return {
		year,
		lines: months.reduce((lines, month) => lines + month.lines, 0),
		quantity: sum(months.map((month) => month.quantity)),
		amount: toAmount(sum(months.map((month) => month.amount))),
		months
	};
}

/** Group totals of several revisions of a month, added up per key, sorted by key. */
export function mergeGroupTotals(lists: readonly (readonly GroupTotal[])[]): GroupTotal[] {
	if (lists.length === 1) return [...lists[0]];
	const merged = new Map<string, GroupTotal>();
	for (const list of lists)
		for (const total of list) {
			const known = merged.get(total.key);
			merged.set(
				total.key,
				known
					? {
							key: total.key,
							lines: known.lines + total.lines,
							quantity: sum([known.quantity, total.quantity]),
							amount: toAmount(sum([known.amount, total.amount]))
						}
					: total
			);
		}
	return [...merged.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export type GroupChange = {
	key: string;
	/** Zero where the key was not in that month. */
	before: { lines: number; quantity: DecimalString; amount: DecimalString };
	after: { lines: number; quantity: DecimalString; amount: DecimalString };
	/** after - before. */
	quantity: DecimalString;
	amount: DecimalString;
};

const NONE = { lines: 0, quantity: ZERO, amount: '0.00' as DecimalString };

/**
 * Every key of either month with both months' figures and the change, sorted by key. Keys whose
 * figures are the same both months are left out: a month against the month before is read for
 * what changed.
 */
export function compareGroupTotals(
	before: readonly GroupTotal[],
	after: readonly GroupTotal[]
): GroupChange[] {
	const figures = ({ lines, quantity, amount }: GroupTotal) => ({ lines, quantity, amount });
	const earlier = new Map(before.map((total) => [total.key, figures(total)]));
	const later = new Map(after.map((total) => [total.key, figures(total)]));
	const keys = [...new Set([...earlier.keys(), ...later.keys()])].sort();
	const changes: GroupChange[] = [];
	for (const key of keys) {
		const from = earlier.get(key) ?? NONE;
		const to = later.get(key) ?? NONE;
		if (
			from.lines === to.lines &&
			compare(from.quantity, to.quantity) === 0 &&
			compare(from.amount, to.amount) === 0
		)
			continue;
		changes.push({
			key,
			before: from,
			after: to,
			quantity: subtract(to.quantity, from.quantity),
			amount: toAmount(subtract(to.amount, from.amount))
		});
	}
	return changes;
}

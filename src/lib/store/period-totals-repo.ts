import type { ProgramId } from '$lib/domain/programs';
import { shiftPeriod, type Period } from '$lib/domain/period';
import {
	compareGroupTotals,
	mergeGroupTotals,
	monthTotals,
	yearTotals,
	type GroupChange,
	type MonthTotals,
	type YearTotals
} from '$lib/domain/period-totals';
import type { ReportRevision } from '$lib/domain/report';
import type { PartnerDeskDatabase } from './db';
import { guardStorage } from './errors';

/*
 * A year, and a month against the month before, from the totals stored with each revision at
 * import (the revision's own totals, `groupTotals` per SID and per customer). No line chunk is
 * read: ten years of a 2,000-customer partner are 2.4 million lines, a year's totals are about
 * fifteen revision records.
 */

function revisionsBetween(
	db: PartnerDeskDatabase,
	programId: ProgramId,
	first: string,
	last: string
): Promise<ReportRevision[]> {
	return guardStorage(() =>
		db.reports
			.where('[programId+period]')
			.between([programId, first], [programId, last], true, true)
			.toArray()
	);
}

/** A program's totals for a calendar year, per month and overall, as the months were reported. */
export async function readYearTotals(
	db: PartnerDeskDatabase,
	programId: ProgramId,
	year: number
): Promise<YearTotals> {
	return yearTotals(year, await revisionsBetween(db, programId, `${year}-01`, `${year}-12`));
}

export type MonthComparison = {
	before: MonthTotals;
	after: MonthTotals;
	/** Customers whose figures changed (new and gone ones included), by name. */
	byCustomer: GroupChange[];
	/** SIDs whose figures changed, by SID. */
	bySid: GroupChange[];
};

/** A month's per-SID and per-customer totals: its counted revisions' stored ones, added up. */
async function groupsOf(db: PartnerDeskDatabase, revisionIds: readonly string[]) {
	const records = await guardStorage(() => db.groupTotals.bulkGet([...revisionIds]));
	const present = records.filter((record) => record !== undefined);
	return {
		bySid: mergeGroupTotals(present.map((record) => record.bySid)),
		byCustomer: mergeGroupTotals(present.map((record) => record.byCustomer))
	};
}

/** A month against the month before: both totals and what changed per customer and per SID. */
export async function compareWithMonthBefore(
	db: PartnerDeskDatabase,
	programId: ProgramId,
	period: Period
): Promise<MonthComparison> {
	const previous = shiftPeriod(period, -1);
	const both = await revisionsBetween(db, programId, previous, period);
	const before = monthTotals(
		previous,
		both.filter((revision) => revision.period === previous)
	);
	const after = monthTotals(
		period,
		both.filter((revision) => revision.period === period)
	);
	const [earlier, later] = await Promise.all([
		groupsOf(db, before.revisions),
		groupsOf(db, after.revisions)
	]);
	return {
		before,
		after,
		byCustomer: compareGroupTotals(earlier.byCustomer, later.byCustomer),
		bySid: compareGroupTotals(earlier.bySid, later.bySid)
	};
}

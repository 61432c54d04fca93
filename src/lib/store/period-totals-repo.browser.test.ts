import Dexie from 'dexie';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sum, toAmount } from '$lib/domain/money';
import { compareGroupTotals } from '$lib/domain/period-totals';
import { toPeriod } from '$lib/domain/period';
import { summarizeLines } from '$lib/domain/report-totals';
import { writeHistory } from '../../../tests/helpers/partner-history/write-history';
import { PartnerDeskDatabase } from './db';
import { readLines } from './line-pages';
import { compareWithMonthBefore, readYearTotals } from './period-totals-repo';

let db: PartnerDeskDatabase;

/**
 * Fourteen months (2025-09 to 2026-10) of a 12-customer partner through the app's write paths:
 * June 2026 corrected after delivery (revision 2 supersedes 1), September of both years with an
 * adjustment of late usage.
 */
beforeAll(async () => {
	db = new PartnerDeskDatabase(`period-totals-${crypto.randomUUID()}`);
	await writeHistory(db, { months: 14, lastPeriod: toPeriod(2026, 10), customers: 12 });
}, 120_000);

afterAll(async () => {
	db.close();
	await Dexie.delete(db.name);
});

/** The same figures the long way: every line of the given revisions, added up. */
async function fromLines(revisionIds: readonly string[]) {
	const lines = (await Promise.all(revisionIds.map((id) => readLines(db, id)))).flat();
	return summarizeLines(lines);
}

it("a year's totals are those of the lines of its counted revisions", async () => {
	const all = await db.reports.toArray();
	const year = await readYearTotals(db, 'omnissa-sp', 2026);
	expect(year.months.map((month) => month.period)).toEqual(
		Array.from({ length: 10 }, (_, i) => toPeriod(2026, i + 1))
	);
	// June counts its correction, not the superseded first revision; September its adjustment.
	const june = year.months[5];
	expect(june.revisions.map((id) => all.find((r) => r.id === id)?.revision)).toEqual([2]);
	expect(year.months[8].revisions.map((id) => all.find((r) => r.id === id)?.kind)).toEqual([
		'regular',
		'adjustment'
	]);
	const counted = year.months.flatMap((month) => month.revisions);
	expect(counted).toHaveLength(11);
	const long = await fromLines(counted);
	expect(year.lines).toBe(long.lines);
	expect(year.quantity).toBe(long.quantity);
	// Each revision's amount is rounded once, to cents, as its bundle carries it; the year adds
	// those amounts (here each line is in whole cents, so the sum of the lines is the same).
	expect(year.amount).toBe(toAmount(sum(year.months.map((month) => month.amount))));
	expect(year.amount).toBe(long.amount);
	const earlier = await readYearTotals(db, 'omnissa-sp', 2025);
	expect(earlier.months.map((month) => month.period)).toEqual([
		'2025-09',
		'2025-10',
		'2025-11',
		'2025-12'
	]);
});

it('a month against the month before: the changes per customer and SID are those of the lines', async () => {
	// July against June, whose counted revision is the correction.
	const comparison = await compareWithMonthBefore(db, 'omnissa-sp', toPeriod(2026, 7));
	expect(comparison.before.period).toBe('2026-06');
	const before = await fromLines(comparison.before.revisions);
	const after = await fromLines(comparison.after.revisions);
	expect(comparison.before.amount).toBe(before.amount);
	expect(comparison.after.amount).toBe(after.amount);
	expect(comparison.byCustomer).toEqual(compareGroupTotals(before.byCustomer, after.byCustomer));
	expect(comparison.bySid).toEqual(compareGroupTotals(before.bySid, after.bySid));
	// Two customers leave and two join every month: at least those four changed.
	expect(comparison.byCustomer.length).toBeGreaterThanOrEqual(4);
	expect(comparison.byCustomer.some((change) => change.before.lines === 0)).toBe(true);
	expect(comparison.byCustomer.some((change) => change.after.lines === 0)).toBe(true);
	// September: the adjustment's late usage adds to the month (its new pod -99 appears).
	const september = await compareWithMonthBefore(db, 'omnissa-sp', toPeriod(2026, 9));
	expect(september.after.revisions).toHaveLength(2);
	expect(september.bySid.some((change) => change.key.endsWith('-99'))).toBe(true);
});

import { describe, expect, it } from 'vitest';
import type { DecimalString } from './money';
import {
	compareGroupTotals,
	countedRevisions,
	mergeGroupTotals,
	monthTotals,
	yearTotals
} from './period-totals';
import type { ReportRevision, ReportState } from './report';
import type { GroupTotal } from './report-totals';

let next = 0;
function revision(
	period: string,
	state: ReportState,
	amount: string,
	options: Partial<ReportRevision> = {}
): ReportRevision {
	next += 1;
	return {
		id: `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`,
		programId: 'omnissa-sp',
		period,
		kind: 'regular',
		revision: 1,
		supersedes: null,
		state,
		currency: 'EUR',
		createdAt: '2026-11-01T08:00:00.000Z',
		updatedAt: '2026-11-01T08:00:00.000Z',
		lineCount: 10,
		totals: { quantity: '5', amount },
		acknowledgements: {},
		creditReasons: {},
		zeroUsageConfirmed: false,
		...options
	} as ReportRevision;
}

const total = (key: string, lines: number, quantity: string, amount: string): GroupTotal => ({
	key,
	lines,
	quantity: quantity as DecimalString,
	amount: amount as DecimalString
});

describe('countedRevisions', () => {
	it('counts the newest closed regular revision and the sent adjustments, no draft', () => {
		const old = revision('2026-06', 'superseded', '100.00');
		const corrected = revision('2026-06', 'delivered', '110.00', { revision: 2 });
		const draft = revision('2026-06', 'draft', '999.00', { revision: 3 });
		const late = revision('2026-06', 'queued', '5.25', { kind: 'adjustment', revision: 1 });
		const lateDraft = revision('2026-06', 'draft', '7.00', { kind: 'adjustment', revision: 2 });
		expect(countedRevisions([old, draft, late, corrected, lateDraft])).toEqual([corrected, late]);
	});
});

describe('monthTotals and yearTotals', () => {
	it('adds the stored totals of the counted revisions, no line read', () => {
		// June: revision 2 (110.00, 10 lines, quantity 5) + adjustment (5.25, 10 lines, 5) = 115.25,
		// 20 lines, quantity 10. July: 200.10. August: only a draft, so no month. 2025-12 is
		// another year. Year: 115.25 + 200.10 = 315.35, 30 lines, quantity 15.
		const revisions = [
			revision('2026-06', 'superseded', '100.00'),
			revision('2026-06', 'delivered', '110.00', { revision: 2 }),
			revision('2026-06', 'delivered', '5.25', { kind: 'adjustment' }),
			revision('2026-07', 'signed', '200.10'),
			revision('2026-08', 'draft', '50.00'),
			revision('2025-12', 'delivered', '1000.00')
		];
		const june = monthTotals(
			'2026-06',
			revisions.filter((r) => r.period === '2026-06')
		);
		expect(june).toMatchObject({ lines: 20, quantity: '10', amount: '115.25' });
		expect(june.revisions).toEqual([revisions[1].id, revisions[2].id]);
		const year = yearTotals(2026, revisions);
		expect(year).toMatchObject({ year: 2026, lines: 30, quantity: '15', amount: '315.35' });
		expect(year.months.map((month) => [month.period, month.amount])).toEqual([
			['2026-06', '115.25'],
			['2026-07', '200.10']
		]);
	});

	it('a year without reports is zero', () => {
		expect(yearTotals(2019, [])).toEqual({
			year: 2019,
			lines: 0,
			quantity: '0',
			amount: '0.00',
			months: []
		});
	});
});

describe('mergeGroupTotals', () => {
	it('adds a month revisions per key and keeps the keys sorted', () => {
		// B: 2 + 1 lines, quantity 3 + 0.5, amount 30.00 + 4.95 = 34.95.
		expect(
			mergeGroupTotals([
				[total('A', 1, '1', '10.00'), total('B', 2, '3', '30.00')],
				[total('B', 1, '0.5', '4.95'), total('AA', 1, '2', '2.00')]
			])
		).toEqual([
			total('A', 1, '1', '10.00'),
			total('AA', 1, '2', '2.00'),
			total('B', 3, '3.5', '34.95')
		]);
	});
});

describe('compareGroupTotals', () => {
	it('lists what changed per key: changed, new and gone, not the unchanged', () => {
		const before = [
			total('Gone KG', 2, '4', '40.00'),
			total('Same AG', 1, '1', '9.99'),
			total('Grown GmbH', 3, '10', '100.00')
		];
		const after = [
			total('Grown GmbH', 3, '12', '120.50'),
			total('New GmbH', 1, '2', '20.00'),
			total('Same AG', 1, '1', '9.99')
		];
		expect(compareGroupTotals(before, after)).toEqual([
			{
				key: 'Gone KG',
				before: { lines: 2, quantity: '4', amount: '40.00' },
				after: { lines: 0, quantity: '0', amount: '0.00' },
				quantity: '-4',
				amount: '-40.00'
			},
			{
				// 12 - 10 = 2; 120.50 - 100.00 = 20.50.
				key: 'Grown GmbH',
				before: { lines: 3, quantity: '10', amount: '100.00' },
				after: { lines: 3, quantity: '12', amount: '120.50' },
				quantity: '2',
				amount: '20.50'
			},
			{
				key: 'New GmbH',
				before: { lines: 0, quantity: '0', amount: '0.00' },
				after: { lines: 1, quantity: '2', amount: '20.00' },
				quantity: '2',
				amount: '20.00'
			}
		]);
	});
});

describe('order and sameness, whatever order the store reads them in', () => {
	it('a year lists its months oldest first; a month counts its newest closed regular revision', () => {
		const revisions = [
			revision('2026-09', 'delivered', '9.00'),
			revision('2026-02', 'delivered', '2.00'),
			revision('2026-05', 'delivered', '5.00', { revision: 1, state: 'superseded' }),
			revision('2026-05', 'delivered', '5.50', { revision: 3 }),
			revision('2026-05', 'superseded', '5.20', { revision: 2 }),
			revision('2026-05', 'delivered', '0.25', { kind: 'adjustment', state: 'draft' })
		];
		const year = yearTotals(2026, revisions);
		expect(year.months.map((month) => [month.period, month.amount])).toEqual([
			['2026-02', '2.00'],
			['2026-05', '5.50'],
			['2026-09', '9.00']
		]);
		expect(year.amount).toBe('16.50');
	});

	it('one list is kept as it is; several are merged in key order', () => {
		const one = [total('B', 1, '1', '1.00'), total('A', 1, '1', '1.00')];
		expect(mergeGroupTotals([one])).toEqual(one);
		expect(mergeGroupTotals([[total('C', 1, '1', '1.00')], one]).map((t) => t.key)).toEqual([
			'A',
			'B',
			'C'
		]);
	});

	it('a key is unchanged only when lines, quantity and amount are all the same', () => {
		const before = [
			total('A', 1, '1', '1.00'),
			total('B', 1, '1', '1.00'),
			total('C', 1, '1', '1.00'),
			total('D', 1, '1.0', '1.00')
		];
		const after = [
			total('D', 1, '1', '1.0'),
			total('C', 1, '1', '1.01'),
			total('B', 1, '2', '1.00'),
			total('A', 2, '1', '1.00')
		];
		expect(compareGroupTotals(before, after).map((change) => change.key)).toEqual(['A', 'B', 'C']);
	});
});

import { describe, expect, it } from 'vitest';
import { toDecimal } from './money';
import { diffRevisions, type DiffLine } from './report-diff';

const line = (n: number, customerRef: string, quantity: string, total: string): DiffLine => ({
	line: n,
	sid: 'SID-4711-HZN-01',
	description: 'Horizon Standard',
	customerRef,
	sku: 'OSP-HZN-STD-CCU',
	quantity: toDecimal(quantity),
	unitPrice: toDecimal('24.90'),
	total: toDecimal(total)
});

describe('diffRevisions', () => {
	it('names lines added, removed and changed, and both totals with the difference', () => {
		const before = [
			line(2, 'Alpenblick', '35', '871.50'),
			line(3, 'Kanzlei', '38', '946.20'),
			line(4, 'Nordlicht', '10', '249.00')
		];
		// A row inserted at the top, Kanzlei changed, Nordlicht gone.
		const after = [
			line(2, 'TechnoForm', '4', '99.60'),
			line(3, 'Alpenblick', '35', '871.50'),
			line(4, 'Kanzlei', '40', '996.00')
		];
		const diff = diffRevisions({
			before,
			after,
			totals: { before: toDecimal('2066.70'), after: toDecimal('1967.1') }
		});
		expect(diff.added.map((l) => l.customerRef)).toEqual(['TechnoForm']);
		expect(diff.removed.map((l) => l.customerRef)).toEqual(['Nordlicht']);
		expect(diff.changed.map(({ before, after }) => [before.quantity, after.quantity])).toEqual([
			['38', '40']
		]);
		expect(diff.totals).toEqual({ before: '2066.70', after: '1967.10', difference: '-99.60' });
	});

	it('finds nothing between a revision and itself', () => {
		const lines = [line(2, 'A', '1', '24.90'), line(3, 'A', '1', '24.90')];
		const diff = diffRevisions({
			before: lines,
			after: [...lines].reverse(),
			totals: { before: toDecimal('49.80'), after: toDecimal('49.80') }
		});
		expect(diff).toMatchObject({ added: [], removed: [], changed: [] });
		expect(diff.totals.difference).toBe('0.00');
	});

	it('reads amounts as numbers: "35" and "35.00" are the same, "35" and "35.01" not', () => {
		const written = (quantity: string): DiffLine => ({
			...line(2, 'A', '1', '24.90'),
			quantity: quantity as DiffLine['quantity']
		});
		const same = diffRevisions({
			before: [written('35')],
			after: [written('35.00')],
			totals: { before: toDecimal('24.90'), after: toDecimal('24.90') }
		});
		expect(same).toMatchObject({ added: [], removed: [], changed: [] });
		const changed = diffRevisions({
			before: [written('35')],
			after: [written('35.01')],
			totals: { before: toDecimal('24.90'), after: toDecimal('24.90') }
		});
		expect(changed.changed.map(({ after }) => after.quantity)).toEqual(['35.01']);
	});

	it('a line is the same line only with the same SID, customer, SKU, unit, description and contract', () => {
		const base = line(2, 'A', '1', '24.90');
		const totals = { before: toDecimal('0'), after: toDecimal('0') };
		for (const change of [{ sku: 'OTHER' }, { unit: 'Named user' }, { contractId: 'SPC-2' }]) {
			const diff = diffRevisions({ before: [base], after: [{ ...base, ...change }], totals });
			expect([diff.added.length, diff.removed.length, diff.changed.length]).toEqual([1, 1, 0]);
		}
		expect(diffRevisions({ before: [base], after: [{ ...base }], totals })).toMatchObject({
			added: [],
			removed: [],
			changed: []
		});
	});

	it('lists removed lines in file order', () => {
		const diff = diffRevisions({
			before: [line(9, 'C', '1', '24.90'), line(4, 'B', '1', '24.90'), line(6, 'A', '1', '24.90')],
			after: [],
			totals: { before: toDecimal('74.70'), after: toDecimal('0') }
		});
		expect(diff.removed.map((l) => l.line)).toEqual([4, 6, 9]);
	});
});

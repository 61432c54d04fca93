import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseUsageCsv } from '$lib/import/import-usage-csv';
import { summarizeLines } from './report-totals';

const fixtures = new URL('../../../tests/fixtures/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', fixtures), 'utf8')).omnissa;

describe('summarizeLines on the sample exports', () => {
	for (const file of ['usage-2026-09.en.csv', 'usage-2026-10.de.csv']) {
		it(`gives the expected totals of ${file}`, () => {
			const bytes = new Uint8Array(readFileSync(new URL(`omnissa/${file}`, fixtures)));
			const { lines } = parseUsageCsv({ bytes, fileName: file });
			const totals = summarizeLines(lines);
			const want = expected[file];
			expect(totals.lines).toBe(want.rows);
			expect(totals.amount).toBe(want.total);
			expect(totals.quantity).toBe(want.quantitySum);
			expect(totals.bySid).toHaveLength(want.sids);
			expect(totals.byCustomer).toHaveLength(want.customers);
		});
	}

	it('rounds the total half-even once, after an exact sum', () => {
		const line = (sid: string, total: string) =>
			({ sid, quantity: '1', total }) as Parameters<typeof summarizeLines>[0][number];
		const totals = summarizeLines([line('A', '0.005'), line('A', '0.01'), line('B', '0.0149')]);
		expect(totals.amount).toBe('0.03');
		expect(totals.bySid).toEqual([
			{ key: 'A', lines: 2, quantity: '2', amount: '0.02' },
			{ key: 'B', lines: 1, quantity: '1', amount: '0.01' }
		]);
	});

	it('writes quantity sums as before, without trailing zeros, and credits net out', () => {
		const line = (quantity: string, total: string) =>
			({ sid: 'A', quantity, total }) as Parameters<typeof summarizeLines>[0][number];
		expect(summarizeLines([line('1.50', '3.00'), line('2.50', '5.00')])).toMatchObject({
			quantity: '4',
			amount: '8.00'
		});
		expect(summarizeLines([line('-6', '-149.40'), line('6', '149.40')])).toMatchObject({
			quantity: '0',
			amount: '0.00'
		});
		expect(summarizeLines([])).toMatchObject({ quantity: '0', amount: '0.00', bySid: [] });
	});

	it('lists SIDs and customers in key order, a line without customer under ""', () => {
		const line = (sid: string, customerRef: string | undefined) =>
			({ sid, customerRef, quantity: '1', total: '1.00' }) as Parameters<
				typeof summarizeLines
			>[0][number];
		const totals = summarizeLines([
			line('C', 'Zeta'),
			line('A', undefined),
			line('B', 'Alpha'),
			line('A', 'Zeta')
		]);
		expect(totals.bySid.map((group) => [group.key, group.lines])).toEqual([
			['A', 2],
			['B', 1],
			['C', 1]
		]);
		expect(totals.byCustomer.map((group) => [group.key, group.lines])).toEqual([
			['', 1],
			['Alpha', 1],
			['Zeta', 2]
		]);
	});
});

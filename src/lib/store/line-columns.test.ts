import type { UsageLine } from '$lib/domain/usage-line';
import { describe, expect, it } from 'vitest';
import { fromLineColumns, toLineColumns } from './line-columns';

const full = {
	line: 2,
	sid: 'SID-4711-HZN-01',
	description: 'Horizon Universal',
	quantity: '12',
	unitPrice: '24.90',
	total: '298.80',
	customerRef: 'Kanzlei Weber',
	sku: 'HZN-UNI',
	unit: 'user',
	period: '2026-10',
	contractId: 'C-1',
	currency: 'EUR'
} as UsageLine;
const bare = {
	line: 7,
	sid: 'SID-1',
	description: '',
	quantity: '-1',
	unitPrice: '0',
	total: '0'
} as UsageLine;

describe('line columns', () => {
	it('stores each distinct text once per column, with an index per line', () => {
		const columns = toLineColumns([full, bare, { ...full, line: 8, quantity: '3' } as UsageLine]);
		expect(columns.line).toEqual(Uint32Array.of(2, 7, 8));
		expect(columns.sid).toEqual({
			values: ['SID-4711-HZN-01', 'SID-1'],
			codes: Uint32Array.of(0, 1, 0)
		});
		expect(columns.quantity).toEqual(['12', '-1', '3']);
		expect(columns.unitPrice).toEqual({ values: ['24.90', '0'], codes: Uint32Array.of(0, 1, 0) });
		expect(columns.customerRef).toEqual({
			values: ['Kanzlei Weber', null],
			codes: Uint32Array.of(0, 1, 0)
		});
	});

	it('gives back every line as it went in: same fields, same key order, an empty text kept', () => {
		const empty = { ...full, line: 9, customerRef: '' } as UsageLine;
		const back = fromLineColumns(toLineColumns([full, bare, empty]));
		expect(back).toStrictEqual([full, bare, empty]);
		expect(back.map((line) => JSON.stringify(line))).toEqual(
			[full, bare, empty].map((line) => JSON.stringify(line))
		);
	});

	it('survives a structured clone, as IndexedDB stores it', () => {
		const columns = structuredClone(toLineColumns([full, bare]));
		expect(fromLineColumns(columns)).toStrictEqual([full, bare]);
	});

	it('handles a chunk without lines', () => {
		expect(fromLineColumns(toLineColumns([]))).toEqual([]);
	});
});

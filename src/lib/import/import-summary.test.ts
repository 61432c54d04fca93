import type { UsageLine } from '../domain/usage-line';
import { describe, expect, it } from 'vitest';
import { parseUsageCsv } from './import-usage-csv';
import { namedIn, unreadableRows } from './import-summary';

const line = (period?: string, currency?: string) => ({ period, currency }) as unknown as UsageLine;

describe('import summary', () => {
	it('names each period and currency once, sorted, across runs and gaps', () => {
		const lines = [
			line('2026-10', 'EUR'),
			line('2026-10', 'EUR'),
			line(undefined, undefined),
			line('2026-10', 'USD'),
			line('2026-09', 'EUR')
		];
		expect(namedIn(lines)).toEqual({ periods: ['2026-09', '2026-10'], currencies: ['EUR', 'USD'] });
		expect(namedIn([])).toEqual({ periods: [], currencies: [] });
	});

	it('counts the rows that gave no line, not the lines kept despite a problem', () => {
		const text = [
			'SID,Quantity,Unit Price,Total',
			'SID-4711-HZN-01,2,1.50,3.00',
			'SID-4711-HZN-01,zwei,1.50,3.00',
			'SID-4711-HZN-01,2,1.50,3.01',
			'sid bad,2,1.50,3.00'
		].join('\n');
		const result = parseUsageCsv({ bytes: new TextEncoder().encode(text), fileName: 'u.csv' });
		expect(result.rowsRead).toBe(4);
		expect(result.lines.map((kept) => kept.line)).toEqual([2, 4]);
		expect(unreadableRows(result)).toBe(2);
	});
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readInvoiceFile } from './read-invoice';

const invoice = readFileSync(
	new URL('../../../tests/fixtures/omnissa/aggregator-invoice-2026-09.csv', import.meta.url)
);
const now = new Date('2026-11-12T09:00:00Z');

describe('readInvoiceFile', () => {
	it('reads the fixture invoice: its number, its month and 43 lines in German numbers', () => {
		const read = readInvoiceFile({ bytes: invoice, fileName: 'invoice.csv', now });
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		expect(read.invoice).toMatchObject({
			id: 'EXD-RE-2026-320939',
			period: '2026-09',
			fileName: 'invoice.csv',
			tolerance: '0.05',
			explanations: {}
		});
		expect(read.invoice.lines).toHaveLength(43);
		// Pos. 120: 850 × 15.70 net = 13,345.00 ("13.345,00").
		expect(read.invoice.lines.find((line) => line.pos === '120')).toMatchObject({
			quantity: '850',
			netAmount: '13345.00',
			discountPercent: '10.00'
		});
	});

	it('names the line and the column it cannot read', () => {
		const text = new TextDecoder().decode(invoice).replace(';86;1,86;', ';sechsundachtzig;1,86;');
		const read = readInvoiceFile({ bytes: new TextEncoder().encode(text), fileName: 'x.csv', now });
		expect(read).toEqual({
			ok: false,
			problems: [{ line: 4, field: 'quantity', message: '"sechsundachtzig" is not a number' }]
		});
		const noPeriod = text.replace('01.09.2026 - 30.09.2026', 'September');
		expect(
			readInvoiceFile({ bytes: new TextEncoder().encode(noPeriod), fileName: 'y.csv', now })
		).toEqual({
			ok: false,
			problems: [{ line: 2, field: 'Leistungszeitraum', message: '"September"' }]
		});
	});
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toDecimal } from '../../../domain/money';
import { parseLocaleNumber } from '../../../import/locale-number';
import { readCsvRecords } from '../../../import/read-csv-records';
import { formatCsv } from '../../../import/csv-export';
import { mapInvoiceRecords } from './invoice-csv';
import {
	explainLine,
	reconcileInvoice,
	RECONCILIATION_COLUMNS,
	type ReportLineForInvoice
} from './reconcile-invoice';

const FIXTURES = fileURLToPath(new URL('../../../../../tests/fixtures/omnissa/', import.meta.url));
const invoiceText = readFileSync(FIXTURES + 'aggregator-invoice-2026-09.csv', 'utf8');

/** The September report lines, read with the shared CSV reader (columns 3, 2, 5, 7, 9: customer, SID, SKU, qty, total). */
function septemberLines(): ReportLineForInvoice[] {
	const text = readFileSync(FIXTURES + 'usage-2026-09.en.csv', 'utf8');
	const [, ...rows] = [...readCsvRecords({ text, delimiter: ',', newline: '\n' })].flat();
	const num = (t: string) => {
		const r = parseLocaleNumber({ text: t, locale: 'en' });
		if (!r.ok) throw new Error(t);
		return r.value;
	};
	return rows.map(({ cells }) => ({
		sid: cells[1],
		customer: cells[2],
		sku: cells[4],
		quantity: num(cells[6]),
		totalMsrp: num(cells[8])
	}));
}

describe('reconcileInvoice on the fixture', () => {
	const { lines, problems } = mapInvoiceRecords({
		records: [...readCsvRecords({ text: invoiceText, delimiter: ';', newline: '\n' })].flat(),
		readNumber: (text) => parseLocaleNumber({ text, locale: 'de' })
	});
	const result = reconcileInvoice({
		invoiceLines: lines,
		reportLines: septemberLines(),
		tolerance: toDecimal('0.05')
	});

	it('reads the invoice through the shared CSV reader and locale numbers', () => {
		expect(problems).toEqual([]);
		expect(lines).toHaveLength(43);
		expect(lines.find((l) => l.pos === '100')?.quantity).toBe('1620'); // "1.620" in German
	});

	it('finds exactly the two planted differences and nothing else', () => {
		// 41 matched; Pos. 430 quantity 164 vs 146: net 1,024.34 - 911.92 = +112.42;
		// Pos. 120 850 x 15.70 = 13,345.00 vs 14,824.00 x 0.9 = 13,341.60: +3.40 > 0.05 tolerance.
		const differences = result.filter((l) => l.state !== 'matched');
		expect(result.filter((l) => l.state === 'matched')).toHaveLength(41);
		expect(
			differences.map((l) => [l.invoice?.pos, l.state, l.expectedNet, l.netDifference])
		).toEqual([
			['120', 'price-differs', '13341.60', '3.40'],
			['430', 'quantity-differs', '911.92', '112.42']
		]);
	});

	it('a line missing on either side', () => {
		// drop invoice Pos. 10 and add an invented one: one missing-on-invoice, one missing-in-report
		const extra = { ...lines[0], pos: '999', sid: 'SID-X' };
		const r = reconcileInvoice({
			invoiceLines: [...lines.slice(1), extra],
			reportLines: septemberLines(),
			tolerance: toDecimal('0.05')
		});
		expect(r.filter((l) => l.state.startsWith('missing')).map((l) => [l.state, l.key])).toEqual([
			['missing-in-report', 'Bäckerei Hüttner KG|SID-X|OSP-ACC-USR'],
			['missing-on-invoice', 'Bäckerei Hüttner KG|SID-4711-ACC-01|OSP-ACC-USR']
		]);
	});

	it('explained with a comment; the CSV export neutralises formula cells', () => {
		const key = result.find((l) => l.invoice?.pos === '120')!.key;
		const explained = explainLine(result, key, '=HYPERLINK("x") rounding, credit note asked');
		const csv = formatCsv({ columns: RECONCILIATION_COLUMNS, rows: explained, locale: 'de' });
		expect(csv).toContain(`'=HYPERLINK(""x"") rounding, credit note asked`);
		expect(csv).toContain('price-differs;850;850;13341,60;13345,00;3,40');
	});
});

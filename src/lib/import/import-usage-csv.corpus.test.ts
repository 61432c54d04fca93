import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summarizeLines } from '../domain/report-totals';
import { formatImportProblem } from './import-messages';
import { parseUsageCsv, type UsageImportResult } from './import-usage-csv';

/** The broken and tricky files of `tests/fixtures/import/` (see the README there). */
function load(
	name: string,
	mapping?: Parameters<typeof parseUsageCsv>[0]['mapping']
): UsageImportResult {
	const url = new URL(`../../../tests/fixtures/import/${name}`, import.meta.url);
	const bytes = new Uint8Array(readFileSync(url));
	return parseUsageCsv(mapping ? { bytes, fileName: name, mapping } : { bytes, fileName: name });
}

const messages = (result: UsageImportResult, locale: 'de' | 'en' = 'en') =>
	result.problems.map((problem) => formatImportProblem(problem, locale));

describe('importer corpus', () => {
	it('reads Windows-1252 with umlauts and euro signs', () => {
		const result = load('windows-1252.de.csv');
		expect(result.detected).toMatchObject({
			encoding: 'windows-1252',
			bom: false,
			delimiter: ';',
			numberLocale: 'de'
		});
		expect(result.problems).toEqual([]);
		expect(result.detected.header[9]).toBe('Währung');
		expect(
			result.lines.map((line) => [
				line.line,
				line.customerRef,
				line.quantity,
				line.total,
				line.currency
			])
		).toEqual([
			[2, 'Bäckerei Hüttner KG', '18', '201.60', 'EUR'],
			[3, 'Müller & Söhne GmbH', '1480', '4617.60', 'EUR'],
			[4, 'Kanzlei am Markt', '42', '116.76', 'EUR']
		]);
		expect(result.lines[1]?.unit).toBe('Gerät');
		expect(result.totals).toMatchObject({ lines: 3, quantity: '1540', amount: '4935.96' });
	});

	it('reads UTF-8 with a BOM; the BOM is not part of the first header', () => {
		const result = load('utf8-bom.en.csv');
		expect(result.detected).toMatchObject({
			encoding: 'utf-8',
			bom: true,
			delimiter: ',',
			numberLocale: 'en'
		});
		expect(result.detected.header[0]).toBe('Period');
		expect(result.lines.map((line) => line.customerRef)).toEqual([
			'Bäckerei Hüttner KG',
			'Kanzlei am Markt, Steuerberatung PartG mbB'
		]);
		expect(result.totals).toMatchObject({ lines: 2, quantity: '1498', amount: '3753.60' });
	});

	it('reads quoted ; and line breaks, skips blank lines, and sets the total row aside', () => {
		const result = load('quoted-multiline.de.csv');
		expect(result.problems).toEqual([]);
		expect(result.lines.map((line) => [line.line, line.customerRef, line.description])).toEqual([
			[2, 'Kanzlei am Markt; Steuerberatung', 'Horizon Cloud Desktop\n(Standard; gemeinsam)'],
			[5, 'Nordlicht Logistik AG', 'Dynamic Environment Manager'],
			[7, 'Stadtwerke "Brunnental" GmbH', 'Workspace ONE Access']
		]);
		expect(result.totalRow).toEqual({
			line: 9,
			label: 'Summe',
			amount: '5280.60',
			quantity: '1654'
		});
		expect(result.totals).toMatchObject({ lines: 3, quantity: '1654', amount: '5280.60' });
		expect(result.rowsRead).toBe(3);
	});

	it('reports a total row that does not match the lines', () => {
		const result = load('total-mismatch.en.csv');
		expect(result.lines.length).toBe(2);
		expect(result.totalRow).toEqual({ line: 4, label: 'Total', amount: '1025.00', quantity: '99' });
		expect(messages(result)).toEqual([
			"total-mismatch.en.csv, line 4, Line Total: the total row says '1025.00', the lines add up to 1025.10"
		]);
		expect(result.problems[0]).toMatchObject({
			field: 'total',
			value: '1025.00',
			expected: '1025.1'
		});
	});

	it.each([
		[
			'binary.csv',
			'binary.csv: this is not a text file (a zip archive, such as an Excel .xlsx workbook); save it as CSV and import that'
		],
		['empty.csv', 'empty.csv: the file is empty'],
		['header-only.de.csv', 'header-only.de.csv, line 1: the file has a header but no data rows'],
		[
			'unknown-headers.de.csv',
			'unknown-headers.de.csv, line 1: no known columns found; map the columns (SID, quantity, unit price, total) by hand'
		],
		[
			'malformed-quotes.en.csv',
			'malformed-quotes.en.csv, line 3: a quoted cell is not closed properly'
		]
	])('reports %s', (name, message) => {
		const result = load(name);
		expect(messages(result)).toEqual([message]);
		expect(result.lines.length).toBe(name.startsWith('malformed') ? 1 : 0);
	});

	it('reports every bad row of a German file with line and column, in both languages', () => {
		const result = load('bad-rows.de.csv');
		expect(result.problems.map((problem) => [problem.line, problem.column, problem.code])).toEqual([
			[17, 'Menge', 'not-a-number'],
			[18, 'Service-ID (SID)', 'missing-value'],
			[19, 'Gesamt (UVP)', 'line-total-mismatch'],
			[20, 'Service-ID (SID)', 'invalid-sid'],
			[21, 'Einzelpreis (UVP)', 'number-format-mismatch'],
			[22, 'Währung', 'invalid-currency'],
			[23, undefined, 'column-count-mismatch'],
			[24, 'Einzelpreis (UVP)', 'currency-mismatch'],
			[25, 'Menge', 'missing-value']
		]);
		expect(messages(result, 'en').slice(0, 3)).toEqual([
			"bad-rows.de.csv, line 17, Menge: 'zwölf' is not a number",
			'bad-rows.de.csv, line 18, Service-ID (SID): value missing',
			"bad-rows.de.csv, line 19, Gesamt (UVP): '4.400,00' is not quantity × unit price (4482.00)"
		]);
		expect(messages(result, 'de')[0]).toBe(
			"bad-rows.de.csv, Zeile 17, Menge: 'zwölf' ist keine Zahl"
		);
		// 15 good lines (with the credit), plus the two kept with a mismatch (19 and 24).
		expect(result.lines.map((line) => line.line)).toEqual([
			...Array.from({ length: 15 }, (_, i) => i + 2),
			19,
			24
		]);
		expect(result.lines[3]).toMatchObject({ line: 5, quantity: '-6', total: '-67.20' });
		expect(result.lines[15]).toMatchObject({
			line: 19,
			quantity: '180',
			unitPrice: '24.90',
			total: '4400.00'
		});
		expect(result.totals).toMatchObject({ lines: 17, quantity: '4632', amount: '26328.42' });
		// Added up line by line as they were checked: the same as a pass over the kept lines.
		expect(result.totals).toEqual(summarizeLines(result.lines));
	});

	it('refuses ambiguous numbers unless the mapping states the format', () => {
		const guessed = load('ambiguous.de.csv');
		expect(guessed.detected.numberLocale).toBeUndefined();
		expect(messages(guessed)).toEqual([
			"ambiguous.de.csv, line 2, Einzelpreis: '1.285' is ambiguous (German 1285, English 1.285); choose the number format in the column mapping",
			"ambiguous.de.csv, line 2, Gesamt: '1.285' is ambiguous (German 1285, English 1.285); choose the number format in the column mapping",
			"ambiguous.de.csv, line 3, Gesamt: '1.000' is ambiguous (German 1000, English 1.000); choose the number format in the column mapping"
		]);
		expect(guessed.lines).toEqual([]);
		expect(guessed.detected.numberQuestion).toMatchObject({ rows: 2 });
		const stated = load('ambiguous.de.csv', { fields: {}, numberLocale: 'de' });
		expect(stated.problems).toEqual([]);
		expect(stated.totals).toMatchObject({ lines: 2, quantity: '3', amount: '2285.00' });
	});

	it("skips Excel's sep= line and a title line above the header", () => {
		const result = load('title-and-sep.de.csv');
		expect(result.detected).toMatchObject({ delimiter: ';', headerLine: 3 });
		expect(result.lines).toEqual([
			{
				line: 4,
				sid: 'SID-4711-HZN-01',
				description: '',
				quantity: '2',
				unitPrice: '24.90',
				total: '49.80'
			}
		]);
	});
});

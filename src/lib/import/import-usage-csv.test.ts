import type { UsageLine } from '../domain/usage-line';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sum, toAmount, type DecimalString } from '../domain/money';
import { summarizeLines } from '../domain/report-totals';
import { formatImportProblem } from './import-messages';
import { importUsageCsv, parseUsageCsv } from './import-usage-csv';
import { createMappingPreset } from './mapping-preset';

/** The sample data (tests/fixtures/SAMPLE-DATA.md), copied from the shared fixtures. */
const SHARED = fileURLToPath(new URL('../../../tests/fixtures/', import.meta.url));
const expected = JSON.parse(readFileSync(join(SHARED, 'expected.json'), 'utf8'));
const fixture = (name: string) => new Uint8Array(readFileSync(join(SHARED, 'omnissa', name)));

type Figures = {
	rows: number;
	total: string;
	quantitySum: string;
	customers: number;
	sids: number;
};

function grouped(lines: UsageLine[], key: (line: UsageLine) => string) {
	const groups = new Map<string, DecimalString[]>();
	for (const line of lines) groups.set(key(line), [...(groups.get(key(line)) ?? []), line.total]);
	return new Map(
		[...groups].map(([name, totals]) => [
			name,
			{ rows: totals.length, total: toAmount(sum(totals)) }
		])
	);
}

describe('importUsageCsv on the Omnissa sample exports', () => {
	it.each([
		['usage-2026-09.en.csv', { encoding: 'utf-8', bom: false, delimiter: ',', numberLocale: 'en' }],
		['usage-2026-10.de.csv', { encoding: 'utf-8', bom: true, delimiter: ';', numberLocale: 'de' }]
	] as const)('imports %s with the figures of expected.json', async (name, detected) => {
		const figures: Figures & {
			byCustomer: Record<string, string>;
			bySid: Record<string, { rows: number; total: string }>;
			bySku: Record<string, string>;
		} = expected.omnissa[name];
		const result = await importUsageCsv({ bytes: fixture(name), fileName: name });
		expect(result.problems).toEqual([]);
		expect(result.detected).toMatchObject({ ...detected, headerLine: 1 });
		// The October quantities `1.480` are settled by their line totals: nothing to ask.
		expect(result.detected.numberQuestion).toBeUndefined();
		expect(result.lines.length).toBe(figures.rows);
		expect(result.rowsRead).toBe(figures.rows);
		expect(result.totals).toMatchObject({
			lines: figures.rows,
			quantity: figures.quantitySum,
			amount: figures.total
		});
		expect(result.totals).toEqual(summarizeLines(result.lines));
		expect(result.lines.map((line) => line.line)).toEqual(
			Array.from({ length: figures.rows }, (_, i) => i + 2)
		);
		const customers = grouped(result.lines, (line) => line.customerRef ?? '');
		expect(customers.size).toBe(figures.customers);
		expect(Object.fromEntries([...customers].map(([key, group]) => [key, group.total]))).toEqual(
			figures.byCustomer
		);
		expect(Object.fromEntries(grouped(result.lines, (line) => line.sid))).toEqual(figures.bySid);
		const skus = grouped(result.lines, (line) => line.sku ?? '');
		expect(Object.fromEntries([...skus].map(([key, group]) => [key, group.total]))).toEqual(
			figures.bySku
		);
		expect(result.digest).toMatch(/^[0-9a-f]{64}$/);
	});

	it('reads the October credit line and the umlauts as written', () => {
		const result = parseUsageCsv({ bytes: fixture('usage-2026-10.de.csv'), fileName: 'oct.csv' });
		expect(result.lines[4]).toEqual({
			line: 6,
			sid: 'SID-4711-HZN-01',
			description: 'Veröffentlichte Anwendungen (RDSH)',
			customerRef: 'Nordlicht Logistik AG',
			quantity: '-6',
			unitPrice: '11.20',
			total: '-67.20',
			currency: 'EUR',
			sku: 'OSP-APP-PUB-CCU',
			unit: 'Gleichzeitiger Benutzer',
			period: '2026-10',
			contractId: 'SPC-4711-2026-01'
		});
		expect(result.lines.filter((line) => line.quantity === '1480').length).toBe(2);
	});
});

describe('importUsageCsv options', () => {
	const header = 'Datum;Artikel;Stück;Preis;Wert';
	const bytes = new TextEncoder().encode(
		`${header}\r\n2026-10-01;SID-4711-HZN-01;1.480;1,50;2.220,00\r\n`
	);
	const mapping = { fields: { sid: 'Artikel', quantity: 2, unitPrice: 'Preis', total: 'Wert' } };

	it('refuses unknown headers without a mapping', () => {
		const result = parseUsageCsv({ bytes, fileName: 'x.csv' });
		expect(result.problems.map((problem) => formatImportProblem(problem, 'en'))).toEqual([
			'x.csv, line 1: no known columns found; map the columns (SID, quantity, unit price, total) by hand'
		]);
	});

	it('imports them with a mapping, or with the preset saved for that header', () => {
		const direct = parseUsageCsv({ bytes, fileName: 'x.csv', mapping });
		expect(direct.problems).toEqual([]);
		expect(direct.lines).toEqual([
			{
				line: 2,
				sid: 'SID-4711-HZN-01',
				description: '',
				quantity: '1480',
				unitPrice: '1.50',
				total: '2220.00'
			}
		]);
		const preset = createMappingPreset({ source: 'reseller', header: header.split(';'), mapping });
		const viaPreset = parseUsageCsv({ bytes, fileName: 'x.csv', presets: [preset] });
		expect(viaPreset.lines).toEqual(direct.lines);
		expect(viaPreset.detected).toMatchObject({
			presetSource: 'reseller',
			mapping,
			numberLocale: 'de'
		});
	});

	it('names a mapped column the file does not have', () => {
		const result = parseUsageCsv({
			bytes,
			fileName: 'x.csv',
			mapping: { fields: { ...mapping.fields, sid: 'SID' } }
		});
		expect(result.problems.map((problem) => formatImportProblem(problem, 'de'))).toEqual([
			"x.csv, Zeile 1: die zugeordnete Spalte 'SID' für Service-ID (SID) fehlt in der Datei"
		]);
	});

	it('reports progress every 5,000 rows and at the end', async () => {
		const rows = Array.from(
			{ length: 12_345 },
			(_, i) => `SID-4711-HZN-01,${i + 1},1.00,${i + 1}.00`
		);
		const big = new TextEncoder().encode(['SID,Quantity,Unit Price,Total', ...rows].join('\n'));
		const seen: number[] = [];
		const result = await importUsageCsv({
			bytes: big,
			fileName: 'big.csv',
			onProgress: (n) => seen.push(n)
		});
		expect(seen).toEqual([5000, 10000, 12345]);
		expect(result.totals).toMatchObject({
			lines: 12345,
			quantity: '76205685',
			amount: '76205685.00'
		});
	});

	it('stops when the signal aborts and says so', async () => {
		const rows = Array.from({ length: 20_000 }, () => 'SID-4711-HZN-01,1,1.00,1.00');
		const big = new TextEncoder().encode(['SID,Quantity,Unit Price,Total', ...rows].join('\n'));
		const controller = new AbortController();
		const seen: number[] = [];
		const result = await importUsageCsv({
			bytes: big,
			fileName: 'big.csv',
			signal: controller.signal,
			onProgress: (n) => {
				seen.push(n);
				controller.abort();
			}
		});
		expect(seen).toEqual([5000]);
		expect(result.lines).toEqual([]);
		expect(result.problems).toEqual([{ code: 'aborted', file: 'big.csv' }]);
	});

	it('gives the same file the same digest', async () => {
		const a = await importUsageCsv({ bytes: fixture('usage-2026-09.en.csv'), fileName: 'a.csv' });
		const b = await importUsageCsv({ bytes: fixture('usage-2026-09.en.csv'), fileName: 'b.csv' });
		const c = await importUsageCsv({ bytes: fixture('usage-2026-10.de.csv'), fileName: 'c.csv' });
		expect(a.digest).toBe(b.digest);
		expect(a.digest).not.toBe(c.digest);
	});
});

describe('importUsageCsv on an English file with a German-looking cell', () => {
	it('refuses 0,480 in a number column, never reading it as 480', () => {
		const text = [
			'SID,Quantity,Unit Price,Total',
			'SID-4711-HZN-01,38,24.90,946.20',
			'SID-4711-HZN-02,"0,480",10.00,4.80',
			'SID-4711-HZN-03,140,11.20,1568.00'
		].join('\n');
		const result = parseUsageCsv({ bytes: new TextEncoder().encode(text), fileName: 'en.csv' });
		expect(result.detected.numberLocale).toBe('en');
		expect(result.lines.map((line) => line.quantity)).toEqual(['38', '140']);
		expect(result.problems.map((problem) => formatImportProblem(problem, 'en'))).toEqual([
			expect.stringMatching(/^en\.csv, line 3, Quantity: '0,480'/)
		]);
	});
});

describe('importUsageCsv on SIDs of more than one shape', () => {
	const text = [
		'SID;Menge;Einzelpreis;Gesamt',
		'SID-4711-HZN-01;2;1,50;3,00',
		'HZN-DAAS-NU;2;1,50;3,00',
		'sid-4711-hzn-02;2;1,50;3,00',
		'sid.4711.hzn.03;2;1,50;3,00'
	].join('\n');
	const bytes = new TextEncoder().encode(text);

	it('imports every row with the built-in pattern (any id without spaces)', () => {
		const result = parseUsageCsv({ bytes, fileName: 'sids.csv' });
		expect(result.problems).toEqual([]);
		expect(result.lines.map((line) => line.sid)).toEqual([
			'SID-4711-HZN-01',
			'HZN-DAAS-NU',
			'sid-4711-hzn-02',
			'sid.4711.hzn.03'
		]);
	});

	it("keeps a SID outside the pack's pattern as a line, with a problem naming the pattern", () => {
		const sidPattern = 'SID-[0-9]{4,}-[A-Z]{3}-[0-9]{2}';
		const result = parseUsageCsv({ bytes, fileName: 'sids.csv', sidPattern });
		expect(result.lines.length).toBe(4);
		expect(result.problems.map((problem) => [problem.line, problem.code, problem.value])).toEqual([
			[3, 'sid-pattern-mismatch', 'HZN-DAAS-NU'],
			[4, 'sid-pattern-mismatch', 'sid-4711-hzn-02'],
			[5, 'sid-pattern-mismatch', 'sid.4711.hzn.03']
		]);
		expect(result.problems[0].expected).toBe(sidPattern);
	});

	it('refuses a SID with a space, which is no id', () => {
		const spaced = new TextEncoder().encode('SID;Menge;Einzelpreis;Gesamt\nSID 4711;2;1,50;3,00\n');
		const result = parseUsageCsv({ bytes: spaced, fileName: 'sids.csv' });
		expect(result.lines).toEqual([]);
		expect(result.problems.map((problem) => problem.code)).toEqual(['invalid-sid']);
	});
});

describe('importUsageCsv on a file without a total column', () => {
	it('computes each total as quantity × unit price, half-even to 2 places, and says so', () => {
		const text = [
			'SID,Quantity,Unit Price',
			'SID-4711-HZN-01,1301,0.125',
			'SID-4711-HZN-01,1303,0.125',
			'SID-4711-HZN-02,-6,11.20',
			'SID-4711-HZN-03,140,24.90'
		].join('\n');
		const result = parseUsageCsv({ bytes: new TextEncoder().encode(text), fileName: 'nt.csv' });
		expect(result.problems).toEqual([]);
		expect(result.detected.totalsComputed).toBe(true);
		expect(result.lines.map((line) => line.total)).toEqual([
			'162.62',
			'162.88',
			'-67.20',
			'3486.00'
		]);
		expect(result.totals).toMatchObject({ lines: 4, quantity: '2738', amount: '3744.30' });
	});

	it('says nothing about computed totals when the file has them', () => {
		const result = parseUsageCsv({ bytes: fixture('usage-2026-09.en.csv'), fileName: 'sep.csv' });
		expect(result.detected.totalsComputed).toBeUndefined();
	});
});

describe('importUsageCsv on totals rounded half-even', () => {
	it('accepts all 300 rows of a generated file whose totals are the rounded products', () => {
		// Quantities 1201…1500 at 0.125: every second product ends in an exact half cent.
		const rows = Array.from({ length: 300 }, (_, i) => {
			const quantity = 1201 + i;
			const cents = Math.round(quantity * 125); // thousandths of a euro, exact in a double
			const even =
				Math.floor(cents / 10) +
				(cents % 10 > 5 || (cents % 10 === 5 && Math.floor(cents / 10) % 2 === 1) ? 1 : 0);
			const total = `${Math.floor(even / 100)},${String(even % 100).padStart(2, '0')}`;
			return `SID-4711-HZN-01;${quantity};0,125;${total}`;
		});
		const text = ['SID;Menge;Einzelpreis;Gesamt', ...rows].join('\n');
		const result = parseUsageCsv({ bytes: new TextEncoder().encode(text), fileName: 'r.csv' });
		expect(result.lines.length).toBe(300);
		expect(result.problems).toEqual([]);
	});
});

import type { UsageLine } from '../domain/usage-line';
import { describe, expect, it } from 'vitest';
import { isDecimalString, type DecimalString } from '../domain/money';
import { formatCsv, formatUsageCsv } from './csv-export';
import { parseUsageCsv } from './import-usage-csv';

/** A decimal string as written, trailing zeros kept (`toDecimal` would normalise them). */
function d(value: string): DecimalString {
	if (!isDecimalString(value)) throw new TypeError(value);
	return value;
}

const LINES: UsageLine[] = [
	{
		line: 2,
		sid: 'SID-4711-HZN-01',
		description: 'Veröffentlichte Anwendungen; "RDSH"',
		customerRef: 'Nordlicht Logistik AG',
		quantity: d('-6'),
		unitPrice: d('11.20'),
		total: d('-67.20'),
		currency: 'EUR'
	},
	{
		line: 3,
		sid: 'SID-4711-ACC-01',
		description: '=HYPERLINK("http://evil.example","x")',
		customerRef: '-Kanzlei, am Markt',
		quantity: d('1480'),
		unitPrice: d('2.4'),
		total: d('3552'),
		sku: '@SUM(A1)',
		unit: '\tBenutzer'
	}
];

describe('formatUsageCsv', () => {
	it('writes German CSV: ;, decimal comma, quotes where needed, formulas neutralised', () => {
		expect(formatUsageCsv({ lines: LINES, locale: 'de', bom: false }).split('\r\n')).toEqual([
			'Service-ID (SID);Kunde;Produkt;SKU;Einheit;Menge;Einzelpreis (UVP);Gesamt (UVP);Währung',
			'SID-4711-HZN-01;Nordlicht Logistik AG;"Veröffentlichte Anwendungen; ""RDSH""";;;-6;11,20;-67,20;EUR',
			`SID-4711-ACC-01;'-Kanzlei, am Markt;"'=HYPERLINK(""http://evil.example"",""x"")";'@SUM(A1);'\tBenutzer;1480;2,4;3552;`,
			''
		]);
	});

	it('writes English CSV: , and decimal point, a BOM by default', () => {
		const text = formatUsageCsv({ lines: LINES.slice(0, 1), locale: 'en' });
		expect(text).toBe(
			'\uFEFFService Identifier (SID),Customer,Product,SKU,Unit,Quantity,Unit Price (MSRP),Total (MSRP),Currency\r\n' +
				'SID-4711-HZN-01,Nordlicht Logistik AG,"Veröffentlichte Anwendungen; ""RDSH""",,,-6,11.20,-67.20,EUR\r\n'
		);
	});

	it('reads back through the importer with the same lines', () => {
		for (const locale of ['de', 'en'] as const) {
			const bytes = new TextEncoder().encode(formatUsageCsv({ lines: LINES.slice(0, 1), locale }));
			const result = parseUsageCsv({ bytes, fileName: `export.${locale}.csv` });
			expect(result.problems).toEqual([]);
			expect(result.lines).toEqual([{ ...LINES[0], line: 2 }]);
		}
	});
});

type Row = [string, string | undefined];

describe('formatCsv', () => {
	it('guards text cells only: a negative number stays a number', () => {
		const columns = [
			{ header: 'Text', kind: 'text' as const, value: (row: Row) => row[0] },
			{ header: 'Zahl', kind: 'number' as const, value: (row: Row) => row[1] }
		];
		const rows: Row[] = [
			['+49 30 123', '-1.5'],
			['\rcmd', undefined]
		];
		expect(formatCsv({ columns, rows, locale: 'de', bom: false })).toBe(
			'Text;Zahl\r\n\'+49 30 123;-1,5\r\n"\'\rcmd";\r\n'
		);
	});
});

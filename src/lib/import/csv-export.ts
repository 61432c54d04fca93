import type { UsageLine } from '../domain/usage-line';
import type { DecimalString } from '../domain/money';
import type { NumberLocale } from './import-problem';

/** A column of an export: text cells are guarded against formulas, number cells are not. */
export type CsvColumn<T> = {
	header: string;
	kind: 'text' | 'number';
	value: (row: T) => string | undefined;
};

const CONVENTIONS: Record<NumberLocale, { delimiter: string; decimal: string }> = {
	de: { delimiter: ';', decimal: ',' },
	en: { delimiter: ',', decimal: '.' }
};

/** OWASP "CSV injection": a spreadsheet runs a cell starting with one of these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Writes rows as CSV in a locale's convention (de: `;` and `1234,56`; en: `,` and `1234.56`),
 * RFC 4180 quoting and CRLF line ends. A text cell that a spreadsheet would run as a formula
 * gets a leading `'` (OWASP). `bom` (default true) starts the text with U+FEFF, without which
 * Excel reads UTF-8 as Windows-1252 and breaks every umlaut.
 */
export function formatCsv<T>({
	columns,
	rows,
	locale,
	bom = true
}: {
	columns: readonly CsvColumn<T>[];
	rows: Iterable<T>;
	locale: NumberLocale;
	bom?: boolean;
}): string {
	const { delimiter, decimal } = CONVENTIONS[locale];
	const write = (cells: string[]) => cells.map((cell) => quote(cell, delimiter)).join(delimiter);
	const out = [write(columns.map((column) => neutralize(column.header)))];
	for (const row of rows) {
		const cells = columns.map((column) => {
			const value = column.value(row) ?? '';
			return column.kind === 'number' ? value.replace('.', decimal) : neutralize(value);
		});
		out.push(write(cells));
	}
	return (bom ? '\uFEFF' : '') + out.join('\r\n') + '\r\n';
}

function neutralize(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

function quote(cell: string, delimiter: string): string {
	const needs = cell.includes(delimiter) || /["\r\n]/.test(cell);
	return needs ? `"${cell.replaceAll('"', '""')}"` : cell;
}

const HEADERS: Record<NumberLocale, Record<string, string>> = {
	de: {
		sid: 'Service-ID (SID)',
		customerRef: 'Kunde',
		description: 'Produkt',
		sku: 'SKU',
		unit: 'Einheit',
		quantity: 'Menge',
		unitPrice: 'Einzelpreis (UVP)',
		total: 'Gesamt (UVP)',
		currency: 'Währung'
	},
	en: {
		sid: 'Service Identifier (SID)',
		customerRef: 'Customer',
		description: 'Product',
		sku: 'SKU',
		unit: 'Unit',
		quantity: 'Quantity',
		unitPrice: 'Unit Price (MSRP)',
		total: 'Total (MSRP)',
		currency: 'Currency'
	}
};

type ExportedField = 'sid' | 'customerRef' | 'description' | 'sku' | 'unit' | 'currency';
const TEXT: readonly ExportedField[] = ['sid', 'customerRef', 'description', 'sku', 'unit'];
const NUMBERS = ['quantity', 'unitPrice', 'total'] as const;

/** Usage lines as CSV with headers the importer reads back (the round trip is tested). */
export function formatUsageCsv({
	lines,
	locale,
	bom
}: {
	lines: Iterable<UsageLine>;
	locale: NumberLocale;
	bom?: boolean;
}): string {
	const headers = HEADERS[locale];
	const text = (field: ExportedField): CsvColumn<UsageLine> => ({
		header: headers[field] ?? field,
		kind: 'text',
		value: (line) => line[field]
	});
	const number = (field: (typeof NUMBERS)[number]): CsvColumn<UsageLine> => ({
		header: headers[field] ?? field,
		kind: 'number',
		value: (line): DecimalString => line[field]
	});
	const columns = [...TEXT.map(text), ...NUMBERS.map(number), text('currency')];
	return formatCsv({ columns, rows: lines, locale, ...(bom === undefined ? {} : { bom }) });
}

import { type DecimalString } from '../../../domain/money';
import type { InvoiceLine } from './reconcile-invoice';

/** The aggregator invoice's German headers mapped to fields (a mapping preset). */
export const INVOICE_PRESET_DE = {
	pos: 'Pos.',
	customer: 'Kunde',
	sid: 'Service-ID (SID)',
	sku: 'SKU',
	quantity: 'Menge',
	listValue: 'Listenwert (UVP)',
	discountPercent: 'Rabatt %',
	netAmount: 'Nettobetrag'
} as const;

export type InvoiceProblem = { line: number; field: string; message: string };

/**
 * Maps invoice CSV records (from the shared `readCsvRecords`) to invoice lines, numbers read by the
 * shared `parseLocaleNumber` (both passed in: programs may not import `import`). Problems name line and field.
 */
export function mapInvoiceRecords({
	records,
	readNumber,
	preset = INVOICE_PRESET_DE
}: {
	records: readonly { line: number; cells: string[] }[];
	readNumber: (text: string) => { ok: true; value: DecimalString } | { ok: false };
	preset?: Record<keyof typeof INVOICE_PRESET_DE, string>;
}): { lines: InvoiceLine[]; problems: InvoiceProblem[] } {
	const [header, ...rows] = records;
	const problems: InvoiceProblem[] = [];
	const index = {} as Record<keyof typeof INVOICE_PRESET_DE, number>;
	for (const [field, title] of Object.entries(preset) as [
		keyof typeof INVOICE_PRESET_DE,
		string
	][]) {
		index[field] = header.cells.findIndex((c) => c.trim() === title);
		if (index[field] < 0)
			problems.push({ line: header.line, field, message: `column "${title}" missing` });
	}
	if (problems.length) return { lines: [], problems };
	const number = (
		cells: string[],
		field: keyof typeof INVOICE_PRESET_DE,
		line: number
	): DecimalString | undefined => {
		const read = readNumber(cells[index[field]] ?? '');
		if (read.ok) return read.value;
		problems.push({ line, field, message: `"${cells[index[field]]}" is not a number` });
		return undefined;
	};
	const lines: InvoiceLine[] = [];
	for (const { cells, line } of rows) {
		const quantity = number(cells, 'quantity', line);
		const listValue = number(cells, 'listValue', line);
		const discountPercent = number(cells, 'discountPercent', line);
		const netAmount = number(cells, 'netAmount', line);
		if (!quantity || !listValue || !discountPercent || !netAmount) continue;
		lines.push({
			pos: cells[index.pos].trim(),
			customer: cells[index.customer].trim(),
			sid: cells[index.sid].trim(),
			sku: cells[index.sku].trim(),
			quantity,
			listValue,
			discountPercent,
			netAmount
		});
	}
	return { lines, problems };
}

import { z } from 'zod';
import { isDecimalString, toDecimal } from '../../../domain/money';
import { isPeriod, type Period } from '../../../domain/period';

const decimal = z.string().refine(isDecimalString, { message: 'not a decimal number' });

/**
 * An aggregator invoice as the partner imported it, kept to reconcile it with the delivered report
 * of its period: its lines as read, the tolerance below which a net difference is rounding (a
 * parameter, 0.05 by default), and the partner's explanations by line key.
 */
export const invoiceRecordSchema = z.object({
	id: z.string().min(1),
	period: z.string().refine(isPeriod, { message: 'not a month (YYYY-MM)' }),
	fileName: z.string(),
	importedAt: z.iso.datetime(),
	tolerance: decimal,
	lines: z.array(
		z.object({
			pos: z.string(),
			customer: z.string(),
			sid: z.string(),
			sku: z.string(),
			quantity: decimal,
			listValue: decimal,
			discountPercent: decimal,
			netAmount: decimal
		})
	),
	explanations: z.record(z.string(), z.string().min(1))
});
export type InvoiceRecord = z.infer<typeof invoiceRecordSchema>;

/** The default tolerance: a cent-level rounding by the aggregator is not a difference. */
export const DEFAULT_INVOICE_TOLERANCE = toDecimal('0.05');

const INVOICE_NUMBER = 'Rechnungsnummer';
const SERVICE_PERIOD = 'Leistungszeitraum';

/**
 * The invoice's number and the month it bills, from its first row ("Leistungszeitraum"
 * "01.09.2026 - 30.09.2026" bills September 2026). A period that is not one calendar month is a
 * problem naming the line and the column.
 */
export function invoiceHeaderOf(
	records: readonly { line: number; cells: string[] }[]
):
	| { ok: true; invoiceNo: string | undefined; period: Period }
	| { ok: false; line: number; field: string; value: string } {
	const [header, first] = records;
	const column = (title: string) => header?.cells.findIndex((cell) => cell.trim() === title) ?? -1;
	const periodAt = column(SERVICE_PERIOD);
	const text = first && periodAt >= 0 ? (first.cells[periodAt] ?? '').trim() : '';
	const match = /^01\.(\d{2})\.(\d{4})\s*-\s*(\d{2})\.(\d{2})\.(\d{4})$/.exec(text);
	const lastDay = match && new Date(Date.UTC(Number(match[2]), Number(match[1]), 0)).getUTCDate();
	if (!match || match[1] !== match[4] || match[2] !== match[5] || Number(match[3]) !== lastDay)
		return {
			ok: false,
			line: first?.line ?? header?.line ?? 1,
			field: SERVICE_PERIOD,
			value: text
		};
	const numberAt = column(INVOICE_NUMBER);
	const invoiceNo = numberAt >= 0 ? first.cells[numberAt]?.trim() || undefined : undefined;
	return { ok: true, invoiceNo, period: `${match[2]}-${match[1]}` as Period };
}

import { decodeBytes } from '$lib/import/decode-bytes';
import { detectDelimiter } from '$lib/import/detect-delimiter';
import { parseLocaleNumber } from '$lib/import/locale-number';
import { readCsvRecords } from '$lib/import/read-csv-records';
import { mapInvoiceRecords } from '$lib/programs/omnissa-sp/commercial/invoice-csv';
import {
	DEFAULT_INVOICE_TOLERANCE,
	invoiceHeaderOf,
	type InvoiceRecord
} from '$lib/programs/omnissa-sp/commercial/invoice-record';

/** A line of the invoice file the app could not read: where, which column, what it found. */
export type InvoiceFileProblem = { line: number; field: string; message: string };

/**
 * Reads an aggregator invoice export (the German CSV of the fixtures: `;`, `1.234,56`, any of the
 * encodings the usage import reads) with the usage importer's decoder, delimiter detection and CSV
 * reader; the invoice's own columns by their German headers. Stores nothing.
 */
export function readInvoiceFile(options: {
	bytes: Uint8Array;
	fileName: string;
	now: Date;
}): { ok: true; invoice: InvoiceRecord } | { ok: false; problems: InvoiceFileProblem[] } {
	const { text } = decodeBytes({ bytes: options.bytes });
	const newline = text.includes('\n') ? '\n' : '\r';
	const delimiter = detectDelimiter({ text, newline }) ?? ';';
	const records = [...readCsvRecords({ text, delimiter, newline })].flat();
	if (records.length < 2)
		return { ok: false, problems: [{ line: 1, field: '', message: 'no invoice lines' }] };
	const header = invoiceHeaderOf(records);
	if (!header.ok)
		return {
			ok: false,
			problems: [{ line: header.line, field: header.field, message: `"${header.value}"` }]
		};
	const read = mapInvoiceRecords({
		records,
		readNumber: (cell) => {
			const number = parseLocaleNumber({ text: cell.trim(), locale: 'de' });
			return number.ok ? { ok: true, value: number.value } : { ok: false };
		}
	});
	if (read.problems.length > 0) return { ok: false, problems: read.problems };
	return {
		ok: true,
		invoice: {
			id: header.invoiceNo ?? options.fileName,
			period: header.period,
			fileName: options.fileName,
			importedAt: options.now.toISOString(),
			tolerance: DEFAULT_INVOICE_TOLERANCE,
			lines: read.lines,
			explanations: {}
		}
	};
}

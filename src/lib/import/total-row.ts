import { compare, type DecimalString } from '../domain/money';
import type { ResolvedColumns } from './column-mapping';
import type { ImportProblem, NumberLocale } from './import-problem';
import { readNumberCell } from './number-locale';
import type { CsvRecord } from './read-csv-records';

/** The total row a spreadsheet export adds under the lines; excluded from the lines. */
export type TotalRow = {
	line: number;
	/** The cell that named it (`Summe`, `Total`). */
	label: string;
	amount?: DecimalString;
	quantity?: DecimalString;
};

const LABELS = new Set([
	'summe',
	'gesamtsumme',
	'endsumme',
	'gesamt',
	'insgesamt',
	'total',
	'totals',
	'grand total',
	'sum'
]);

function labelOf(cell: string | undefined): string | undefined {
	const text = cell?.trim();
	return text && LABELS.has(text.replace(/:$/, '').toLowerCase()) ? text : undefined;
}

/**
 * A record is a total row when its SID cell says `Summe`, `Total`, `Gesamt` or `Sum`, or its SID
 * cell is empty and its first non-empty cell says so, wherever that column is (a customer column
 * before the SID column). A SID cell holding anything else holds an id: a customer named
 * "Total" on a SID stays a line. Returns the label, or `undefined` for an ordinary record.
 */
export function findTotalRowLabel({
	record,
	columns
}: {
	record: CsvRecord;
	columns: ResolvedColumns;
}): string | undefined {
	const sid = columns.sid === undefined ? undefined : record.cells[columns.sid]?.trim();
	const sidLabel = labelOf(sid);
	if (sidLabel) return sidLabel;
	if (sid) return undefined;
	return labelOf(record.cells.find((cell) => cell.trim() !== ''));
}

/**
 * Reads the total row's amount and quantity and checks them against the sums of the imported
 * lines: a difference is a `total-row-mismatch` naming both figures (lines missing, or a typo).
 */
export function checkTotalRow({
	record,
	label,
	file,
	header,
	columns,
	numberLocale,
	sums
}: {
	record: CsvRecord;
	label: string;
	file: string;
	header: readonly string[];
	columns: ResolvedColumns;
	numberLocale: NumberLocale | undefined;
	sums: { quantity: DecimalString; amount: DecimalString };
}): { totalRow: TotalRow; problems: ImportProblem[] } {
	const totalRow: TotalRow = { line: record.line, label };
	const problems: ImportProblem[] = [];
	for (const field of ['total', 'quantity'] as const) {
		const index = columns[field];
		const text = index === undefined ? '' : (record.cells[index]?.trim() ?? '');
		if (index === undefined || text === '') continue;
		const place = { file, line: record.line, field, column: header[index] ?? '', value: text };
		const read = readNumberCell({ text, locale: numberLocale });
		if (!read.ok) {
			const mismatch = read.code === 'number-format-mismatch' && numberLocale;
			problems.push({ code: read.code, ...place, ...(mismatch ? { numberLocale } : {}) });
			continue;
		}
		const expected = field === 'total' ? sums.amount : sums.quantity;
		if (field === 'total') totalRow.amount = read.value;
		else totalRow.quantity = read.value;
		if (compare(read.value, expected) !== 0) {
			problems.push({ code: 'total-row-mismatch', ...place, expected });
		}
	}
	return { totalRow, problems };
}

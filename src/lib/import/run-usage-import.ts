import type { UsageLine } from '../domain/usage-line';
import { summarizeLines, TotalsAccumulator, type ReportTotals } from '../domain/report-totals';
import type { ColumnMapping } from './column-mapping';
import type { DecodedText } from './decode-bytes';
import type { ImportProblem } from './import-problem';
import type { MappingPreset } from './mapping-preset';
import { createNumberLocaleDetector } from './number-locale';
import { createNumberQuestionTracker } from './number-question';
import type { CsvRecord } from './read-csv-records';
import { readUsageTable, type ImportDetection } from './read-usage-table';
import { checkTotalRow, findTotalRowLabel, type TotalRow } from './total-row';
import { createRowContext, validateUsageRow, type RowContext } from './validate-usage-row';

export type UsageImportOptions = {
	bytes: Uint8Array;
	/** The bytes as text, when the caller decoded them while reading (`createChunkDecoder`). */
	decoded?: DecodedText;
	/** As the user chose it; every problem names it. */
	fileName: string;
	/** The user's mapping; wins over presets and header names. */
	mapping?: ColumnMapping;
	/** Saved mappings; the one made for this header layout is used. */
	presets?: readonly MappingPreset[];
	/**
	 * The effective pack's `sidPattern` (a regular expression source, matched whole): a SID
	 * outside it is kept with a `sid-pattern-mismatch`. Any id without spaces when absent.
	 */
	sidPattern?: string;
	/** Called with the number of data rows checked so far, every `PROGRESS_EVERY` rows. */
	onProgress?: (rowsRead: number) => void;
	/** Cancels an `importUsageCsv` between slices; the result then has an `aborted` problem. */
	signal?: AbortSignal;
};

export type UsageImportResult = {
	fileName: string;
	/** Every row that could be read, in file order, each with its physical line. */
	lines: UsageLine[];
	problems: ImportProblem[];
	detected: ImportDetection;
	/**
	 * Over `lines`: the quantity sum and the amount, half-even to 2 places (DESIGN.md), and the
	 * same per SID and per customer, as `summarizeLines` gives them; the store takes them as is.
	 */
	totals: ReportTotals;
	/** The file's own total row, excluded from `lines` and checked against `totals`. */
	totalRow?: TotalRow;
	/** Data rows read (not counting header, blank lines and the total row). */
	rowsRead: number;
	/** The rows that gave no line, with their cells as read: a report keeps them (left-out rows). */
	skippedRows: SkippedRow[];
	/** SHA-256 of the bytes, hex (only from `importUsageCsv`): finds a file imported twice. */
	digest?: string;
};

/** A data row that could not be read into a line; its problems name the same `line`. */
export type SkippedRow = { line: number; cells: string[] };

export const PROGRESS_EVERY = 5000;

/**
 * The import as steps. Each `yield` is a point where an async caller may let the event loop
 * run; a number is the count of rows checked so far, for progress. Rows are checked slice by
 * slice as they are parsed, once the number format is known (the first 1,000 telling cells
 * settle it; a file that mixes formats is read to its end first), and the last record waits
 * until the end, where it may turn out to be the total row.
 */
export function* runUsageImport(
	options: UsageImportOptions
): Generator<number | undefined, UsageImportResult, void> {
	const { fileName, sidPattern } = options;
	const table = readUsageTable(options);
	const { detected } = table;
	if (table.problems.length > 0) return resultOf(fileName, detected, { problems: table.problems });
	const { columns, header } = detected;
	const numberColumns = [columns.quantity, columns.unitPrice, columns.total].filter(
		(index): index is number => index !== undefined
	);
	const detector = createNumberLocaleDetector();
	// A stated format (the user's answer, remembered in the preset) is not asked again.
	const question = detected.mapping?.numberLocale
		? undefined
		: createNumberQuestionTracker({ columns, columnEvidence: detector.columnEvidence });
	let context: RowContext | undefined;
	const settle = (): RowContext => {
		const numberLocale = detected.mapping?.numberLocale ?? detector.result().locale;
		if (numberLocale) detected.numberLocale = numberLocale;
		return createRowContext({ file: fileName, header, columns, numberLocale, sidPattern });
	};
	if (detected.mapping?.numberLocale) context = settle();

	const lines: UsageLine[] = [];
	const totals = new TotalsAccumulator();
	const problems: ImportProblem[] = [];
	const skippedRows: SkippedRow[] = [];
	const waiting: CsvRecord[] = [];
	let rowsRead = 0;
	/** Checks one record; true when it completes another `PROGRESS_EVERY` rows. */
	const check = (record: CsvRecord): boolean => {
		const row = validateUsageRow({ record, context: context ?? (context = settle()) });
		question?.inspect(record, row.line, context.numberLocale);
		if (row.line) {
			lines.push(row.line);
			totals.add(row.line, row.quantity, row.total);
		} else skippedRows.push({ line: record.line, cells: record.cells });
		for (const problem of row.problems) problems.push(problem);
		return ++rowsRead % PROGRESS_EVERY === 0;
	};
	function* take(record: CsvRecord): Generator<number, void, void> {
		if (context) {
			if (check(record)) yield rowsRead;
			return;
		}
		waiting.push(record);
		for (const index of numberColumns) detector.add(record.cells[index] ?? '', index);
		if (!detector.settled) return;
		context = settle();
		for (const held of waiting.splice(0)) if (check(held)) yield rowsRead;
	}

	let last: CsvRecord | undefined;
	for (const batch of table.batches) {
		for (const record of batch) {
			// Once the format is known, no generator per row: 100,000 of them were garbage.
			if (last && context) {
				if (check(last)) yield rowsRead;
			} else if (last) yield* take(last);
			last = record;
		}
		yield;
	}
	const label = last && !last.malformed && findTotalRowLabel({ record: last, columns });
	if (last && !label) yield* take(last);
	for (const held of waiting.splice(0)) if (check(held)) yield rowsRead;
	if (rowsRead === 0) {
		const line = detected.headerLine;
		return resultOf(fileName, detected, {
			problems: [{ code: 'no-rows', file: fileName, ...(line ? { line } : {}) }]
		});
	}
	if (rowsRead % PROGRESS_EVERY !== 0) yield rowsRead;

	const asked = question?.result(detected.numberLocale);
	if (asked) detected.numberQuestion = asked;
	const parts: Partial<UsageImportResult> = {
		lines,
		problems,
		rowsRead,
		skippedRows,
		totals: totals.result()
	};
	if (label && last) {
		const numberLocale = detected.numberLocale;
		const checked = checkTotalRow({
			record: last,
			label,
			file: fileName,
			header,
			columns,
			numberLocale,
			sums: totals.exact()
		});
		parts.totalRow = checked.totalRow;
		problems.push(...checked.problems);
	}
	return resultOf(fileName, detected, parts);
}

/** A result with nothing imported, completed by `parts`. */
export function resultOf(
	fileName: string,
	detected: ImportDetection,
	parts: Partial<UsageImportResult>
): UsageImportResult {
	return {
		fileName,
		lines: [],
		problems: [],
		detected,
		totals: summarizeLines([]),
		rowsRead: 0,
		skippedRows: [],
		...parts
	};
}

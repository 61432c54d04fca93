import { judgeLineTotal } from '../domain/line-total';
import { parseScaled } from '../domain/scaled-decimal';
import type { ResolvedColumns } from './column-mapping';
import type { NumberLocale } from './import-problem';
import { classifyNumber, parseLocaleNumber } from './locale-number';
import type { NumberEvidenceCount } from './number-locale';
import type { CsvRecord } from './read-csv-records';
import type { UsageLine } from './usage-row-schema';

/** The number cells of a row, in the order they are shown. */
export const NUMBER_FIELDS = ['quantity', 'unitPrice', 'total'] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];

/** One number cell as written and as each format reads it (absent: that format cannot). */
export type CellReadings = { field: NumberField; text: string; de?: string; en?: string };

/**
 * The question the import asks when the number format cannot be told from the file with
 * certainty: the first rows that read differently both ways, and how many there are.
 */
export type NumberQuestion = {
	/** The format the file was read with for now; absent when nothing in it decided. */
	guess?: NumberLocale;
	/** Rows with a cell that reads differently in the two formats that the file does not settle. */
	rows: number;
	/** The first of those rows, each number cell read both ways. */
	samples: { line: number; cells: CellReadings[] }[];
};

/** Enough rows for the user to see which reading makes sense. */
const SAMPLES = 5;

/**
 * Finds the rows whose numbers read differently as German and as English (`1.480`: 1480 or
 * 1.48) and that nothing settles. A row is settled when, in every such cell's column, cells that
 * only one format reads (`24,90`) back the chosen format with none against; or when its line
 * total holds under the chosen reading and fails with those cells read the other way (1.480 ×
 * 24,90 = 36.852,00). The file-wide majority alone does not settle a column: exports format
 * quantities and prices apart, and `1.480` users next to `3.12` prices were German thousands.
 */
export function createNumberQuestionTracker(options: {
	columns: ResolvedColumns;
	/** Evidence per column index, as the locale detector counted it. */
	columnEvidence: (column: number) => NumberEvidenceCount;
}) {
	const { columns, columnEvidence } = options;
	const fields = NUMBER_FIELDS.flatMap((field) => {
		const index = columns[field];
		return index === undefined ? [] : [{ field, index }];
	});
	const hasTotal = columns.total !== undefined;
	const samples: NumberQuestion['samples'] = [];
	let rows = 0;

	return {
		/** Looks at one checked row: `line` is what the chosen format made of it, if anything. */
		inspect(record: CsvRecord, line: UsageLine | undefined, locale: NumberLocale | undefined) {
			let ambiguous: NumberField[] | undefined;
			for (const { field, index } of fields) {
				const text = record.cells[index] ?? '';
				if (mayBeAmbiguous(text) && classifyNumber({ text }) === 'ambiguous')
					(ambiguous ??= []).push(field);
			}
			if (!ambiguous) return;
			if (locale && line && settled(ambiguous, record, line, locale)) return;
			rows++;
			if (samples.length < SAMPLES) samples.push({ line: record.line, cells: readBoth(record) });
		},
		/** The question, or undefined when every row was settled. */
		result(guess: NumberLocale | undefined): NumberQuestion | undefined {
			if (rows === 0) return undefined;
			return guess ? { guess, rows, samples } : { rows, samples };
		}
	};

	function settled(
		ambiguous: NumberField[],
		record: CsvRecord,
		line: UsageLine,
		locale: NumberLocale
	): boolean {
		const other: NumberLocale = locale === 'de' ? 'en' : 'de';
		const backed = ambiguous.every((field) => {
			const evidence = columnEvidence(columns[field] as number);
			return evidence[locale] > 0 && evidence[other] === 0;
		});
		if (backed) return true;
		if (!hasTotal) return false;
		const chosen = { quantity: line.quantity, unitPrice: line.unitPrice, total: line.total };
		const flipped = { ...chosen };
		for (const field of ambiguous) {
			const text = (record.cells[columns[field] as number] ?? '').trim();
			const read = parseLocaleNumber({ text, locale: other });
			if (!read.ok) return false;
			flipped[field] = read.value;
		}
		return holds(chosen) && !holds(flipped);
	}

	function readBoth(record: CsvRecord): CellReadings[] {
		return fields.map(({ field, index }) => {
			const text = (record.cells[index] ?? '').trim();
			const readings: CellReadings = { field, text };
			for (const locale of ['de', 'en'] as const) {
				const read = parseLocaleNumber({ text, locale });
				if (read.ok) readings[locale] = read.value;
			}
			return readings;
		});
	}
}

/** Quantity × unit price gives the total, under the rounding rule (a half cent is tolerated). */
function holds(numbers: Record<NumberField, string>): boolean {
	const quantity = parseScaled(numbers.quantity);
	const unitPrice = parseScaled(numbers.unitPrice);
	const total = parseScaled(numbers.total);
	if (!quantity || !unitPrice || !total) return false;
	return judgeLineTotal(quantity, unitPrice, total).kind !== 'mismatch';
}

/**
 * A cheap first look, for every number cell of a big file: an ambiguous cell has a separator
 * and exactly three digits after it (`1.480`, `-1,480`), or ends in something other than a
 * digit (a currency, which the full check strips). Anything else reads the same both ways or
 * only one way.
 */
function mayBeAmbiguous(text: string): boolean {
	const length = text.length;
	if (length < 5) return false;
	const last = text.charCodeAt(length - 1);
	if (last < 48 || last > 57) return true;
	const separator = text.charCodeAt(length - 4);
	return separator === 46 || separator === 44;
}

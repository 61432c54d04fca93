import type { UsageLine } from '../domain/usage-line';
import { judgeLineTotal } from '../domain/line-total';
import { parseScaled } from '../domain/scaled-decimal';
import type { ResolvedColumns } from './column-mapping';
import type { NumberLocale } from './import-problem';
import { classifyNumber, parseLocaleNumber } from './locale-number';
import type { NumberEvidenceCount } from './number-locale';
import type { CsvRecord } from './read-csv-records';

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
 * 1.48) and that nothing settles. A column's ambiguous cells are settled when cells that only one
 * format reads (`24,90`) back the chosen format in that column with none against, or when line
 * totals do: rows whose total holds under the chosen reading and fails with the column's cells
 * read the other way (1.480 × 24,90 = 36.852,00), and no row the other way round. A row is
 * settled by its own total too. The file-wide majority alone does not settle a column: exports
 * format quantities and prices apart, and `1.480` users next to `3.12` prices were German
 * thousands. A few broken rows (a total off by a cent) in a settled column ask nothing.
 */
export function createNumberQuestionTracker(options: {
	columns: ResolvedColumns;
	/** Evidence per column index, as the locale detector counted it (final once rows are checked). */
	columnEvidence: (column: number) => NumberEvidenceCount;
}) {
	const { columns, columnEvidence } = options;
	const fields = NUMBER_FIELDS.flatMap((field) => {
		const index = columns[field];
		return index === undefined ? [] : [{ field, index, bit: 1 << NUMBER_FIELDS.indexOf(field) }];
	});
	const hasTotal = columns.total !== undefined;
	/** Per field: rows whose total backs the chosen reading, and rows that back the other. */
	const byTotals = new Map<NumberField, { chosen: number; other: number }>(
		NUMBER_FIELDS.map((field) => [field, { chosen: 0, other: 0 }])
	);
	/** Rows not settled on their own, by the set of their ambiguous fields (a bit mask). */
	const pending = new Map<number, { rows: number; samples: NumberQuestion['samples'] }>();
	let backedByCells: Map<NumberField, boolean> | undefined;

	return {
		/** Looks at one checked row: `line` is what the chosen format made of it, if anything. */
		inspect(record: CsvRecord, line: UsageLine | undefined, locale: NumberLocale | undefined) {
			let mask = 0;
			for (const { index, bit } of fields) {
				const text = record.cells[index] ?? '';
				if (mayBeAmbiguous(text) && classifyNumber({ text }) === 'ambiguous') mask |= bit;
			}
			if (mask === 0) return;
			if (locale && line && settledByRow(mask, record, line, locale)) return;
			let group = pending.get(mask);
			if (!group) pending.set(mask, (group = { rows: 0, samples: [] }));
			group.rows++;
			if (group.samples.length < SAMPLES)
				group.samples.push({ line: record.line, cells: readBoth(record) });
		},
		/** The question, or undefined when every row was settled. */
		result(guess: NumberLocale | undefined): NumberQuestion | undefined {
			let rows = 0;
			let samples: NumberQuestion['samples'] = [];
			for (const [mask, group] of pending) {
				if (guess && fieldsOf(mask).every((field) => backed(field, guess))) continue;
				rows += group.rows;
				samples = samples.concat(group.samples);
			}
			if (rows === 0) return undefined;
			samples = samples.sort((a, b) => a.line - b.line).slice(0, SAMPLES);
			return guess ? { guess, rows, samples } : { rows, samples };
		}
	};

	function fieldsOf(mask: number): NumberField[] {
		return fields.filter(({ bit }) => (mask & bit) !== 0).map(({ field }) => field);
	}

	/** The column's own cells, or the totals of other rows, back the chosen reading. */
	function backed(field: NumberField, locale: NumberLocale): boolean {
		const totals = byTotals.get(field) as { chosen: number; other: number };
		return backedByColumn(field, locale) || (totals.chosen > 0 && totals.other === 0);
	}

	function backedByColumn(field: NumberField, locale: NumberLocale): boolean {
		// The detector has stopped counting by the time rows are checked: worked out once.
		backedByCells ??= new Map(
			fields.map(({ field: name, index }) => {
				const evidence = columnEvidence(index);
				const other = locale === 'de' ? 'en' : 'de';
				return [name, evidence[locale] > 0 && evidence[other] === 0];
			})
		);
		return backedByCells.get(field) === true;
	}

	/** Settled by the columns' own cells, or by this row's total (which then counts for them). */
	function settledByRow(
		mask: number,
		record: CsvRecord,
		line: UsageLine,
		locale: NumberLocale
	): boolean {
		const ambiguous = fieldsOf(mask);
		if (ambiguous.every((field) => backedByColumn(field, locale))) return true;
		if (!hasTotal) return false;
		const other: NumberLocale = locale === 'de' ? 'en' : 'de';
		const chosen = { quantity: line.quantity, unitPrice: line.unitPrice, total: line.total };
		const flipped = { ...chosen };
		for (const field of ambiguous) {
			const text = (record.cells[columns[field] as number] ?? '').trim();
			const read = parseLocaleNumber({ text, locale: other });
			if (!read.ok) return false;
			flipped[field] = read.value;
		}
		const chosenHolds = holds(chosen);
		const flippedHolds = holds(flipped);
		if (chosenHolds === flippedHolds) return false;
		for (const field of ambiguous) {
			const totals = byTotals.get(field) as { chosen: number; other: number };
			if (chosenHolds) totals.chosen++;
			else totals.other++;
		}
		return chosenHolds;
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

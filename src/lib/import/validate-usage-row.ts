import type { DecimalString } from '../domain/money';
import {
	compareScaled,
	formatPlain,
	multiplyScaled,
	parseScaled,
	type ScaledDecimal
} from '../domain/scaled-decimal';
import type { ResolvedColumns } from './column-mapping';
import {
	isRowProblemCode,
	USAGE_FIELDS,
	type ImportProblem,
	type NumberLocale,
	type UsageField
} from './import-problem';
import { findCurrency } from './locale-number';
import type { CsvRecord } from './read-csv-records';
import { createUsageRowSchema, type UsageLine, type UsageRowSchema } from './usage-row-schema';

/** What every row of one file is checked against; built once per file. */
export type RowContext = {
	file: string;
	header: readonly string[];
	columns: ResolvedColumns;
	numberLocale: NumberLocale | undefined;
	schema: UsageRowSchema;
	/** The mapped fields and their column indexes, in field order. */
	mapped: readonly (readonly [UsageField, number])[];
	indexes: FieldIndexes;
};

const CHECKED_FIELDS: ReadonlySet<string> = new Set([
	'sid',
	'quantity',
	'unitPrice',
	'total',
	'currency'
]);
/** Most rows have none: one shared empty list instead of 100,000. */
const NO_PROBLEMS: readonly ImportProblem[] = Object.freeze([]);
const AMOUNT_FIELDS = ['quantity', 'unitPrice', 'total'] as const;
const OPTIONAL_TEXT = ['customerRef', 'sku', 'unit', 'period', 'contractId'] as const;

/** Prepares the per-file part of row validation (schema, mapped columns). */
export function createRowContext(options: {
	file: string;
	header: readonly string[];
	columns: ResolvedColumns;
	numberLocale: NumberLocale | undefined;
	sidPattern?: RegExp;
}): RowContext {
	const { numberLocale, sidPattern, columns } = options;
	const schema = createUsageRowSchema(sidPattern ? { numberLocale, sidPattern } : { numberLocale });
	const mapped = USAGE_FIELDS.flatMap((field) => {
		const index = columns[field];
		return index === undefined ? [] : [[field, index] as const];
	});
	const at = (field: UsageField) => columns[field] ?? -1;
	const indexes: FieldIndexes = {
		sid: at('sid'),
		description: at('description'),
		customerRef: at('customerRef'),
		quantity: at('quantity'),
		unitPrice: at('unitPrice'),
		total: at('total'),
		currency: at('currency'),
		sku: at('sku'),
		unit: at('unit'),
		period: at('period'),
		contractId: at('contractId')
	};
	return { ...options, schema, mapped, indexes };
}

/**
 * A row's line, if it could be read, with its quantity and total as parsed for the check (the
 * importer adds them up), and its problems.
 */
export type CheckedRow =
	| {
			line: UsageLine;
			quantity: ScaledDecimal;
			total: ScaledDecimal;
			problems: readonly ImportProblem[];
	  }
	| { line?: undefined; problems: readonly ImportProblem[] };

/**
 * Turns one record into a usage line and its problems. A row that cannot be read yields no
 * line; a line whose total is not quantity x unit price is kept as written (never recomputed)
 * with a `line-total-mismatch`, so the rules engine blocks it and the user sees both numbers.
 */
export function validateUsageRow({
	record,
	context
}: {
	record: CsvRecord;
	context: RowContext;
}): CheckedRow {
	const { file, header, columns, mapped } = context;
	const at = { file, line: record.line };
	if (record.malformed) return { problems: [{ code: 'malformed-quotes', ...at }] };
	if (!fitsHeader(record.cells, header.length, mapped)) {
		const counts = { value: String(record.cells.length), expected: String(header.length) };
		return { problems: [{ code: 'column-count-mismatch', ...at, ...counts }] };
	}
	const { cells } = record;
	const { indexes } = context;
	const input = readCheckedCells(cells, indexes);
	const where = (field: CheckedField) => {
		const index = columns[field];
		const column = index === undefined ? undefined : header[index];
		return { ...at, field, ...(column === undefined ? {} : { column }), value: input[field] };
	};
	const parsed = context.schema.safeParse(input);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((issue): ImportProblem => {
			const key = String(issue.path[0]);
			const code = isRowProblemCode(issue.message) ? issue.message : 'not-a-number';
			const place = CHECKED_FIELDS.has(key) ? where(key as CheckedField) : at;
			const locale = code === 'number-format-mismatch' ? context.numberLocale : undefined;
			return { code, ...place, ...(locale ? { numberLocale: locale } : {}) };
		});
		return { problems };
	}
	const row = parsed.data;
	let problems: ImportProblem[] | undefined;
	let currency = row.currency || undefined;
	for (const field of AMOUNT_FIELDS) {
		const stated = findCurrency({ text: input[field] });
		if (!stated) continue;
		if (!currency) currency = stated;
		else if (stated !== currency) {
			(problems ??= []).push({ code: 'currency-mismatch', ...where(field), expected: currency });
		}
	}
	const line: UsageLine = {
		line: record.line,
		sid: row.sid,
		description: cellAt(cells, indexes.description),
		quantity: decimal(row.quantity),
		unitPrice: decimal(row.unitPrice),
		total: decimal(row.total)
	};
	for (const field of OPTIONAL_TEXT) {
		const value = cellAt(cells, indexes[field]);
		if (value) line[field] = value;
	}
	if (currency) line.currency = currency;
	// Scaled integers, not big.js: this runs for every row of a 100,000-row file.
	const quantity = scaled(line.quantity);
	const total = scaled(line.total);
	const product = multiplyScaled(quantity, scaled(line.unitPrice));
	if (compareScaled(product, total) !== 0) {
		(problems ??= []).push({
			code: 'line-total-mismatch',
			...where('total'),
			expected: formatPlain(product)
		});
	}
	return { line, quantity, total, problems: problems ?? NO_PROBLEMS };
}

/** The fields the schema checks; the free-text ones are read straight from the cells. */
type CheckedField = 'sid' | 'quantity' | 'unitPrice' | 'total' | 'currency';
type RowCells = Record<CheckedField, string>;

/** Column index per field, -1 when unmapped (read as ''): a fixed object shape, fast in V8. */
type FieldIndexes = Record<UsageField, number>;

function cellAt(cells: readonly string[], index: number): string {
	return index < 0 ? '' : (cells[index] ?? '').trim();
}

function readCheckedCells(cells: readonly string[], at: FieldIndexes): RowCells {
	return {
		sid: cellAt(cells, at.sid),
		quantity: cellAt(cells, at.quantity),
		unitPrice: cellAt(cells, at.unitPrice),
		total: cellAt(cells, at.total),
		currency: cellAt(cells, at.currency)
	};
}

/** A validated decimal string as a scaled integer. */
function scaled(value: DecimalString): ScaledDecimal {
	const parsed = parseScaled(value);
	if (!parsed) throw new TypeError(`not a decimal string: ${JSON.stringify(value)}`);
	return parsed;
}

/**
 * The schema rewrote number cells to decimal strings. Not checked again here: `scaled` parses
 * all three right after, and throws for anything else (a bug).
 */
function decimal(value: string): DecimalString {
	return value as DecimalString;
}

/**
 * Extra cells are fine when empty (Excel pads rows with `;;`); missing ones when no mapped
 * column falls there. Anything else usually means an unquoted delimiter shifted the cells.
 */
function fitsHeader(
	cells: readonly string[],
	width: number,
	mapped: RowContext['mapped']
): boolean {
	if (cells.length === width) return true;
	for (let i = width; i < cells.length; i++) if (cells[i]?.trim() !== '') return false;
	for (const [, index] of mapped) if (index >= cells.length) return false;
	return true;
}

import { USAGE_FIELDS, type UsageField, type UsageLine } from '../domain/usage-line';
import type { DecimalString } from '../domain/money';
import { judgeLineTotal, lineTotalOf } from '../domain/line-total';
import { ANY_SID_PATTERN, compileSidPattern } from '../domain/sid-pattern';
import { formatPlain, formatScaled, toScaled, type ScaledDecimal } from '../domain/scaled-decimal';
import type { ResolvedColumns } from './column-mapping';
import { isRowProblemCode, type ImportProblem, type NumberLocale } from './import-problem';
import { findCurrency } from './locale-number';
import type { CsvRecord } from './read-csv-records';
import {
	CHECKED_FIELDS,
	createUsageRowSchema,
	type CheckedField,
	type UsageRowSchema
} from './usage-row-schema';

/** What every row of one file is checked against; built once per file. */
export type RowContext = {
	file: string;
	header: readonly string[];
	columns: ResolvedColumns;
	numberLocale: NumberLocale | undefined;
	schema: UsageRowSchema;
	/** The file has no total column: each total is quantity × unit price, rounded by the rule. */
	computeTotals: boolean;
	/** The pack's expected SID shape, when it is narrower than any id: a SID outside it is kept. */
	expectedSid: { pattern: RegExp; source: string } | undefined;
	/** The mapped fields and their column indexes, in field order. */
	mapped: readonly (readonly [UsageField, number])[];
	indexes: FieldIndexes;
};

/** Most rows have none: one shared empty list instead of 100,000. */
const NO_PROBLEMS: readonly ImportProblem[] = Object.freeze([]);
const positionOf = (field: CheckedField) => CHECKED_FIELDS.indexOf(field);
/** Positions in `CHECKED_FIELDS` of the number cells, which may name a currency (`12,00 €`). */
const AMOUNT_POSITIONS = (['quantity', 'unitPrice', 'total'] as const).map(positionOf);
const TOTAL_POSITION = positionOf('total');
const SID_POSITION = positionOf('sid');

/** Prepares the per-file part of row validation (schema, mapped columns). */
export function createRowContext(options: {
	file: string;
	header: readonly string[];
	columns: ResolvedColumns;
	numberLocale: NumberLocale | undefined;
	/** The effective pack's `sidPattern` (a regular expression source, matched whole). */
	sidPattern?: string;
}): RowContext {
	const { numberLocale, sidPattern, columns, file, header } = options;
	const computeTotals = columns.total === undefined;
	const schema = createUsageRowSchema({ numberLocale, totalColumn: !computeTotals });
	const expectedSid =
		sidPattern === undefined || sidPattern === ANY_SID_PATTERN
			? undefined
			: { pattern: compileSidPattern(sidPattern), source: sidPattern };
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
	return {
		file,
		header,
		columns,
		numberLocale,
		computeTotals,
		expectedSid,
		schema,
		mapped,
		indexes
	};
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
 * line; a line whose total is not quantity x unit price (rounded half-even to 2 places) is kept
 * as written (never recomputed)
 * with a `line-total-mismatch`, so the rules engine blocks it and the user sees both numbers.
 */
export function validateUsageRow({
	record,
	context
}: {
	record: CsvRecord;
	context: RowContext;
}): CheckedRow {
	const { file, header, mapped } = context;
	if (record.malformed) {
		return { problems: [{ code: 'malformed-quotes', file, line: record.line }] };
	}
	if (!fitsHeader(record.cells, header.length, mapped)) {
		const counts = { value: String(record.cells.length), expected: String(header.length) };
		return { problems: [{ code: 'column-count-mismatch', file, line: record.line, ...counts }] };
	}
	const { cells } = record;
	const { indexes } = context;
	const input: RowCells = [
		cellAt(cells, indexes.sid),
		cellAt(cells, indexes.quantity),
		cellAt(cells, indexes.unitPrice),
		cellAt(cells, indexes.total),
		cellAt(cells, indexes.currency)
	];
	const parsed = context.schema.safeParse(input);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((issue): ImportProblem => {
			const position = issue.path[0];
			const code = isRowProblemCode(issue.message) ? issue.message : 'not-a-number';
			const place =
				typeof position === 'number' && position < CHECKED_FIELDS.length
					? placeOf(context, record.line, input, position)
					: { file, line: record.line };
			const locale = code === 'number-format-mismatch' ? context.numberLocale : undefined;
			return { code, ...place, ...(locale ? { numberLocale: locale } : {}) };
		});
		return { problems };
	}
	const [sid, quantityText, unitPriceText, totalText, currencyCell] = parsed.data;
	let problems: ImportProblem[] | undefined;
	const { expectedSid } = context;
	if (expectedSid && !expectedSid.pattern.test(sid)) {
		const place = placeOf(context, record.line, input, SID_POSITION);
		(problems ??= []).push({
			code: 'sid-pattern-mismatch',
			...place,
			expected: expectedSid.source
		});
	}
	let currency = currencyCell || undefined;
	for (const position of AMOUNT_POSITIONS) {
		const stated = findCurrency({ text: input[position] });
		if (!stated) continue;
		if (!currency) currency = stated;
		else if (stated !== currency) {
			const place = placeOf(context, record.line, input, position);
			(problems ??= []).push({ code: 'currency-mismatch', ...place, expected: currency });
		}
	}
	// Scaled integers, not big.js: this runs for every row of a 100,000-row file.
	const quantity = toScaled(quantityText);
	const computed = context.computeTotals
		? lineTotalOf(quantity, toScaled(unitPriceText))
		: undefined;
	const line: UsageLine = {
		line: record.line,
		sid,
		description: cellAt(cells, indexes.description),
		quantity: decimal(quantityText),
		unitPrice: decimal(unitPriceText),
		total: decimal(computed ? formatScaled(computed) : totalText)
	};
	// Named stores in a fixed order: lines with the same fields share one object shape, which
	// the loops over 100,000 of them (totals, storage) read fast; `line[field]` did not.
	const customerRef = cellAt(cells, indexes.customerRef);
	if (customerRef) line.customerRef = customerRef;
	const sku = cellAt(cells, indexes.sku);
	if (sku) line.sku = sku;
	const unit = cellAt(cells, indexes.unit);
	if (unit) line.unit = unit;
	const period = cellAt(cells, indexes.period);
	if (period) line.period = period;
	const contractId = cellAt(cells, indexes.contractId);
	if (contractId) line.contractId = contractId;
	if (currency) line.currency = currency;
	if (computed) return { line, quantity, total: computed, problems: problems ?? NO_PROBLEMS };
	const total = toScaled(line.total);
	// Half-even to 2 places, as the pack states; rounding an exact half the other way is only
	// a warning of the rules engine, not a problem with the row.
	const verdict = judgeLineTotal(quantity, toScaled(line.unitPrice), total);
	if (verdict.kind === 'mismatch') {
		(problems ??= []).push({
			code: 'line-total-mismatch',
			...placeOf(context, record.line, input, TOTAL_POSITION),
			expected: formatPlain(verdict.expected)
		});
	}
	return { line, quantity, total, problems: problems ?? NO_PROBLEMS };
}

/** The cells the schema checks, in `CHECKED_FIELDS` order; free text is read from the cells. */
type RowCells = [string, string, string, string, string];

/** Column index per field, -1 when unmapped (read as ''): a fixed object shape, fast in V8. */
type FieldIndexes = Record<UsageField, number>;

/**
 * Where a problem with a checked cell is: file, line, field, column header and the cell as
 * written. Worked out only when there is a problem, not for every row.
 */
function placeOf(context: RowContext, line: number, input: RowCells, position: number) {
	const { file, header, columns } = context;
	const field = CHECKED_FIELDS[position];
	const index = columns[field];
	const column = index === undefined ? undefined : header[index];
	return { file, line, field, ...(column === undefined ? {} : { column }), value: input[position] };
}

function cellAt(cells: readonly string[], index: number): string {
	return index < 0 ? '' : (cells[index] ?? '').trim();
}

/**
 * The schema rewrote number cells to decimal strings. Not checked again here: `toScaled` parses
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

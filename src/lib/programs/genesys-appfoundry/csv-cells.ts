/**
 * Reading the cells of a mapped row as dates, amounts, choices and currencies. Each reader
 * returns the value or records a problem (file, line, field, cell) on the row's context.
 */
import type { DecimalString } from '../../domain/money';
import type { MappedRecord } from './csv-columns';
import { isRealDate } from './iso-date';
import type { Listing } from './records';

export type GenesysRowProblemCode =
	| 'broken-row'
	| 'missing-column'
	| 'missing-value'
	| 'invalid-date'
	| 'not-a-number'
	| 'ambiguous-number'
	| 'invalid-choice'
	| 'invalid-currency'
	| 'unknown-listing'
	| 'expires-before-completed';

/** A row that could not become a record: what, and where (file, physical line, field, cell). */
export type GenesysRowProblem = {
	code: GenesysRowProblemCode;
	file: string;
	line?: number;
	field?: string;
	/** The header as the file writes it. */
	column?: string;
	value?: string;
	/** The accepted values, for `invalid-choice`. */
	expected?: string;
};

export type ParsedRows<T> = {
	records: { line: number; record: T }[];
	problems: GenesysRowProblem[];
};

export type RowContext = {
	file: string;
	row: MappedRecord;
	columns: Record<string, string>;
	problems: GenesysRowProblem[];
};

export function problem(
	context: RowContext,
	code: GenesysRowProblemCode,
	field: string,
	extra: Partial<GenesysRowProblem> = {}
): undefined {
	const found: GenesysRowProblem = { code, file: context.file, line: context.row.line, field };
	if (context.columns[field] !== undefined) found.column = context.columns[field];
	const value = context.row.values[field];
	if (value !== undefined && value.trim() !== '') found.value = value;
	context.problems.push({ ...found, ...extra });
	return undefined;
}

export function cell(context: RowContext, field: string): string | undefined {
	const value = context.row.values[field]?.trim();
	return value === undefined || value === '' ? undefined : value;
}

export function required(context: RowContext, field: string): string | undefined {
	return cell(context, field) ?? problem(context, 'missing-value', field);
}

/** ISO `2026-03-31` or German `31.03.2026`; a day that does not exist is invalid. */
export function readDate(context: RowContext, field: string, optional = false): string | undefined {
	const text = optional ? cell(context, field) : required(context, field);
	if (text === undefined) return undefined;
	const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
	const iso = german
		? `${german[3]}-${german[2].padStart(2, '0')}-${german[1].padStart(2, '0')}`
		: text;
	return isRealDate(iso) ? iso : problem(context, 'invalid-date', field);
}

/**
 * Reads a number cell. Programs do not import the importer (src/lib layers), so the caller hands
 * in the shared importer's locale-aware reader (`parseLocaleNumber` with the mapping's locale, or
 * `classifyNumber` first when none is stated): an ambiguous cell is a problem, never a guess.
 */
export type NumberReader = (
	text: string
) =>
	{ ok: true; value: DecimalString } | { ok: false; reason: 'not-a-number' | 'ambiguous-number' };

export function readAmount(
	context: RowContext,
	field: string,
	readNumber: NumberReader,
	optional = false
): DecimalString | undefined {
	const text = optional ? cell(context, field) : required(context, field);
	if (text === undefined) return undefined;
	const parsed = readNumber(text);
	return parsed.ok ? parsed.value : problem(context, parsed.reason, field);
}

export function readChoice<T extends string>(
	context: RowContext,
	field: string,
	choices: Record<string, T>
): T | undefined {
	const text = required(context, field);
	if (text === undefined) return undefined;
	const choice = choices[text.toLowerCase().replace(/[\s_]+/g, '-')];
	return (
		choice ??
		problem(context, 'invalid-choice', field, {
			expected: [...new Set(Object.values(choices))].join(', ')
		})
	);
}

export function readCurrency(
	context: RowContext,
	field: string,
	fallback?: string
): string | undefined {
	const text = cell(context, field) ?? fallback;
	if (text === undefined) return problem(context, 'missing-value', field);
	const code = text.toUpperCase();
	return /^[A-Z]{3}$/.test(code) ? code : problem(context, 'invalid-currency', field);
}

/** The listing id, or the id of the listing the row names when the file has no id column. */
export function readListingId(
	context: RowContext,
	listings?: readonly Listing[]
): string | undefined {
	const id = cell(context, 'listingId');
	if (id !== undefined) return id;
	const name = cell(context, 'listing');
	if (name === undefined || !listings) return problem(context, 'missing-value', 'listingId');
	const found = listings.find((listing) => listing.name.toLowerCase() === name.toLowerCase());
	return found ? found.listingId : problem(context, 'unknown-listing', 'listing');
}

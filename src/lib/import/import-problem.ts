import type { UsageField } from '../domain/usage-line';
/**
 * What an import can find wrong with a file, as values: a stable kebab-case code and where
 * (file, physical line, field and column, the bad value). `import-messages.ts` turns them into
 * sentences; nothing here is prose, so the UI, the worker and the tests share one vocabulary.
 */

/** `de`: `1.234,56`; `en`: `1,234.56`. */
export type NumberLocale = 'de' | 'en';

/**
 * Without these a line cannot be built. A file without a total column imports: each total is
 * then quantity × unit price under the rounding rule, and the report says so.
 */
export const REQUIRED_FIELDS: readonly UsageField[] = ['sid', 'quantity', 'unitPrice'];

/** File-level problems: the file as a whole cannot be read, so no line is produced. */
export const FILE_PROBLEM_CODES = [
	'empty-file',
	'binary-file',
	'no-rows',
	'no-columns',
	'missing-column',
	'mapped-column-missing',
	'aborted'
] as const;

/**
 * Row-level problems: the row is skipped, except `line-total-mismatch` and `sid-pattern-mismatch`
 * (the line is kept; the rules engine flags it).
 */
export const ROW_PROBLEM_CODES = [
	'missing-value',
	'invalid-sid',
	'sid-pattern-mismatch',
	'invalid-currency',
	'currency-mismatch',
	'not-a-number',
	'ambiguous-number',
	'number-format-mismatch',
	'line-total-mismatch',
	'column-count-mismatch',
	'malformed-quotes',
	'total-row-mismatch'
] as const;

export type FileProblemCode = (typeof FILE_PROBLEM_CODES)[number];
export type RowProblemCode = (typeof ROW_PROBLEM_CODES)[number];
export type ImportProblemCode = FileProblemCode | RowProblemCode;

export type ImportProblem = {
	code: ImportProblemCode;
	/** The file name as the user chose it. */
	file: string;
	/** Physical line in the file, 1-based; absent when the problem is the whole file. */
	line?: number;
	field?: UsageField;
	/** The column header as the file writes it (`Menge`), for the message. */
	column?: string;
	/** The offending cell, verbatim (or a count, for `column-count-mismatch`). */
	value?: string;
	/** What it should have been: a computed decimal string, a currency, a count. */
	expected?: string;
	/** The number format the file was read with, when it matters for the message. */
	numberLocale?: NumberLocale;
};

const ROW_CODES: ReadonlySet<string> = new Set(ROW_PROBLEM_CODES);

/** True for a problem that stops the whole import (no line of the file can be trusted). */
export function isFileProblem(problem: ImportProblem): boolean {
	return !ROW_CODES.has(problem.code);
}

/** Narrows a string (a zod issue message carries our code) to a row problem code. */
export function isRowProblemCode(value: string): value is RowProblemCode {
	return ROW_CODES.has(value);
}

import { z } from 'zod';
import type { NumberLocale } from './import-problem';
import { ANY_SID_PATTERN, compileSidPattern } from '../domain/sid-pattern';
import { readNumberCell } from './number-locale';

/** The importer's own SID check: any id without white space or control characters. */
export const DEFAULT_SID_PATTERN = compileSidPattern(ANY_SID_PATTERN);

const CURRENCY_CODE = /^[A-Z]{3}$/;

/** The fields the row schema checks, in the order of its tuple; an issue's path names one. */
export const CHECKED_FIELDS = ['sid', 'quantity', 'unitPrice', 'total', 'currency'] as const;
export type CheckedField = (typeof CHECKED_FIELDS)[number];

/**
 * The zod schema for one row, built per file because numbers read by the file's locale. Issue
 * messages are problem codes (`not-a-number`), an issue's path is the position of its field
 * in `CHECKED_FIELDS`. A number cell is
 * checked and rewritten to its decimal string in one check, the mechanism of zod's own
 * `.overwrite()`: a `.transform()` per cell made the check of 100k rows 2.5x slower. Checks
 * only, nothing relies on zod's JIT, so `z.config({ jitless: true })` gives the same result.
 */
export function createUsageRowSchema({
	numberLocale,
	totalColumn = true
}: {
	numberLocale: NumberLocale | undefined;
	/** False when the file has no total column: the cell is '' and the total is computed. */
	totalColumn?: boolean;
}) {
	const number = z.string().check((ctx) => {
		const text = ctx.value;
		const read = text === '' ? undefined : readNumberCell({ text, locale: numberLocale });
		if (read?.ok) ctx.value = read.value;
		else
			ctx.issues.push({ code: 'custom', message: read ? read.code : 'missing-value', input: text });
	});
	// Only the cells that can be wrong, as a tuple in `CHECKED_FIELDS` order: free text
	// (description, customer, SKU, unit, period, contract) is taken as written, and listing it
	// only made zod copy it. A tuple, not an object: zod checks it in 60% of the time (100k
	// rows, Chromium, jitless), as it has no keys to look up. Unmapped columns come as ''.
	return z.tuple([
		z
			.string()
			.min(1, { error: 'missing-value', abort: true })
			.regex(DEFAULT_SID_PATTERN, { error: 'invalid-sid' }),
		number,
		number,
		totalColumn ? number : z.string(),
		z.string().refine((value) => value === '' || CURRENCY_CODE.test(value), {
			error: 'invalid-currency'
		})
	]);
}

export type UsageRowSchema = ReturnType<typeof createUsageRowSchema>;
export type UsageRowInput = z.input<UsageRowSchema>;

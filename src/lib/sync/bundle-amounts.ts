import { multiply, roundHalfEven, sum, toAmount, type DecimalString } from '$lib/domain/money';
import type { BundleLine } from './bundle-payload';

/** A line total as DESIGN.md fixes it: quantity × unit price, half-even to 2 places. */
export function lineTotalOf(line: {
	quantity: DecimalString;
	unitPrice: DecimalString;
}): DecimalString {
	return roundHalfEven(multiply(line.quantity, line.unitPrice), 2);
}

/** The report total: the exact sum of the line totals, written with 2 decimals. */
export function totalAmountOf(lines: readonly { total: DecimalString }[]): DecimalString {
	return toAmount(sum(lines.map((line) => line.total)));
}

export type AmountProblem = {
	code: 'line-total-mismatch' | 'totals-mismatch';
	field: string;
	detail: string;
};

/**
 * Recomputes a payload's amounts; the first that differs is the problem. Line totals come first:
 * a wrong line explains a wrong report total, not the other way round. Amounts are compared as
 * strings, which is exact because the schema fixes both at 2 decimals.
 */
export function checkBundleAmounts(payload: {
	lines: readonly BundleLine[];
	totals: { amount: DecimalString };
}): AmountProblem | undefined {
	for (const [index, line] of payload.lines.entries()) {
		const expected = lineTotalOf(line);
		if (line.total !== expected)
			return {
				code: 'line-total-mismatch',
				field: `lines.${index}.total`,
				detail: `line ${index}: ${line.quantity} × ${line.unitPrice} is ${expected}, not ${line.total}`
			};
	}
	const expected = totalAmountOf(payload.lines);
	if (payload.totals.amount !== expected)
		return {
			code: 'totals-mismatch',
			field: 'totals.amount',
			detail: `the line totals add up to ${expected}, not ${payload.totals.amount}`
		};
	return undefined;
}

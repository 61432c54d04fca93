import { createFinding, lineSubject } from './create-finding';
import type { LineCheckFactory } from './check-context';
import {
	compareScaled,
	formatScaled,
	multiplyScaled,
	roundScaledHalfEven
} from '$lib/domain/scaled-decimal';

/**
 * `line-total-mismatch` (blocking): DESIGN.md fixes a line total as quantity × unit price, rounded
 * half-even to 2 places. Exact comparison on scaled integers: "201.6" equals "201.60", but a
 * total off by one cent, or carrying the unrounded third decimal, is a mismatch.
 */
export const lineTotalCheck: LineCheckFactory = (context) => (line, parsed) => {
	const { quantity, unitPrice, total } = parsed;
	// Unparsable numbers have their own findings; there is nothing to multiply.
	if (quantity === undefined || unitPrice === undefined || total === undefined) return undefined;
	const expected = roundScaledHalfEven(multiplyScaled(quantity, unitPrice), 2);
	if (compareScaled(expected, total) === 0) return undefined;
	return createFinding({
		ruleId: 'line-total-mismatch',
		subject: lineSubject(line),
		numbers: {
			quantity: line.quantity,
			unitPrice: line.unitPrice,
			expected: formatScaled(expected),
			actual: line.total,
			currency: line.currency ?? context.facts.currency
		},
		pack: context.packRef
	});
};

import {
	addScaled,
	compareScaled,
	subtractScaled,
	multiplyScaled,
	roundScaledHalfEven,
	type ScaledDecimal
} from './scaled-decimal';

/**
 * The line-total rule (DESIGN.md; the pack states it as `lineTotalRounding`): a line's total is
 * quantity × unit price, rounded half-even to 2 places. `1301 × 0.125 = 162.625` makes 162.62.
 */
export function lineTotalOf(quantity: ScaledDecimal, unitPrice: ScaledDecimal): ScaledDecimal {
	const product = multiplyScaled(quantity, unitPrice);
	return product.scale <= 2 ? product : roundScaledHalfEven(product, 2);
}

/**
 * How a written total compares with the rule: `correct`; `half-other-way`, when the product
 * ends in an exact half and the total rounds it the other way (162.63 for 162.625: half-up, as
 * many spreadsheets round; a cent, and no error of the data); or `mismatch`. `expected` is the
 * rule's total.
 */
export type LineTotalVerdict =
	| { kind: 'correct' }
	| { kind: 'half-other-way' | 'mismatch'; expected: ScaledDecimal; product: ScaledDecimal };

/** Most lines are correct: one shared verdict instead of an object per line. */
const CORRECT: LineTotalVerdict = Object.freeze({ kind: 'correct' });

/** Checks a written total against quantity × unit price under the rounding rule. */
export function judgeLineTotal(
	quantity: ScaledDecimal,
	unitPrice: ScaledDecimal,
	total: ScaledDecimal
): LineTotalVerdict {
	const product = multiplyScaled(quantity, unitPrice);
	if (product.scale <= 2) {
		return compareScaled(product, total) === 0
			? CORRECT
			: { kind: 'mismatch', expected: product, product };
	}
	const expected = roundScaledHalfEven(product, 2);
	if (compareScaled(expected, total) === 0) return CORRECT;
	const other = otherWayAtHalf(product, expected);
	const kind =
		other !== undefined && compareScaled(other, total) === 0 ? 'half-other-way' : 'mismatch';
	return { kind, expected, product };
}

const CENT: ScaledDecimal = { units: 1, scale: 2 };
const HALF_CENT: ScaledDecimal = { units: 5, scale: 3 };
const MINUS_HALF_CENT: ScaledDecimal = { units: -5, scale: 3 };

/**
 * When `product` lies exactly half-way between two cents, the cent half-even did not pick;
 * otherwise undefined.
 */
function otherWayAtHalf(product: ScaledDecimal, rounded: ScaledDecimal): ScaledDecimal | undefined {
	const rest = subtractScaled(product, rounded);
	if (compareScaled(rest, HALF_CENT) === 0) return addScaled(rounded, CENT);
	if (compareScaled(rest, MINUS_HALF_CENT) === 0) return subtractScaled(rounded, CENT);
	return undefined;
}

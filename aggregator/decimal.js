import Big from 'big.js';

/**
 * Exact decimal arithmetic for the payload checks. Amounts arrive as decimal strings and are
 * compared with big.js, never through a binary float: 0.1 + 0.2 must be 0.3 here.
 */

/**
 * Every decimal is bounded before any arithmetic (DESIGN.md protocol details): big.js multiplies
 * in time quadratic in the digits, so one 24,000-digit quantity x price held the server for
 * seconds. Quantities and unit prices have at most 15 integer digits (a safe integer, as the
 * app's scaled decimals) and 10 decimals; their product has at most 31 integer digits, and a sum of
 * up to a million line totals at most 37, so amounts may have 37.
 */
export const MAX_INTEGER_DIGITS = 15;
export const MAX_SCALE = 10;
export const MAX_AMOUNT_INTEGER_DIGITS = 37;

/** A plain decimal string as DESIGN.md writes quantities and prices: "12", "-3.5", "0.125". */
export const DECIMAL = new RegExp(`^-?\\d{1,${MAX_INTEGER_DIGITS}}(\\.\\d{1,${MAX_SCALE}})?$`);

/** `total` and `totals.amount` carry exactly 2 decimals (DESIGN.md, protocol details). */
export const AMOUNT = new RegExp(`^-?\\d{1,${MAX_AMOUNT_INTEGER_DIGITS}}\\.\\d{2}$`);

/**
 * quantity x unit price, rounded half-even to 2 places, written with exactly 2 decimals.
 * @param {string} quantity
 * @param {string} unitPrice
 * @returns {string}
 */
export function lineTotal(quantity, unitPrice) {
	return new Big(quantity).times(unitPrice).round(2, Big.roundHalfEven).toFixed(2);
}

/**
 * The exact sum of 2-decimal amounts, written with 2 decimals.
 * @param {Iterable<string>} amounts
 * @returns {string}
 */
export function sumAmounts(amounts) {
	let sum = new Big(0);
	for (const amount of amounts) sum = sum.plus(amount);
	return sum.toFixed(2);
}

/**
 * Numeric equality of two decimal strings ("-0.00" equals "0.00").
 * @param {string} a
 * @param {string} b
 */
export function sameAmount(a, b) {
	return new Big(a).eq(b);
}

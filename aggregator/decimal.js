import Big from 'big.js';

/**
 * Exact decimal arithmetic for the payload checks. Amounts arrive as decimal strings and are
 * compared with big.js, never through a binary float: 0.1 + 0.2 must be 0.3 here.
 */

/** A plain decimal string as DESIGN.md writes amounts and quantities: "12", "-3.5", "0.125". */
export const DECIMAL = /^-?\d+(\.\d+)?$/;

/** `total` and `totals.amount` carry exactly 2 decimals (DESIGN.md, protocol details). */
export const AMOUNT = /^-?\d+\.\d{2}$/;

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

import { numberFormat } from './intl-formats';
import Big from 'big.js';
import { formatPlain, ScaledSum, toScaled } from './scaled-decimal';

/**
 * Money and quantities are exact decimals. They cross every boundary (storage,
 * bundles, backups) as decimal strings such as "1234.50" and are computed with
 * big.js inside this module only, so no amount ever sits in a binary float.
 */
export type DecimalString = string & { readonly __brand: 'DecimalString' };

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** True when `value` is a plain decimal string ("12", "-3.5", "0.125"). */
export function isDecimalString(value: string): value is DecimalString {
	return DECIMAL.test(value);
}

/** Checks and brands a decimal string; throws for anything else (a bug, not user input). */
export function toDecimal(value: string): DecimalString {
	if (!isDecimalString(value))
		throw new TypeError(`not a decimal string: ${JSON.stringify(value)}`);
	return normalize(new Big(value));
}

function normalize(value: Big): DecimalString {
	// toFixed() never switches to exponent notation, unlike toString().
	return value.toFixed() as DecimalString;
}

function big(value: DecimalString): Big {
	return new Big(value);
}

export function add(a: DecimalString, b: DecimalString): DecimalString {
	return normalize(big(a).plus(big(b)));
}

export function subtract(a: DecimalString, b: DecimalString): DecimalString {
	return normalize(big(a).minus(big(b)));
}

export function multiply(a: DecimalString, b: DecimalString): DecimalString {
	return normalize(big(a).times(big(b)));
}

/**
 * Sums decimal strings exactly; the empty sum is "0". As scaled integers, not
 * big.js objects: a bundle sums the totals of up to 100,000 lines, where big.js
 * would be a visible share of signing. Written as big.js would write it.
 */
export function sum(values: Iterable<DecimalString>): DecimalString {
	const total = new ScaledSum();
	for (const value of values) total.add(toScaled(value));
	return formatPlain(total.value) as DecimalString;
}

/** -1, 0 or 1, as a sort comparator wants. */
export function compare(a: DecimalString, b: DecimalString): -1 | 0 | 1 {
	return big(a).cmp(big(b)) as -1 | 0 | 1;
}

export function isNegative(value: DecimalString): boolean {
	return big(value).lt(0);
}

/**
 * Rounds half-even (banker's rounding) to `places` and always writes that many
 * decimals: DESIGN.md fixes line totals and report totals at exactly 2 places.
 */
export function roundHalfEven(value: DecimalString, places = 2): DecimalString {
	return big(value).round(places, Big.roundHalfEven).toFixed(places) as DecimalString;
}

/** Money as the protocol writes it: half-even, exactly 2 decimals. */
export function toAmount(value: DecimalString): DecimalString {
	return roundHalfEven(value, 2);
}

/**
 * Formats an amount for display with Intl. Intl takes a number, so the value is
 * passed as a string (exact in Intl.NumberFormat v3) rather than through a float.
 */
export function formatMoney(value: DecimalString, currency: string, locale: string): string {
	const format = numberFormat(locale, {
		style: 'currency',
		currency,
		minimumFractionDigits: 2,
		maximumFractionDigits: 20
	});
	return format.format(value as unknown as number);
}

/** Formats a quantity or other plain decimal for display, keeping every decimal it has. */
export function formatDecimal(
	value: DecimalString,
	locale: string,
	minimumFractionDigits = 0
): string {
	return numberFormat(locale, { minimumFractionDigits, maximumFractionDigits: 20 }).format(
		value as unknown as number
	);
}

import { divideHalfEven, scaledUnitsAt, toScaled } from '../../domain/scaled-decimal';
import type { DecimalString } from '../../domain/money';

/**
 * A non-rounded quotient for projections: a run rate is a KPI divided by days, and a daily
 * proration is an annual value divided by 365 or 366. Kept as numerator/denominator so the
 * projection is rounded once, to cents, at the end (money.ts has no division, on purpose).
 */
export type Fraction = { readonly n: bigint; readonly d: bigint };

export function fractionOf(value: DecimalString | number): Fraction {
	if (typeof value === 'number') return { n: BigInt(value), d: 1n };
	const scaled = toScaled(value);
	return { n: scaledUnitsAt(scaled, scaled.scale), d: 10n ** BigInt(scaled.scale) };
}

export function times(a: Fraction, b: Fraction): Fraction {
	return { n: a.n * b.n, d: a.d * b.d };
}

export function over(a: Fraction, b: Fraction): Fraction {
	return { n: a.n * b.d, d: a.d * b.n };
}

export function plus(a: Fraction, b: Fraction): Fraction {
	return { n: a.n * b.d + b.n * a.d, d: a.d * b.d };
}

/** Half-even to cents, written with exactly 2 decimals. */
export function toCents(value: Fraction): DecimalString {
	const cents = divideHalfEven(value.n * 100n, value.d);
	const negative = cents < 0n;
	const digits = (negative ? -cents : cents).toString().padStart(3, '0');
	return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}` as DecimalString;
}

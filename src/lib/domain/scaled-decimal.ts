/**
 * Exact decimals as scaled integers (12.34 is 1234 at scale 2) for the rules engine's hot path.
 * A check runs on every keystroke over up to 100,000 lines. Units live in a plain number while
 * they are safe integers (|units| <= 2^53 - 1, which covers every realistic quantity, price and
 * product), and move to BigInt only when they would not fit: exact either way, and far cheaper
 * than big.js objects or BigInt for the common case. Everything that leaves the engine is a
 * decimal string again.
 */
export type ScaledDecimal = { readonly units: number | bigint; readonly scale: number };

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
// Up to 15 digits always fit a safe integer (2^53 is about 9.007e15).
const SAFE_DIGITS = 15;
const numberPowers = [
	1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
];
const bigPowers: bigint[] = [1n];

/** 10^n as a bigint, cached: scales are small and repeat. */
function bigPow10(n: number): bigint {
	for (let i = bigPowers.length; i <= n; i++) bigPowers.push(bigPowers[i - 1] * 10n);
	return bigPowers[n];
}

function toBig(units: number | bigint): bigint {
	return typeof units === 'bigint' ? units : BigInt(units);
}

/** A float result is exact when it stays within the safe range (rounding is monotonic). */
function exact(result: number): boolean {
	return result <= MAX_SAFE && result >= -MAX_SAFE;
}

/**
 * Parses a plain decimal string ("12", "-3.50"); anything else is undefined. A hand-written scan
 * instead of a regex and string slicing: this runs three times per line on every check, and
 * allocating nothing but the result is what keeps 100,000 lines cheap.
 */
export function parseScaled(text: string): ScaledDecimal | undefined {
	const length = text.length;
	const start = length > 0 && text.charCodeAt(0) === 45 ? 1 : 0;
	let units = 0;
	let digits = 0;
	let scale = -1;
	for (let i = start; i < length; i++) {
		const code = text.charCodeAt(i);
		if (code >= 48 && code <= 57) {
			units = units * 10 + (code - 48);
			digits++;
			if (scale >= 0) scale++;
		} else if (code === 46 && scale < 0 && digits > 0) {
			scale = 0;
		} else {
			return undefined;
		}
	}
	// No digits, or a point without digits after it ("5.").
	if (digits === 0 || scale === 0) return undefined;
	if (digits > SAFE_DIGITS) return parseBig(text);
	return { units: start === 1 ? -units : units, scale: scale < 0 ? 0 : scale };
}

/** A text already known to be a decimal string as a scaled integer; anything else is a bug. */
export function toScaled(text: string): ScaledDecimal {
	const parsed = parseScaled(text);
	if (!parsed) throw new TypeError(`not a decimal string: ${JSON.stringify(text)}`);
	return parsed;
}

/** The rare long number: BigInt units, same shape. The text is already known to be valid. */
function parseBig(text: string): ScaledDecimal {
	const dot = text.indexOf('.');
	if (dot < 0) return { units: BigInt(text), scale: 0 };
	return { units: BigInt(text.slice(0, dot) + text.slice(dot + 1)), scale: text.length - dot - 1 };
}

function unitsAt(value: ScaledDecimal, scale: number): number | bigint {
	const shift = scale - value.scale;
	if (shift === 0) return value.units;
	if (typeof value.units === 'number' && shift <= SAFE_DIGITS) {
		const result = value.units * numberPowers[shift];
		if (exact(result)) return result;
	}
	return toBig(value.units) * bigPow10(shift);
}

function combine(
	a: number | bigint,
	b: number | bigint,
	viaNumber: (x: number, y: number) => number,
	viaBig: (x: bigint, y: bigint) => bigint
): number | bigint {
	if (typeof a === 'number' && typeof b === 'number') {
		const result = viaNumber(a, b);
		if (exact(result)) return result;
	}
	return viaBig(toBig(a), toBig(b));
}

export function addScaled(a: ScaledDecimal, b: ScaledDecimal): ScaledDecimal {
	const scale = Math.max(a.scale, b.scale);
	const units = combine(
		unitsAt(a, scale),
		unitsAt(b, scale),
		(x, y) => x + y,
		(x, y) => x + y
	);
	return { units, scale };
}

export function subtractScaled(a: ScaledDecimal, b: ScaledDecimal): ScaledDecimal {
	const scale = Math.max(a.scale, b.scale);
	const units = combine(
		unitsAt(a, scale),
		unitsAt(b, scale),
		(x, y) => x - y,
		(x, y) => x - y
	);
	return { units, scale };
}

export function multiplyScaled(a: ScaledDecimal, b: ScaledDecimal): ScaledDecimal {
	const units = combine(
		a.units,
		b.units,
		(x, y) => x * y,
		(x, y) => x * y
	);
	return { units, scale: a.scale + b.scale };
}

/** -1, 0 or 1; "1.50" and "1.5" compare equal. */
export function compareScaled(a: ScaledDecimal, b: ScaledDecimal): -1 | 0 | 1 {
	const scale = Math.max(a.scale, b.scale);
	const left = unitsAt(a, scale);
	const right = unitsAt(b, scale);
	// Mixed number/bigint comparison is exact in JavaScript.
	return left < right ? -1 : left > right ? 1 : 0;
}

/** -1, 0 or 1 by the sign of the value. */
export function signOf(value: ScaledDecimal): -1 | 0 | 1 {
	return value.units < 0 ? -1 : value.units > 0 ? 1 : 0;
}

/** Integer division rounded half to even, the rounding DESIGN.md fixes for money. */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
	if (denominator === 0n) throw new RangeError('division by zero');
	const negative = numerator < 0n !== denominator < 0n;
	const n = numerator < 0n ? -numerator : numerator;
	const d = denominator < 0n ? -denominator : denominator;
	let quotient = n / d;
	const twiceRemainder = (n - quotient * d) * 2n;
	if (twiceRemainder > d || (twiceRemainder === d && quotient % 2n === 1n)) quotient += 1n;
	return negative ? -quotient : quotient;
}

/** Rounds half-even to `places` decimals. */
export function roundScaledHalfEven(value: ScaledDecimal, places: number): ScaledDecimal {
	if (value.scale <= places) return { units: unitsAt(value, places), scale: places };
	const shift = value.scale - places;
	if (typeof value.units === 'number' && shift <= SAFE_DIGITS) {
		// % and the division of a multiple are exact on safe integers.
		const divisor = numberPowers[shift];
		const remainder = value.units % divisor;
		let quotient = (value.units - remainder) / divisor;
		const twice = Math.abs(remainder) * 2;
		if (twice > divisor || (twice === divisor && quotient % 2 !== 0)) {
			quotient += value.units < 0 ? -1 : 1;
		}
		return { units: quotient, scale: places };
	}
	return { units: divideHalfEven(toBig(value.units), bigPow10(shift)), scale: places };
}

/** Writes the value with exactly its scale's decimals: { 1234, 2 } is "12.34". */
export function formatScaled(value: ScaledDecimal): string {
	const negative = value.units < 0;
	const digits = (negative ? -value.units : value.units).toString();
	if (value.scale === 0) return negative ? `-${digits}` : digits;
	const padded = digits.padStart(value.scale + 1, '0');
	const cut = padded.length - value.scale;
	return `${negative ? '-' : ''}${padded.slice(0, cut)}.${padded.slice(cut)}`;
}

/** As big.js writes a value: no trailing zeros, "0" for zero ({ 400, 2 } is "4"). */
export function formatPlain(value: ScaledDecimal): string {
	const text = formatScaled(value);
	const trimmed = text.includes('.') ? text.replace(/\.?0+$/, '') : text;
	return trimmed === '-0' ? '0' : trimmed;
}

/** An amount for display in a finding: at least 2 decimals, more only if the value has them. */
export function formatAmount(value: ScaledDecimal): string {
	return formatScaled(value.scale < 2 ? roundScaledHalfEven(value, 2) : value);
}

/** The value at a given scale as a bigint, for exact threshold and percent arithmetic. */
export function scaledUnitsAt(value: ScaledDecimal, scale: number): bigint {
	if (scale < value.scale) throw new RangeError('would lose digits');
	return toBig(value.units) * bigPow10(scale - value.scale);
}

export const ZERO: ScaledDecimal = { units: 0, scale: 0 };

/**
 * A running exact sum for long columns (100,000 totals): adds in place while the units stay safe
 * integers at one scale, which is every realistic column, instead of allocating a value per add.
 */
export class ScaledSum {
	#units: number | bigint = 0;
	#scale = 0;

	add(value: ScaledDecimal): void {
		if (
			typeof this.#units === 'number' &&
			typeof value.units === 'number' &&
			value.scale === this.#scale
		) {
			const result = this.#units + value.units;
			if (exact(result)) {
				this.#units = result;
				return;
			}
		}
		const sum = addScaled({ units: this.#units, scale: this.#scale }, value);
		this.#units = sum.units;
		this.#scale = sum.scale;
	}

	get value(): ScaledDecimal {
		return { units: this.#units, scale: this.#scale };
	}
}

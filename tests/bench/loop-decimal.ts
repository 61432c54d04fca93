/**
 * Exact decimals for the benchmarks' baselines, written apart from the engine's
 * `scaled-decimal.ts` so that the baselines check the engine instead of sharing its bugs:
 * integer units at a scale (12.34 is 1234 at scale 2), a plain number while it is a safe integer
 * and a BigInt past that. Nothing here rounds through a binary float.
 */
export type Decimal = { units: number | bigint; scale: number };

export const ZERO: Decimal = { units: 0, scale: 0 };

const POWERS = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
/** Up to 15 digits always fit a safe integer. */
const SAFE_DIGITS = 15;

/** `-?digits(.digits)?`, the grammar the rules engine accepts; anything else is undefined. */
export function parseDecimal(text: string): Decimal | undefined {
	const negative = text.charCodeAt(0) === 45;
	let units = 0;
	let digits = 0;
	let scale = -1;
	for (let i = negative ? 1 : 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code >= 48 && code <= 57) {
			units = units * 10 + code - 48;
			digits++;
			if (scale >= 0) scale++;
		} else if (code === 46 && scale < 0 && digits > 0) scale = 0;
		else return undefined;
	}
	if (digits === 0 || scale === 0) return undefined;
	if (digits > SAFE_DIGITS) {
		return { units: BigInt(text.replace('.', '')), scale: Math.max(scale, 0) };
	}
	return { units: negative ? -units : units, scale: Math.max(scale, 0) };
}

function big(units: number | bigint): bigint {
	return typeof units === 'bigint' ? units : BigInt(units);
}

/** Units moved `by` decimal places up, exactly. */
function shift(units: number | bigint, by: number): number | bigint {
	if (by === 0) return units;
	if (typeof units === 'number' && by <= SAFE_DIGITS) {
		const result = units * POWERS[by];
		if (Number.isSafeInteger(result)) return result;
	}
	return big(units) * 10n ** BigInt(by);
}

function safe(result: number): boolean {
	return Number.isSafeInteger(result);
}

export function compareDecimal(a: Decimal, b: Decimal): -1 | 0 | 1 {
	const scale = Math.max(a.scale, b.scale);
	const left = shift(a.units, scale - a.scale);
	const right = shift(b.units, scale - b.scale);
	return left < right ? -1 : left > right ? 1 : 0;
}

export function addDecimal(a: Decimal, b: Decimal): Decimal {
	const scale = Math.max(a.scale, b.scale);
	const left = shift(a.units, scale - a.scale);
	const right = shift(b.units, scale - b.scale);
	if (typeof left === 'number' && typeof right === 'number' && safe(left + right)) {
		return { units: left + right, scale };
	}
	return { units: big(left) + big(right), scale };
}

export function negateDecimal(a: Decimal): Decimal {
	return { units: -a.units, scale: a.scale };
}

export function multiplyDecimal(a: Decimal, b: Decimal): Decimal {
	const scale = a.scale + b.scale;
	if (typeof a.units === 'number' && typeof b.units === 'number' && safe(a.units * b.units)) {
		return { units: a.units * b.units, scale };
	}
	return { units: big(a.units) * big(b.units), scale };
}

/** Half-even to `places` decimals (DESIGN.md's rounding for money). */
export function roundHalfEven(value: Decimal, places: number): Decimal {
	if (value.scale <= places)
		return { units: shift(value.units, places - value.scale), scale: places };
	const by = value.scale - places;
	const n = big(value.units);
	const divisor = 10n ** BigInt(by);
	let quotient = n / divisor;
	const twice = (n - quotient * divisor) * 2n;
	const magnitude = twice < 0n ? -twice : twice;
	if (magnitude > divisor || (magnitude === divisor && quotient % 2n !== 0n)) {
		quotient += n < 0n ? -1n : 1n;
	}
	return { units: quotient, scale: places };
}

export function signOfDecimal(value: Decimal): -1 | 0 | 1 {
	return value.units < 0 ? -1 : value.units > 0 ? 1 : 0;
}

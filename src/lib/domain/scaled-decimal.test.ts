import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import {
	addScaled,
	compareScaled,
	divideHalfEven,
	formatAmount,
	formatScaled,
	multiplyScaled,
	parseScaled,
	roundScaledHalfEven,
	subtractScaled,
	ScaledSum,
	toScaled
} from './scaled-decimal';

describe('scaled decimals', () => {
	it('toScaled takes a known decimal string and throws for anything else, a bug', () => {
		expect(toScaled('-67.20')).toEqual({ units: -6720, scale: 2 });
		expect(() => toScaled('1.480,00')).toThrow('not a decimal string: "1.480,00"');
	});

	it('parses plain decimals and refuses everything else', () => {
		expect(parseScaled('12.34')).toEqual({ units: 1234, scale: 2 });
		expect(parseScaled('-0.5')).toEqual({ units: -5, scale: 1 });
		expect(parseScaled('1480')).toEqual({ units: 1480, scale: 0 });
		// Past 15 digits the units move to BigInt, so no digit is lost.
		expect(parseScaled('-123456789012.3456')).toEqual({ units: -1234567890123456n, scale: 4 });
		expect(parseScaled('999999999999999')).toEqual({ units: 999999999999999, scale: 0 });
		for (const text of [
			'',
			'-',
			'1.2.3',
			'-.5',
			'1.480,00',
			'1,5',
			'1e3',
			' 12',
			'+3',
			'.5',
			'5.',
			'NaN',
			'--1'
		]) {
			expect(parseScaled(text)).toBeUndefined();
		}
	});

	it('formats with exactly its scale', () => {
		expect(formatScaled(toScaled('-0.05'))).toBe('-0.05');
		expect(formatScaled({ units: 134n, scale: 0 })).toBe('134');
		expect(formatScaled({ units: 7n, scale: 3 })).toBe('0.007');
		expect(formatAmount(toScaled('12'))).toBe('12.00');
		expect(formatAmount(toScaled('12.345'))).toBe('12.345');
	});

	it('compares across scales and adds, subtracts, multiplies exactly', () => {
		expect(compareScaled(toScaled('201.6'), toScaled('201.60'))).toBe(0);
		expect(compareScaled(toScaled('201.59'), toScaled('201.6'))).toBe(-1);
		expect(formatScaled(addScaled(toScaled('0.1'), toScaled('0.2')))).toBe('0.3');
		expect(formatScaled(subtractScaled(toScaled('134'), toScaled('140')))).toBe('-6');
		expect(formatScaled(multiplyScaled(toScaled('-6'), toScaled('11.20')))).toBe('-67.20');
	});

	it('moves to BigInt where a number would lose digits, and back to the same answers', () => {
		const big = toScaled('9007199254740993.5');
		expect(formatScaled(multiplyScaled(big, toScaled('2')))).toBe('18014398509481987.0');
		expect(formatScaled(addScaled(toScaled('9007199254740991'), toScaled('1')))).toBe(
			'9007199254740992'
		);
		expect(formatScaled(multiplyScaled(toScaled('99999999.99'), toScaled('99999999.99')))).toBe(
			'9999999998000000.0001'
		);
		expect(compareScaled(toScaled('9007199254740993'), toScaled('9007199254740992.99'))).toBe(1);
		expect(formatScaled(roundScaledHalfEven(toScaled('1234567890123456.785'), 2))).toBe(
			'1234567890123456.78'
		);
	});

	it('rounds half to even, on both sides of zero', () => {
		const round = (text: string) => formatScaled(roundScaledHalfEven(toScaled(text), 2));
		expect(['0.125', '0.135', '0.1251', '-0.125', '-0.135', '2.5', '1.005'].map(round)).toEqual([
			'0.12',
			'0.14',
			'0.13',
			'-0.12',
			'-0.14',
			'2.50',
			'1.00'
		]);
		expect(divideHalfEven(5n, 2n)).toBe(2n);
		expect(divideHalfEven(7n, -2n)).toBe(-4n);
		expect(() => divideHalfEven(1n, 0n)).toThrow(RangeError);
	});

	it('agrees with big.js on 5,000 random sums, comparisons and products rounded to cents', () => {
		// A seeded generator: the same cases every run.
		let seed = 42;
		const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
		// Every tenth value has 12 to 20 digits, to run the BigInt path as well as the number path.
		const decimal = () => {
			const places = next() % 5;
			const wide = next() % 10 === 0;
			const raw = wide
				? `${next()}${next()}`.slice(0, 12 + (next() % 9))
				: String(next() % 10_000_000);
			const digits = raw.padStart(places + 1, '0');
			const sign = next() % 4 === 0 ? '-' : '';
			return places === 0
				? sign + digits
				: `${sign}${digits.slice(0, -places)}.${digits.slice(-places)}`;
		};
		for (let i = 0; i < 5000; i++) {
			const a = decimal();
			const b = decimal();
			const ours = formatScaled(roundScaledHalfEven(multiplyScaled(toScaled(a), toScaled(b)), 2));
			const theirs = new Big(a).times(b).round(2, Big.roundHalfEven).toFixed(2);
			expect(ours, `${a} × ${b}`).toBe(theirs === '-0.00' ? '0.00' : theirs);
			expect(compareScaled(toScaled(a), toScaled(b)), `${a} <=> ${b}`).toBe(new Big(a).cmp(b));
			expect(
				new Big(formatScaled(addScaled(toScaled(a), toScaled(b)))).eq(new Big(a).plus(b))
			).toBe(true);
		}
	});

	it('sums in place, across scales and past the safe integers, exactly', () => {
		const sum = new ScaledSum();
		for (const text of ['1.50', '2', '0.125', '-0.625']) sum.add(parseScaled(text)!);
		expect(formatScaled(sum.value)).toBe('3.000');
		const big = new ScaledSum();
		for (let i = 0; i < 3; i++) big.add(parseScaled('4503599627370496.00')!);
		expect(formatScaled(big.value)).toBe('13510798882111488.00');
	});
});

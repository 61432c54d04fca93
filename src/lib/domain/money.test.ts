import { describe, expect, it } from 'vitest';
import {
	add,
	compare,
	formatMoney,
	multiply,
	roundHalfEven,
	sum,
	toAmount,
	toDecimal
} from './money';

const d = toDecimal;

describe('money', () => {
	it('adds without binary float error', () => {
		expect(add(d('0.1'), d('0.2'))).toBe('0.3');
		expect(sum([d('1234.50'), d('0.01'), d('-0.51')])).toBe('1234');
		expect(sum([])).toBe('0');
	});

	it('multiplies quantity by unit price exactly', () => {
		expect(multiply(d('1500'), d('12.34'))).toBe('18510');
		expect(multiply(d('3'), d('0.3333'))).toBe('0.9999');
	});

	it('rounds half to even at 2 places and writes both decimals', () => {
		expect(roundHalfEven(d('2.345'))).toBe('2.34');
		expect(roundHalfEven(d('2.355'))).toBe('2.36');
		expect(roundHalfEven(d('-2.345'))).toBe('-2.34');
		expect(toAmount(d('7'))).toBe('7.00');
	});

	it('refuses what is not a decimal string', () => {
		expect(() => d('1,5')).toThrow(TypeError);
		expect(() => d('1e3')).toThrow(TypeError);
		expect(() => d('')).toThrow(TypeError);
	});

	it('never writes exponent notation', () => {
		expect(multiply(d('0.0000001'), d('0.0000001'))).toBe('0.00000000000001');
		expect(compare(d('10'), d('9.99'))).toBe(1);
	});

	it('formats amounts in the locale, exactly', () => {
		expect(formatMoney(d('1234.5'), 'EUR', 'de-DE')).toBe('1.234,50\u00a0€');
		expect(formatMoney(d('1234.5'), 'USD', 'en-US')).toBe('$1,234.50');
		expect(formatMoney(d('90071992547409.93'), 'EUR', 'en-US')).toBe('€90,071,992,547,409.93');
	});
});

import { describe, expect, it } from 'vitest';
import { classifyNumber, findCurrency, parseLocaleNumber } from './locale-number';

describe('parseLocaleNumber', () => {
	it.each([
		['1.234,56', 'de', '1234.56'],
		['1,234.56', 'en', '1234.56'],
		['1.480', 'de', '1480'],
		['1.480', 'en', '1.480'],
		['24,90', 'de', '24.90'],
		['1568.00', 'en', '1568.00'],
		['-67,20', 'de', '-67.20'],
		['\u22126', 'de', '-6'],
		['+5', 'en', '5'],
		['-0,00', 'de', '0.00'],
		[',5', 'de', '0.5'],
		['007', 'en', '7'],
		['1 234,5', 'de', '1234.5'],
		['1\u00a0234.5', 'en', '1234.5'],
		['1.234.567,891', 'de', '1234567.891'],
		['  42  ', 'de', '42'],
		['15,6960', 'de', '15.6960']
	] as const)('reads %s (%s) as %s', (text, locale, value) => {
		expect(parseLocaleNumber({ text, locale })).toEqual({ ok: true, value });
	});

	it.each([
		['EUR 12,00', 'de', '12.00', 'EUR'],
		['12,00 €', 'de', '12.00', 'EUR'],
		['$1,234.50', 'en', '1234.50', 'USD'],
		['-67.20 GBP', 'en', '-67.20', 'GBP']
	] as const)('reads %s with its currency', (text, locale, value, currency) => {
		expect(parseLocaleNumber({ text, locale })).toEqual({ ok: true, value, currency });
	});

	it.each([
		['zwölf', 'de'],
		['', 'de'],
		['-', 'en'],
		['12,', 'de'],
		['24,90', 'en'],
		['1,5', 'en'],
		['0.480', 'de'],
		['1.23.4', 'de'],
		['1e3', 'en'],
		['12 Stück', 'de'],
		['(67.20)', 'en'],
		['EUR 12 USD', 'en']
	] as const)('refuses %s (%s)', (text, locale) => {
		expect(parseLocaleNumber({ text, locale })).toEqual({ ok: false, reason: 'not-a-number' });
	});
});

describe('classifyNumber', () => {
	it('tells which format a cell can only be written in', () => {
		expect(classifyNumber({ text: '1.234,56' })).toBe('de');
		expect(classifyNumber({ text: '24,90' })).toBe('de');
		expect(classifyNumber({ text: '1.234.567' })).toBe('de');
		expect(classifyNumber({ text: '201.60' })).toBe('en');
		expect(classifyNumber({ text: '1,234.56' })).toBe('en');
		expect(classifyNumber({ text: '18' })).toBe('both-same');
		expect(classifyNumber({ text: '1 480' })).toBe('both-same');
		expect(classifyNumber({ text: '1.480' })).toBe('ambiguous');
		expect(classifyNumber({ text: '1,480' })).toBe('ambiguous');
		expect(classifyNumber({ text: 'zwölf' })).toBe('invalid');
	});
});

describe('findCurrency', () => {
	it('names the currency around an amount', () => {
		expect(findCurrency({ text: '2,78 €' })).toBe('EUR');
		expect(findCurrency({ text: 'USD 2.40' })).toBe('USD');
		expect(findCurrency({ text: '2,40' })).toBeUndefined();
		expect(findCurrency({ text: '-6' })).toBeUndefined();
	});
});

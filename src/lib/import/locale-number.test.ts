import { describe, expect, it } from 'vitest';
import { classifyNumber, findCurrency, parseLocaleNumber, readByPattern } from './locale-number';

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

describe('the scan for plain number cells', () => {
	/** Every string over `alphabet` up to `max` characters. */
	function* allStrings(alphabet: string, max: number): Generator<string> {
		let level = [''];
		for (let length = 0; length <= max; length++) {
			yield* level;
			level = level.flatMap((prefix) => [...alphabet].map((char) => prefix + char));
		}
	}

	it('reads every short cell of digits, separators and signs exactly as the full pattern', () => {
		let read = 0;
		const differ: string[] = [];
		for (const text of allStrings('019.,-', 6)) {
			for (const locale of ['de', 'en'] as const) {
				const byPattern = JSON.stringify(readByPattern(text, locale));
				if (JSON.stringify(parseLocaleNumber({ text, locale })) !== byPattern) {
					differ.push(`${text} (${locale})`);
				}
				if (byPattern.startsWith('{"ok":true')) read++;
			}
		}
		expect(differ).toEqual([]);
		// The alphabet reaches the interesting shapes: grouped, decimal, signed, zero, leading zero.
		expect(read).toBeGreaterThan(5000);
	});

	it('agrees with the full pattern on long grouped numbers', () => {
		for (const text of [
			'12.345.678,90',
			'123.456.789.012.345,6789',
			'1.234.56',
			'1.234.5678',
			'1234.567,8',
			'0.123,4',
			'-000,5',
			'-1.000.000',
			'1,234,567.891'
		]) {
			for (const locale of ['de', 'en'] as const) {
				expect(parseLocaleNumber({ text, locale }), `${text} (${locale})`).toEqual(
					readByPattern(text, locale)
				);
			}
		}
	});
});

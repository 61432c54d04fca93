import { describe, expect, it } from 'vitest';
import { toDecimal } from '../domain/money';
import { readTypedNumber, writeTypedNumber } from './typed-number';

describe('readTypedNumber', () => {
	it('reads 1.480 typed in German as 1480, and 1,48 as 1.48', () => {
		expect(readTypedNumber({ text: '1.480', language: 'de' })).toEqual({ ok: true, value: '1480' });
		expect(readTypedNumber({ text: ' 1,48 ', language: 'de' })).toEqual({
			ok: true,
			value: '1.48'
		});
		expect(readTypedNumber({ text: '-1.234,50', language: 'de' })).toEqual({
			ok: true,
			value: '-1234.50'
		});
	});

	it('reads 1.480 typed in English as 1.480, and 1,480 as 1480', () => {
		expect(readTypedNumber({ text: '1.480', language: 'en' })).toEqual({
			ok: true,
			value: '1.480'
		});
		expect(readTypedNumber({ text: '1,480', language: 'en' })).toEqual({ ok: true, value: '1480' });
	});

	it('refuses empty text, the other format and currencies, never guessing', () => {
		expect(readTypedNumber({ text: '  ', language: 'de' })).toEqual({ ok: false });
		expect(readTypedNumber({ text: '1.48', language: 'de' })).toEqual({ ok: false });
		expect(readTypedNumber({ text: '1,48', language: 'en' })).toEqual({ ok: false });
		expect(readTypedNumber({ text: '12,00 €', language: 'de' })).toEqual({ ok: false });
		expect(readTypedNumber({ text: 'zwölf', language: 'de' })).toEqual({ ok: false });
	});
});

describe('writeTypedNumber', () => {
	it('writes what reads back as the same number, in both languages', () => {
		for (const text of ['1480', '1.48', '-67.20', '0.125', '4617.60']) {
			const value = toDecimal(text);
			for (const language of ['de', 'en'] as const) {
				const typed = writeTypedNumber({ value, language });
				expect(readTypedNumber({ text: typed, language }), `${text} in ${language}`).toEqual({
					ok: true,
					value
				});
			}
		}
		expect(writeTypedNumber({ value: toDecimal('1480'), language: 'de' })).toBe('1480');
		expect(writeTypedNumber({ value: toDecimal('1.48'), language: 'de' })).toBe('1,48');
	});
});

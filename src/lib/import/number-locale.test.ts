import { describe, expect, it } from 'vitest';
import { createNumberLocaleDetector, detectNumberLocale, readNumberCell } from './number-locale';

describe('detectNumberLocale', () => {
	it('decides German from 1.568,00 and 24,90, whatever 1.480 says', () => {
		const cells = ['140', '11,20', '1.568,00', '1.480', '3,12', '4.617,60'];
		expect(detectNumberLocale({ cells })).toEqual({ locale: 'de', evidence: { de: 4, en: 0 } });
	});

	it('decides English from 201.60', () => {
		const cells = ['18', '11.20', '201.60', '1,480'];
		expect(detectNumberLocale({ cells })).toEqual({ locale: 'en', evidence: { de: 0, en: 2 } });
	});

	it('decides nothing from integers and ambiguous cells', () => {
		const cells = ['1', '1.285', '2', '500', '1.000'];
		expect(detectNumberLocale({ cells })).toEqual({
			locale: undefined,
			evidence: { de: 0, en: 0 }
		});
	});

	it('lets the majority win in a file that mixes both', () => {
		const cells = ['2,40', '3,12', '2.40'];
		expect(detectNumberLocale({ cells }).locale).toBe('de');
	});

	it('stops reading once 1,000 cells agree', () => {
		const cells = [...Array.from({ length: 1000 }, () => '1,50'), '1.50', '2.50'];
		expect(detectNumberLocale({ cells })).toEqual({ locale: 'de', evidence: { de: 1000, en: 0 } });
	});
});

describe('createNumberLocaleDetector by column', () => {
	it('counts the evidence of each column apart', () => {
		const detector = createNumberLocaleDetector();
		for (const [cell, column] of [
			['1.480', 1],
			['3.12', 2],
			['24,90', 2],
			['18', 1]
		] as const)
			detector.add(cell, column);
		expect(detector.columnEvidence(1)).toEqual({ de: 0, en: 0 });
		expect(detector.columnEvidence(2)).toEqual({ de: 1, en: 1 });
		expect(detector.result().evidence).toEqual({ de: 1, en: 1 });
	});
});

describe('readNumberCell', () => {
	it('reads a cell by the file locale', () => {
		expect(readNumberCell({ text: '1.480', locale: 'de' })).toEqual({ ok: true, value: '1480' });
		expect(readNumberCell({ text: '1.480', locale: 'en' })).toEqual({ ok: true, value: '1.480' });
	});

	it('tells a cell in the other format from one that is no number', () => {
		expect(readNumberCell({ text: '2.40', locale: 'de' })).toEqual({
			ok: false,
			code: 'number-format-mismatch'
		});
		expect(readNumberCell({ text: 'zwölf', locale: 'de' })).toEqual({
			ok: false,
			code: 'not-a-number'
		});
	});

	it('without a locale, reads what both formats agree on or only one can read', () => {
		expect(readNumberCell({ text: '18', locale: undefined })).toEqual({ ok: true, value: '18' });
		expect(readNumberCell({ text: '24,90', locale: undefined })).toEqual({
			ok: true,
			value: '24.90'
		});
		expect(readNumberCell({ text: '1.285', locale: undefined })).toEqual({
			ok: false,
			code: 'ambiguous-number'
		});
	});
});

import { describe, expect, it } from 'vitest';
import { formatDate, formatMoneyText, formatNumber, formatPeriod, quote } from './format-text';

describe('message formatting', () => {
	it('groups and separates decimals per language, exactly', () => {
		expect(formatNumber('1234567.891', 'de')).toBe('1.234.567,891');
		expect(formatNumber('1234567.891', 'en')).toBe('1,234,567.891');
		expect(formatNumber('-67.20', 'de')).toBe('-67,20');
		expect(formatNumber('999', 'en')).toBe('999');
		expect(formatNumber('-999.5', 'de')).toBe('-999,5');
		expect(formatNumber('-1000', 'en')).toBe('-1,000');
		expect(formatNumber('12345', 'de')).toBe('12.345');
		expect(formatNumber('123456', 'en')).toBe('123,456');
	});

	it('leaves text that is not a decimal untouched, so a bad cell shows as typed', () => {
		expect(formatNumber('1.480,00', 'de')).toBe('1.480,00');
		expect(formatNumber('abc', 'en')).toBe('abc');
	});

	it('writes dates as each language does, never as ISO in English', () => {
		expect(formatDate('2026-11-15', 'de')).toBe('15.11.2026');
		expect(formatDate('2026-11-05', 'en')).toBe('5 November 2026');
		expect(formatPeriod('2026-08', 'en')).toBe('August 2026');
		expect(formatPeriod('2026-03', 'de')).toBe('März 2026');
		expect(quote('x', 'de')).toBe('„x“');
		expect(quote('x', 'en')).toBe('"x"');
	});

	it('writes amounts with their currency, as each language does', () => {
		expect(formatMoneyText('1234.5', 'EUR', 'en')).toBe('€1,234.5');
		expect(formatMoneyText('-67.20', 'EUR', 'en')).toBe('-€67.20');
		expect(formatMoneyText('-67.20', 'EUR', 'de')).toBe('-67,20 €');
		expect(formatMoneyText('1234.50', 'CHF', 'en')).toBe('CHF 1,234.50');
		expect(formatMoneyText('1234.50', 'CHF', 'de')).toBe('1.234,50 CHF');
		expect(formatMoneyText('12', undefined, 'en')).toBe('12');
	});
});

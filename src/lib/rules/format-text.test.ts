import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, quote } from './format-text';

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

	it('writes dates the German way and keeps ISO in English', () => {
		expect(formatDate('2026-11-15', 'de')).toBe('15.11.2026');
		expect(formatDate('2026-11-15', 'en')).toBe('2026-11-15');
		expect(quote('x', 'de')).toBe('„x“');
		expect(quote('x', 'en')).toBe('"x"');
	});
});

import { describe, expect, it } from 'vitest';
import { dateTimeFormat, numberFormat } from './intl-formats';

describe('Intl formatters are made once per locale and options', () => {
	it('the same locale and options give the same formatter, others another', () => {
		const options = { timeZone: 'Europe/Berlin', year: 'numeric' } as const;
		expect(dateTimeFormat('de', options)).toBe(dateTimeFormat('de', { ...options }));
		expect(dateTimeFormat('de', options)).not.toBe(dateTimeFormat('en', options));
		expect(dateTimeFormat('de', options)).not.toBe(
			dateTimeFormat('de', { ...options, timeZone: 'UTC' })
		);
		expect(numberFormat('de')).toBe(numberFormat('de', {}));
		expect(numberFormat('de', { style: 'percent' })).not.toBe(numberFormat('de'));
	});

	it('a kept formatter formats as a new one would', () => {
		const instant = new Date('2026-11-30T23:30:00Z');
		const options = { timeZone: 'Europe/Berlin', dateStyle: 'long' } as const;
		expect(dateTimeFormat('de', options).format(instant)).toBe('1. Dezember 2026');
		expect(numberFormat('de').format(1234567.5)).toBe('1.234.567,5');
	});
});

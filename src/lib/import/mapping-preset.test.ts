import { describe, expect, it } from 'vitest';
import { createMappingPreset, findMappingPreset, headerSignature } from './mapping-preset';

const HEADER = ['Datum', 'Artikel', 'Stück', 'Preis', 'Wert'];
const mapping = {
	fields: { sid: 1, quantity: 2, unitPrice: 3, total: 4 },
	numberLocale: 'de' as const
};

describe('mapping presets', () => {
	it('signs a header by its normalised cells', () => {
		expect(headerSignature({ header: HEADER })).toBe('datum|artikel|stück|preis|wert');
		expect(headerSignature({ header: [' DATUM', 'artikel ', 'Stück', 'Preis', 'WERT'] })).toBe(
			'datum|artikel|stück|preis|wert'
		);
	});

	it('finds the preset made for the same layout, and none for another', () => {
		const preset = createMappingPreset({ source: 'reseller-portal', header: HEADER, mapping });
		expect(preset).toEqual({
			source: 'reseller-portal',
			headerSignature: 'datum|artikel|stück|preis|wert',
			mapping
		});
		const presets = [preset];
		expect(findMappingPreset({ header: HEADER.map((cell) => cell.toUpperCase()), presets })).toBe(
			preset
		);
		expect(findMappingPreset({ header: [...HEADER, 'Notiz'], presets })).toBeUndefined();
	});
});

import { describe, expect, it } from 'vitest';
import { normalizeHeader, recognizeColumns, resolveColumns } from './column-mapping';

const ENGLISH = [
	'Period',
	'Service Identifier (SID)',
	'Customer',
	'Product',
	'SKU',
	'Unit',
	'Quantity',
	'Unit Price (MSRP)',
	'Total (MSRP)',
	'Currency',
	'Contract ID'
];
const GERMAN = [
	'Zeitraum',
	'Service-ID (SID)',
	'Kunde',
	'Produkt',
	'SKU',
	'Einheit',
	'Menge',
	'Einzelpreis (UVP)',
	'Gesamt (UVP)',
	'Währung',
	'Vertrags-ID'
];
const ALL = {
	period: 0,
	sid: 1,
	customerRef: 2,
	description: 3,
	sku: 4,
	unit: 5,
	quantity: 6,
	unitPrice: 7,
	total: 8,
	currency: 9,
	contractId: 10
};

describe('recognizeColumns', () => {
	it('maps both Omnissa exports (English and German) completely', () => {
		expect(recognizeColumns({ header: ENGLISH })).toEqual(ALL);
		expect(recognizeColumns({ header: GERMAN })).toEqual(ALL);
	});

	it('ignores case, spacing, underscores, a trailing colon and decomposed umlauts', () => {
		const header = [
			'  sid ',
			'BESCHREIBUNG',
			'End   Customer',
			'qty:',
			'unit_price',
			'Line Total',
			'Wa\u0308hrung'
		];
		expect(recognizeColumns({ header })).toEqual({
			sid: 0,
			description: 1,
			customerRef: 2,
			quantity: 3,
			unitPrice: 4,
			total: 5,
			currency: 6
		});
	});

	it('keeps the first of two columns that mean the same', () => {
		expect(recognizeColumns({ header: ['Gesamt', 'Total'] })).toEqual({ total: 0 });
	});

	it('recognises nothing in unknown headers', () => {
		expect(recognizeColumns({ header: ['Datum', 'Artikel', 'Stück', 'Preis'] })).toEqual({});
	});
});

describe('resolveColumns', () => {
	it('lets a mapping by index or header name win over the header names', () => {
		const header = ['Datum', 'Artikel', 'Stück', 'Preis', 'Wert', 'Menge'];
		const mapping = { fields: { sid: 1, quantity: 'stück', unitPrice: 'Preis', total: 4 } };
		expect(resolveColumns({ header, mapping })).toEqual({
			columns: { sid: 1, quantity: 2, unitPrice: 3, total: 4 },
			missing: []
		});
	});

	it('takes a column away from the field the header gave it to', () => {
		const mapping = { fields: { total: 6 } };
		const { columns } = resolveColumns({ header: GERMAN, mapping });
		expect(columns.total).toBe(6);
		expect(columns.quantity).toBeUndefined();
	});

	it('lists references the header does not have', () => {
		const mapping = { fields: { sid: 'SID-Nummer', quantity: 12 } };
		expect(resolveColumns({ header: ['A', 'B'], mapping })).toEqual({
			columns: {},
			missing: [
				{ field: 'sid', ref: 'SID-Nummer' },
				{ field: 'quantity', ref: 12 }
			]
		});
	});
});

describe('normalizeHeader', () => {
	it('compares header cells loosely', () => {
		expect(normalizeHeader('  Unit\u00a0Price  (MSRP): ')).toBe('unit price (msrp)');
	});
});

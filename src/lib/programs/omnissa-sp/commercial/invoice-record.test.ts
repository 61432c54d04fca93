import { describe, expect, it } from 'vitest';
import { invoiceHeaderOf } from './invoice-record';

const header = { line: 1, cells: ['Rechnungsnummer', 'Leistungszeitraum', 'Pos.'] };
const row = (period: string) => ({ line: 2, cells: ['EXD-RE-2026-320939', period, '10'] });

describe('invoiceHeaderOf', () => {
	it('reads the invoice number and the calendar month it bills', () => {
		expect(invoiceHeaderOf([header, row('01.09.2026 - 30.09.2026')])).toEqual({
			ok: true,
			invoiceNo: 'EXD-RE-2026-320939',
			period: '2026-09'
		});
		// February 2028 has 29 days.
		expect(invoiceHeaderOf([header, row('01.02.2028 - 29.02.2028')])).toMatchObject({
			period: '2028-02'
		});
	});

	it('refuses a period that is not one whole month, naming line and column', () => {
		for (const text of ['01.09.2026 - 29.09.2026', '01.09.2026 - 31.10.2026', 'September', '']) {
			expect(invoiceHeaderOf([header, row(text)]), text).toEqual({
				ok: false,
				line: 2,
				field: 'Leistungszeitraum',
				value: text
			});
		}
		expect(
			invoiceHeaderOf([
				{ line: 1, cells: ['Pos.'] },
				{ line: 2, cells: ['10'] }
			])
		).toEqual({
			ok: false,
			line: 2,
			field: 'Leistungszeitraum',
			value: ''
		});
	});
});

import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHECKED_FIELDS, createUsageRowSchema } from './usage-row-schema';

const ROW = {
	sid: 'SID-4711-HZN-01',
	description: 'Horizon Cloud',
	customerRef: 'Nordlicht Logistik AG',
	quantity: '-6',
	unitPrice: '11,20',
	total: '-67,20',
	currency: 'EUR',
	sku: 'OSP-APP-PUB-CCU',
	unit: '',
	period: '',
	contractId: ''
};

/** The cells the schema checks, in its order, from a row of named cells. */
function checked(row: Record<string, string>) {
	return CHECKED_FIELDS.map((field) => row[field] ?? '') as [
		string,
		string,
		string,
		string,
		string
	];
}

function codes(input: Record<string, string>) {
	const schema = createUsageRowSchema({ numberLocale: 'de' });
	const result = schema.safeParse(checked(input));
	return result.success
		? []
		: result.error.issues.map((issue) => [CHECKED_FIELDS[Number(issue.path[0])], issue.message]);
}

describe('createUsageRowSchema', () => {
	afterEach(() => {
		z.config({ jitless: false });
	});

	it('reads numbers to decimal strings, negative quantities included', () => {
		const result = createUsageRowSchema({ numberLocale: 'de' }).safeParse(checked(ROW));
		expect(result.success && result.data).toEqual([ROW.sid, '-6', '11.20', '-67.20', 'EUR']);
	});

	it('names the field and the problem code of every bad cell', () => {
		expect(
			codes({ ...ROW, sid: '', quantity: 'zwölf', unitPrice: '2.40', total: '', currency: 'Euro' })
		).toEqual([
			['sid', 'missing-value'],
			['quantity', 'not-a-number'],
			['unitPrice', 'number-format-mismatch'],
			['total', 'missing-value'],
			['currency', 'invalid-currency']
		]);
		expect(codes({ ...ROW, sid: 'SID 4711' })).toEqual([['sid', 'invalid-sid']]);
	});

	it('accepts a SID of any shape without spaces or control characters', () => {
		for (const sid of ['OSP-123456', 'HZN-DAAS-NU', 'sid-4711-hzn-01', 'sid.4711.hzn.01']) {
			expect(codes({ ...ROW, sid }), sid).toEqual([]);
		}
		expect(codes({ ...ROW, sid: 'SID\u00004711' })).toEqual([['sid', 'invalid-sid']]);
		expect(codes({ ...ROW, sid: 'SID\t4711' })).toEqual([['sid', 'invalid-sid']]);
	});

	it('gives the same result without zod JIT, as the page runs it', () => {
		z.config({ jitless: true });
		const schema = createUsageRowSchema({ numberLocale: 'de' });
		const result = schema.safeParse(checked(ROW));
		expect(result.success && result.data[3]).toBe('-67.20');
		const bad = schema.safeParse(checked({ ...ROW, quantity: 'zwölf' }));
		expect(bad.success ? [] : bad.error.issues.map((issue) => issue.path)).toEqual([[1]]);
	});
});

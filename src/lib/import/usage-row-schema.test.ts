import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createUsageRowSchema } from './usage-row-schema';

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

function codes(input: Record<string, string>, sidPattern?: RegExp) {
	const schema = createUsageRowSchema(
		sidPattern ? { numberLocale: 'de', sidPattern } : { numberLocale: 'de' }
	);
	const result = schema.safeParse(input);
	return result.success
		? []
		: result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
}

describe('createUsageRowSchema', () => {
	afterEach(() => {
		z.config({ jitless: false });
	});

	it('reads numbers to decimal strings, negative quantities included', () => {
		const result = createUsageRowSchema({ numberLocale: 'de' }).safeParse(ROW);
		expect(result.success && result.data).toEqual({
			sid: ROW.sid,
			quantity: '-6',
			unitPrice: '11.20',
			total: '-67.20',
			currency: 'EUR'
		});
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

	it('takes another SID pattern', () => {
		expect(codes({ ...ROW, sid: 'OSP-123456' })).toEqual([['sid', 'invalid-sid']]);
		expect(codes({ ...ROW, sid: 'OSP-123456' }, /^OSP-\d{6}$/)).toEqual([]);
	});

	it('gives the same result without zod JIT, as the page runs it', () => {
		z.config({ jitless: true });
		const schema = createUsageRowSchema({ numberLocale: 'de' });
		const result = schema.safeParse(ROW);
		expect(result.success && result.data.total).toBe('-67.20');
		const bad = schema.safeParse({ ...ROW, quantity: 'zwölf' });
		expect(bad.success ? [] : bad.error.issues.map((issue) => issue.path)).toEqual([['quantity']]);
	});
});

import { describe, expect, it } from 'vitest';
import { genesysRecordKinds } from './records-kinds';

const kind = genesysRecordKinds.compensation;
const sale = {
	saleDate: '2026-04-01',
	rep: 'Sam',
	listingId: 'APP-1',
	customer: 'Acme',
	saleAmount: '10000.00',
	currency: 'USD',
	basis: { kind: 'rate', percent: '5' },
	status: 'paid'
};
const codesOf = (value: unknown) => {
	const parsed = kind.schema.safeParse(value);
	if (!parsed.success) return parsed.error.issues.map((issue) => issue.path.join('.'));
	return (kind.check?.(parsed.data, []) ?? []).map((problem) => problem.code);
};

describe('rep compensation records', () => {
	it('asks a paid compensation for its payment day and an owed one for none', () => {
		expect(codesOf(sale)).toEqual(['paid-without-date']);
		expect(codesOf({ ...sale, paidOn: '2026-05-01' })).toEqual([]);
		expect(codesOf({ ...sale, status: 'owed', paidOn: '2026-05-01' })).toEqual([
			'owed-with-paid-date'
		]);
		expect(codesOf({ ...sale, status: 'owed' })).toEqual([]);
	});

	it('refuses a float amount and is identified by the sale', () => {
		expect(codesOf({ ...sale, saleAmount: 10000, paidOn: '2026-05-01' })).toEqual(['saleAmount']);
		const parsed = kind.schema.parse({ ...sale, paidOn: '2026-05-01', leadId: 'L-7' });
		expect(kind.idOf(parsed)).toBe('2026-04-01|Sam|APP-1|Acme|L-7');
	});
});

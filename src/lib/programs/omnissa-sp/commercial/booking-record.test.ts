import { describe, expect, it } from 'vitest';
import { toDecimal } from '../../../domain/money';
import type { Period } from '../../../domain/period';
import type { Transaction } from './booking-points';
import { bookingRecordSchema, candidatesWithDecisions, emptyBookingRecord } from './booking-record';

const october = '2026-10' as Period;
const transaction = (key: string, kind: Transaction['kind'], amount: string): Transaction => ({
	key,
	period: october,
	customer: key,
	sid: 'SID-1',
	sku: 'SKU-1',
	kind,
	quantityDelta: toDecimal('1'),
	amountMsrp: toDecimal(amount)
});

describe('candidatesWithDecisions', () => {
	it('lays the stored decisions, renewals and additions over the classified month', () => {
		const record = bookingRecordSchema.parse({
			...emptyBookingRecord(october),
			decisions: { a: 'confirmed', b: 'rejected' },
			renewals: ['c'],
			edits: { b: { amountMsrp: '15.00' } },
			added: [{ ...transaction('manual', 'new', '50.00'), contractId: 'SPC-1' }]
		});
		const candidates = candidatesWithDecisions(
			[
				transaction('a', 'new', '10.00'),
				transaction('b', 'expansion', '20.00'),
				transaction('c', 'new', '30.00')
			],
			record
		);
		expect(
			candidates.map((c) => [c.key, c.kind, c.decision, c.amountMsrp, c.addedByUser ?? false])
		).toEqual([
			['a', 'new', 'confirmed', '10', false],
			['b', 'expansion', 'rejected', '15.00', false],
			['c', 'renewal', 'open', '30', false],
			['manual', 'new', 'confirmed', '50', true]
		]);
		expect(candidatesWithDecisions([transaction('a', 'new', '10.00')], undefined)).toMatchObject([
			{ key: 'a', decision: 'open' }
		]);
	});

	it('refuses an added transaction that could never count (a reduction)', () => {
		const parsed = bookingRecordSchema.safeParse({
			...emptyBookingRecord(october),
			added: [transaction('x', 'reduction', '-5.00')]
		});
		expect(parsed.success).toBe(false);
	});
});

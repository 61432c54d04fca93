import { describe, expect, it } from 'vitest';
import { toDecimal } from '../../domain/money';
import { compensationByQuarter, compensationFor } from './compensation';
import type { RepCompensation } from './records';

function sale(
	saleDate: string,
	saleAmount: string,
	status: 'owed' | 'paid',
	basis: RepCompensation['basis'],
	currency = 'USD'
): RepCompensation {
	return {
		saleDate,
		rep: 'Dana Whitcombe',
		listingId: 'app-1',
		customer: 'Harrowgate',
		saleAmount: toDecimal(saleAmount),
		currency,
		basis,
		status
	};
}

describe('compensationFor', () => {
	it('takes a rate of the sale, half-even to cents', () => {
		// 10 % of 10,680.00 = 1,068.00; 2.5 % of 1,234.50 = 30.8625 → 30.86.
		expect(
			compensationFor({
				saleAmount: toDecimal('10680.00'),
				basis: { kind: 'rate', percent: toDecimal('10') }
			})
		).toBe('1068.00');
		expect(
			compensationFor({
				saleAmount: toDecimal('1234.50'),
				basis: { kind: 'rate', percent: toDecimal('2.5') }
			})
		).toBe('30.86');
	});

	it('or a fixed amount per deal', () => {
		expect(
			compensationFor({
				saleAmount: toDecimal('99999.00'),
				basis: { kind: 'amount', amount: toDecimal('500') }
			})
		).toBe('500.00');
	});
});

describe('compensationByQuarter', () => {
	it('totals owed and paid per quarter and currency', () => {
		// Q1: 1,068.00 paid (10 % of 10,680.00) + 500.00 owed = 1,568.00, 500.00 open.
		// Q2: 1,488.00 owed (10 % of 14,880.00). EUR kept apart: 200.00 paid.
		const rate = { kind: 'rate', percent: '10' } as RepCompensation['basis'];
		const fixed = { kind: 'amount', amount: '500.00' } as RepCompensation['basis'];
		const totals = compensationByQuarter({
			records: [
				sale('2026-01-28', '10680.00', 'paid', rate),
				sale('2026-03-31', '9600.00', 'owed', fixed),
				sale('2026-04-01', '14880.00', 'owed', rate),
				sale('2026-02-24', '2000.00', 'paid', rate, 'EUR')
			]
		});
		expect(totals).toEqual([
			{
				quarter: '2026-Q1',
				currency: 'EUR',
				total: '200.00',
				paid: '200.00',
				open: '0.00',
				deals: 1
			},
			{
				quarter: '2026-Q1',
				currency: 'USD',
				total: '1568.00',
				paid: '1068.00',
				open: '500.00',
				deals: 2
			},
			{
				quarter: '2026-Q2',
				currency: 'USD',
				total: '1488.00',
				paid: '0.00',
				open: '1488.00',
				deals: 1
			}
		]);
	});
});

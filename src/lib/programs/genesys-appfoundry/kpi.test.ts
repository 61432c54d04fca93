import { describe, expect, it } from 'vitest';
import { recurringKpi } from './kpi';
import { listings, NOT_ISV, revenue } from './test-packs';

const kpiOf = (
	records: ReturnType<typeof revenue>[],
	onDate: string,
	rates?: Record<string, string>
) =>
	recurringKpi({
		records,
		listings,
		year: Number(onDate.slice(0, 4)),
		onDate,
		kpiCurrency: 'USD',
		rates
	});

describe('recurringKpi', () => {
	it('leaves one-time revenue out', () => {
		// 1,000.00 recurring + 250.00 one-time set-up fee: the KPI is 1,000.00.
		const setup = revenue('2026-03-01', '250.00', { recurring: false });
		const kpi = kpiOf([revenue('2026-03-01', '1000.00'), setup], '2026-06-30');
		expect(kpi.kpi).toBe('1000.00');
		expect(kpi.excluded).toEqual([{ record: setup, reason: 'one-time' }]);
	});

	it('counts 31 December in its own year and 1 January in the next', () => {
		// 500.00 on 2025-12-31 and 200.00 on 2026-01-01: KPI 2025 on 31 Dec = 500.00,
		// KPI 2026 on 1 Jan = 200.00; each leaves the other out as another year's.
		const records = [revenue('2025-12-31', '500.00'), revenue('2026-01-01', '200.00')];
		const y2025 = kpiOf(records, '2025-12-31');
		const y2026 = kpiOf(records, '2026-01-01');
		expect([y2025.kpi, y2026.kpi]).toEqual(['500.00', '200.00']);
		expect(y2025.excluded.map((row) => row.reason)).toEqual(['other-year']);
		expect(y2026.excluded.map((row) => row.reason)).toEqual(['other-year']);
	});

	it('leaves out revenue dated after the date', () => {
		// On 2026-05-31, the record of 2026-06-01 has not happened yet: KPI 100.00.
		const kpi = kpiOf(
			[revenue('2026-05-31', '100.00'), revenue('2026-06-01', '40.00')],
			'2026-05-31'
		);
		expect(kpi.kpi).toBe('100.00');
		expect(kpi.excluded.map((row) => row.reason)).toEqual(['after-date']);
	});

	it('sums both billing sources', () => {
		// Genesys billing 1,000.10 + partner billing 2,000.20 = 3,000.30.
		const kpi = kpiOf(
			[
				revenue('2026-02-28', '1000.10'),
				revenue('2026-02-01', '2000.20', { source: 'partner-billing' })
			],
			'2026-12-31'
		);
		expect(kpi.kpi).toBe('3000.30');
		expect(kpi.bySource).toEqual({ 'genesys-billing': '1000.10', 'partner-billing': '2000.20' });
	});

	it('converts a second currency exactly and rounds once, at the end', () => {
		// 100.00 USD + 2 × 33.33 EUR at 1 EUR = 1.0835 USD: 33.33 × 1.0835 = 36.113055 each,
		// 100 + 72.22611 = 172.22611 → 172.23. Rounding each record first would give
		// 36.11 + 36.11 + 100 = 172.22. The GBP record has no rate: left out, named.
		const gbp = revenue('2026-04-01', '10.00', { currency: 'GBP' });
		const kpi = kpiOf(
			[
				revenue('2026-04-01', '100.00'),
				revenue('2026-04-01', '33.33', { currency: 'EUR', source: 'partner-billing' }),
				revenue('2026-05-01', '33.33', { currency: 'EUR', source: 'partner-billing' }),
				gbp
			],
			'2026-12-31',
			{ EUR: '1.0835' }
		);
		expect(kpi.kpi).toBe('172.23');
		expect(kpi.exact).toBe('172.22611');
		expect(kpi.bySource).toEqual({ 'genesys-billing': '100.00', 'partner-billing': '72.23' });
		expect(kpi.ratesUsed).toEqual({ EUR: '1.0835' });
		expect(kpi.counted[1].kpiAmount).toBe('36.113055');
		expect(kpi.excluded).toEqual([{ record: gbp, reason: 'currency-without-rate' }]);
	});

	it('rounds half-even: 0.015 → 0.02, 0.025 → 0.02', () => {
		// 0.03 EUR × 0.5 = 0.015 → 0.02 (half to the even 2); 0.05 EUR × 0.5 = 0.025 → 0.02.
		const one = kpiOf([revenue('2026-01-02', '0.03', { currency: 'EUR' })], '2026-12-31', {
			EUR: '0.5'
		});
		const two = kpiOf([revenue('2026-01-02', '0.05', { currency: 'EUR' })], '2026-12-31', {
			EUR: '0.5'
		});
		expect([one.kpi, two.kpi]).toEqual(['0.02', '0.02']);
	});

	it('does not count a listing that is not an ISV app, nor an unknown one', () => {
		const draft = revenue('2026-03-01', '700.00', { listingId: NOT_ISV });
		const unknown = revenue('2026-03-01', '300.00', { listingId: 'gone' });
		const kpi = kpiOf([revenue('2026-03-01', '50.00'), draft, unknown], '2026-12-31');
		expect(kpi.kpi).toBe('50.00');
		expect(kpi.excluded.map((row) => row.reason)).toEqual([
			'listing-not-isv-app',
			'unknown-listing'
		]);
	});
});

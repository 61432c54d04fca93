import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toDecimal } from '../../../domain/money';
import type { Period } from '../../../domain/period';
import { overlapProblems, parseContract, type Contract } from './contract';
import { evaluateContract, netPrice } from './evaluate-contract';

const FIXTURES = fileURLToPath(new URL('../../../../../tests/fixtures/', import.meta.url));
const fixtureJson = JSON.parse(readFileSync(FIXTURES + 'omnissa/commit-contract.json', 'utf8'));
const expected = JSON.parse(readFileSync(FIXTURES + 'expected.json', 'utf8')).omnissa[
	'commit-contract.json'
];

const parsed = parseContract(fixtureJson);
if (!parsed.ok) throw new Error('fixture contract must parse');
const fixture = parsed.contract;

const d = toDecimal;
const p = (s: string) => s as Period;

/** A small 12-month contract, 120,000.00 committed, bands at 50k (5 %) and 120k (10 %). */
const small: Contract = {
	id: 'C-1',
	aggregator: { id: 'AGG', name: 'Agg' },
	startDate: '2026-01-01',
	termMonths: 12,
	currency: 'EUR',
	committedAmountMsrp: d('120000.00'),
	discountBands: {
		confirmed: false,
		bands: [
			{ id: 'b1', minAmountMsrp: d('50000.00'), discountPercent: d('5') },
			{ id: 'b2', minAmountMsrp: d('120000.00'), discountPercent: d('10') }
		]
	}
};

describe('evaluateContract on the fixture contract', () => {
	it('reports only (Sep, Oct): the figures of expected.json', () => {
		// consumed 75,138.10 + 77,220.34 = 152,358.44; run rate /2 = 76,179.22;
		// forecast 152,358.44 + 5 x 76,179.22 = 533,254.54; shortfall 900,000 - 533,254.54 = 366,745.46
		const e = evaluateContract({
			contract: fixture,
			reports: [
				{ period: p('2026-09'), state: 'delivered', totalMsrp: d('75138.10') },
				{ period: p('2026-10'), state: 'delivered', totalMsrp: d('77220.34') }
			]
		});
		const x = expected.afterOctoberReport_fixtureReportsOnly;
		expect(e.monthsReported).toBe(x.monthsReported);
		expect(e.monthsRemaining).toBe(x.monthsLeftInTerm);
		expect(e.consumedToDate).toBe(x.consumedToDate);
		expect(e.remainingCommit).toBe(x.remainingCommit);
		expect(e.consumedPercent).toBe(x.consumedPercent);
		expect(e.runRate).toBe(x.runRate);
		expect(e.forecastAtTermEnd).toBe(x.forecastAtTermEnd);
		expect(e.projectedShortfall).toBe(x.projectedShortfall);
		expect(e.projectedOverage).toBe('0.00');
		expect(e.bandByConsumption.band).toBe('band-1');
		expect(e.bandByConsumption.nextBand).toBe('band-2');
		expect(e.bandByConsumption.distanceToNext).toBe(x.distanceToNextBandByConsumed);
		expect(e.bandByCommit).toEqual({
			band: 'band-3',
			discountPercent: '10',
			nextBand: 'band-4',
			distanceToNext: '100000.00'
		});
	});

	it('with consumption before tracking: forecast from the unrounded run rate (873,737.07, not .06)', () => {
		// consumed 357,321.52 + 152,358.44 = 509,679.96 over 7 months; run rate 72,811.4228571...;
		// forecast = 509,679.96 x 12/7 = 873,737.0742... -> 873,737.07 (5 x 72,811.42 would give .06)
		const e = evaluateContract({
			contract: fixture,
			extraMonths: fixtureJson.consumptionBeforeTracking.months,
			reports: [
				{ period: p('2026-09'), state: 'delivered', totalMsrp: d('75138.10') },
				{ period: p('2026-10'), state: 'delivered', totalMsrp: d('77220.34') }
			]
		});
		const x = expected.afterOctoberReport_withConsumptionBeforeTracking;
		expect([e.consumedToDate, e.runRate, e.forecastAtTermEnd, e.projectedShortfall]).toEqual([
			x.consumedToDate,
			x.runRate,
			x.forecastAtTermEnd,
			x.projectedShortfall
		]);
		expect(e.consumedPercent).toBe('56.63');
		expect(e.bandByConsumption.band).toBe('band-3');
		expect(e.bandByConsumption.distanceToNext).toBe('490320.04');
	});
});

describe('evaluateContract, hand-computed', () => {
	it('a report before the term does not count; a ready report is pending, shown apart', () => {
		// 2025-12 is before the term (Jan..Dec 2026): ignored. Jan delivered 10,000.00, Feb ready 9,000.00.
		// consumed 10,000.00, 1 month reported, 11 remaining; run rate 10,000.00;
		// forecast 10,000 + 11 x 10,000 = 120,000.00 = commit: no shortfall, no overage.
		const e = evaluateContract({
			contract: small,
			reports: [
				{ period: p('2025-12'), state: 'delivered', totalMsrp: d('50000.00') },
				{ period: p('2026-01'), state: 'delivered', totalMsrp: d('10000.00') },
				{ period: p('2026-02'), state: 'ready', totalMsrp: d('9000.00') }
			]
		});
		expect(e.consumedToDate).toBe('10000.00');
		expect(e.pendingTotal).toBe('9000.00');
		expect(e.pendingPeriods).toEqual(['2026-02']);
		expect(e.monthsReported).toBe(1);
		expect(e.monthsRemaining).toBe(11);
		expect(e.forecastAtTermEnd).toBe('120000.00');
		expect(e.projectedShortfall).toBe('0.00');
		expect(e.projectedOverage).toBe('0.00');
		expect(e.burnDown[1]).toEqual({
			period: '2026-02',
			committed: '120000.00',
			consumed: undefined,
			forecast: '20000.00',
			pending: true
		});
	});

	it('shortfall: 3 months of 8,000.00', () => {
		// consumed 24,000.00; run rate 8,000.00; forecast 24,000 + 9 x 8,000 = 96,000.00;
		// shortfall 120,000 - 96,000 = 24,000.00; consumed % = 24,000/120,000 = 20.00
		const e = evaluateContract({
			contract: small,
			reports: ['01', '02', '03'].map((m) => ({
				period: p(`2026-${m}`),
				state: 'delivered' as const,
				totalMsrp: d('8000.00')
			}))
		});
		expect([
			e.forecastAtTermEnd,
			e.projectedShortfall,
			e.projectedOverage,
			e.consumedPercent
		]).toEqual(['96000.00', '24000.00', '0.00', '20.00']);
	});

	it('overage: 2 months of 12,500.00', () => {
		// consumed 25,000.00; forecast 25,000 + 10 x 12,500 = 150,000.00; overage 30,000.00
		const e = evaluateContract({
			contract: small,
			reports: ['01', '02'].map((m) => ({
				period: p(`2026-${m}`),
				state: 'delivered' as const,
				totalMsrp: d('12500.00')
			}))
		});
		expect([e.forecastAtTermEnd, e.projectedShortfall, e.projectedOverage]).toEqual([
			'150000.00',
			'0.00',
			'30000.00'
		]);
	});

	it('a band boundary hit exactly', () => {
		// consumed exactly 50,000.00 = b1's threshold: band b1 (5 %), next b2 70,000.00 away.
		// commit 120,000.00 = b2's threshold exactly: band b2, no next band.
		const e = evaluateContract({
			contract: small,
			reports: [{ period: p('2026-01'), state: 'delivered', totalMsrp: d('50000.00') }]
		});
		expect(e.bandByConsumption).toEqual({
			band: 'b1',
			discountPercent: '5',
			nextBand: 'b2',
			distanceToNext: '70000.00'
		});
		expect(e.bandByCommit).toEqual({
			band: 'b2',
			discountPercent: '10',
			nextBand: undefined,
			distanceToNext: undefined
		});
	});

	it('net price rounds half-even to cents once, at the end', () => {
		// 0.05 x 90 % = 0.045 -> 0.04 (4 is even); 0.15 x 90 % = 0.135 -> 0.14 (4 is even)
		// 14,824.00 x 90 % = 13,341.60 exactly (the invoice fixture's expected net)
		expect(netPrice(d('0.05'), d('10'))).toBe('0.04');
		expect(netPrice(d('0.15'), d('10'))).toBe('0.14');
		expect(netPrice(d('14824.00'), d('10'))).toBe('13341.60');
	});
});

describe('contracts', () => {
	it('a renewal follows the old one; an overlapping term is refused with a code', () => {
		// old: 2026-01..2026-12; renewal from 2027-01: fine. A third from 2026-12 overlaps the old one.
		const renewal: Contract = { ...small, id: 'C-2', startDate: '2027-01-01' };
		expect(overlapProblems([small, renewal])).toEqual([]);
		const overlap: Contract = {
			...small,
			id: 'C-3',
			startDate: '2026-12-01',
			termMonths: undefined,
			endDate: '2027-11-30'
		};
		const problems = overlapProblems([small, renewal, overlap]);
		expect(problems.map((x) => x.code)).toEqual(['contract-term-overlap', 'contract-term-overlap']);
		expect(problems[0].message).toContain('C-3');
	});

	it('import problems name the field', () => {
		const bad = { ...fixtureJson, committedAmountMsrp: '900.000,00' };
		const result = parseContract(bad);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems.map((x) => x.field)).toEqual(['committedAmountMsrp']);
	});
});

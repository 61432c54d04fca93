import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toDecimal } from '../../../domain/money';
import { isPeriod, type Period } from '../../../domain/period';

/** A month of the tests, checked. */
function toPeriod(text: string): Period {
	if (!isPeriod(text)) throw new TypeError(text);
	return text;
}
import {
	contractFindings,
	customerFindings,
	invoiceFindings,
	outsideTermFindings
} from './commercial-findings';
import { contractSchema } from './contract';
import { customerSchema } from './customer';
import { evaluateContract } from './evaluate-contract';
import type { ReconciledLine } from './reconcile-invoice';

const fixture = contractSchema.parse(
	JSON.parse(
		readFileSync(
			new URL('../../../../../tests/fixtures/omnissa/commit-contract.json', import.meta.url),
			'utf8'
		)
	)
);
const delivered = (period: string, amount: string) => ({
	period: toPeriod(period),
	state: 'delivered' as const,
	totalMsrp: toDecimal(amount)
});

describe('contractFindings', () => {
	it('names the projected shortfall of the fixture contract, in both languages', () => {
		// Fixture reports only: 152,358.44 in 2 months, run rate 76,179.22, 5 months left:
		// forecast 533,254.54, shortfall 900,000 − 533,254.54 = 366,745.46.
		const evaluation = evaluateContract({
			contract: fixture,
			reports: [delivered('2026-09', '75138.10'), delivered('2026-10', '77220.34')]
		});
		const [shortfall, ...rest] = contractFindings({
			contract: fixture,
			evaluation,
			today: '2026-11-12'
		});
		expect(rest).toEqual([]);
		expect(shortfall).toMatchObject({
			ruleId: 'contract-shortfall-projected',
			severity: 'warning',
			subject: { kind: 'contract', id: 'SPC-4711-2026-01' },
			numbers: { shortfall: '366745.46', forecast: '533254.54', committed: '900000.00' },
			message: {
				en: 'Contract SPC-4711-2026-01: at the current run rate the term ends at €533,254.54, €366,745.46 short of the €900,000.00 committed.',
				de: 'Vertrag SPC-4711-2026-01: beim bisherigen Verbrauch endet die Laufzeit bei 533.254,54 €, 366.745,46 € unter der Zusage von 900.000,00 €.'
			}
		});
	});

	it('names the next band when the forecast misses it by at most a tenth of the commitment', () => {
		// Two months, one delivered with 460,000: forecast 920,000; committed 950,000 (band-3;
		// next band-4 from 1,000,000): 80,000 missing ≤ 95,000 (10 % of 950,000).
		const contract = { ...fixture, committedAmountMsrp: toDecimal('950000.00'), termMonths: 2 };
		delete contract.endDate;
		const evaluation = evaluateContract({
			contract,
			reports: [delivered('2026-04', '460000.00')]
		});
		expect(evaluation.forecastAtTermEnd).toBe('920000.00');
		const found = contractFindings({ contract, evaluation, today: '2026-01-01' });
		expect(found.map((f) => [f.ruleId, f.numbers.missing ?? f.numbers.shortfall])).toEqual([
			['contract-shortfall-projected', '30000.00'],
			['contract-next-band-within-reach', '80000.00']
		]);
		// With 9 % as the reach (85,500), 80,000 is still within; with 8 % (76,000) it is not.
		const at = (percent: string) =>
			contractFindings({
				contract,
				evaluation,
				today: '2026-01-01',
				parameters: { termEndingDays: 60, withinReachPercent: toDecimal(percent) }
			}).map((f) => f.ruleId);
		expect(at('9')).toContain('contract-next-band-within-reach');
		expect(at('8')).not.toContain('contract-next-band-within-reach');
	});

	it('names a term ending within 60 days, counted to its last day', () => {
		// The fixture term ends on 31 March 2027: 58 days after 1 February, 60 after 30 January.
		const evaluation = evaluateContract({ contract: fixture, reports: [] });
		const ending = (today: string) =>
			contractFindings({ contract: fixture, evaluation, today }).filter(
				(f) => f.ruleId === 'contract-term-ending'
			);
		expect(ending('2027-02-01')[0]).toMatchObject({
			numbers: { endDate: '2027-03-31', days: '58' },
			message: { en: 'Contract SPC-4711-2026-01 ends on 31 March 2027, in 58 days.' }
		});
		expect(ending('2027-01-30')[0]?.numbers.days).toBe('60');
		expect(ending('2027-01-29')).toEqual([]);
		expect(ending('2027-04-01')).toEqual([]);
	});
});

describe('invoiceFindings', () => {
	it('counts the differences not yet explained', () => {
		const line = (state: ReconciledLine['state'], explanation?: string) =>
			({ key: state, state, netDifference: toDecimal('1'), explanation }) as ReconciledLine;
		const lines = [line('matched'), line('quantity-differs'), line('price-differs', 'credit note')];
		expect(
			invoiceFindings({ invoiceId: 'EXD-1', period: toPeriod('2026-09'), lines })
		).toMatchObject([
			{
				ruleId: 'invoice-differences-open',
				numbers: { count: '1' },
				message: { en: 'Invoice EXD-1 for September 2026: 1 difference is not explained.' }
			}
		]);
		expect(
			invoiceFindings({ invoiceId: 'EXD-1', period: toPeriod('2026-09'), lines: [line('matched')] })
		).toEqual([]);
	});
});

describe('customerFindings', () => {
	const customer = (id: string, contract?: { start: string; end?: string }) =>
		customerSchema.parse({
			id,
			name: id,
			contract: contract && { reference: `C-${id}`, ...contract }
		});
	const customers = [
		customer('Ended', { start: '2025-01-01', end: '2026-08-31' }),
		customer('Later', { start: '2026-10-01' }),
		customer('Covered', { start: '2026-09-30', end: '2026-09-30' }),
		customer('NoContract')
	];

	it('names customers of a month without a contract covering it, and why', () => {
		const found = customerFindings({
			period: toPeriod('2026-09'),
			customerRefs: ['Ended', 'Later', 'Covered', 'NoContract', 'Unknown', '', 'Unknown'],
			customers
		});
		expect(found.map((f) => [f.subject.id, f.message.en])).toEqual([
			['Ended', 'Customer Ended: your contract ended on 31 August 2026, before September 2026.'],
			['Later', 'Customer Later: your contract starts on 1 October 2026, after September 2026.'],
			['NoContract', 'Customer NoContract has no contract with you covering September 2026.'],
			['Unknown', 'Customer Unknown in the September 2026 report is not in your customer register.']
		]);
	});
});

describe('outsideTermFindings', () => {
	it('names delivered months outside every term, once the partner keeps contracts', () => {
		// The fixture term runs April 2026 to March 2027.
		const found = outsideTermFindings({
			deliveredPeriods: ['2026-09', '2026-03', '2027-04', '2026-03'].map(toPeriod),
			contracts: [fixture]
		});
		expect(found.map((f) => f.subject.id)).toEqual(['2026-03', '2027-04']);
		expect(found[0].message.de).toBe(
			'Der zugestellte Bericht für März 2026 liegt außerhalb jeder Vertragslaufzeit.'
		);
		expect(outsideTermFindings({ deliveredPeriods: [toPeriod('2026-03')], contracts: [] })).toEqual(
			[]
		);
	});
});

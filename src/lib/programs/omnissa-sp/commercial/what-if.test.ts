import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toDecimal } from '../../../domain/money';
import type { Period } from '../../../domain/period';
import { parseContract } from './contract';
import { deskSummary } from './desk-summary';
import { evaluateContract } from './evaluate-contract';
import { whatIf } from './what-if';

const FIXTURES = fileURLToPath(new URL('../../../../../tests/fixtures/omnissa/', import.meta.url));
const json = JSON.parse(readFileSync(FIXTURES + 'commit-contract.json', 'utf8'));
const parsed = parseContract(json);
if (!parsed.ok) throw new Error('fixture');
const contract = parsed.contract;
const evaluation = evaluateContract({
	contract,
	extraMonths: json.consumptionBeforeTracking.months,
	reports: [
		{ period: '2026-09' as Period, state: 'delivered', totalMsrp: toDecimal('75138.10') },
		{ period: '2026-10' as Period, state: 'delivered', totalMsrp: toDecimal('77220.34') }
	]
});

describe('what-if on the fixture (with history, after October)', () => {
	it('+20 % for Klinikverbund Oberau closes the 26,262.93 shortfall', () => {
		// 20 % of 36,628.40 = 7,325.68 per month x 5 = 36,628.40 more;
		// 873,737.07 + 36,628.40 = 910,365.47 (exactly: 509,679.96 x 12/7 + 36,628.40 = 910,365.4742...)
		// overage 10,365.47; band by forecast band-3, next band-4 89,634.53 away
		const r = whatIf({
			contract,
			evaluation,
			change: { percent: toDecimal('20') },
			customerMonthlyMsrp: toDecimal('36628.40')
		});
		expect(r).toEqual({
			forecastAtTermEnd: '910365.47',
			projectedShortfall: '0.00',
			projectedOverage: '10365.47',
			bandByForecast: {
				band: 'band-3',
				discountPercent: '10',
				nextBand: 'band-4',
				distanceToNext: '89634.53'
			}
		});
	});

	it('overall -1,000.00 a month: shortfall grows by 5,000.00 to 31,262.93', () => {
		const r = whatIf({ contract, evaluation, change: { amount: toDecimal('-1000') } });
		expect(r.projectedShortfall).toBe('31262.93');
	});
});

describe('desk summary', () => {
	it('shortfall, next invoice, term ending within 60 days', () => {
		// term ends 2027-03-31 (exclusive end 2027-04-01); on 2027-02-15: 45 days left <= 60
		const s = deskSummary({
			contract,
			evaluation,
			unreconciledInvoicePeriods: ['2026-10' as Period, '2026-09' as Period],
			asOf: new Date('2027-02-15T00:00:00Z')
		});
		expect(s).toEqual({
			contractId: 'SPC-4711-2026-01',
			remainingCommit: '390320.04',
			forecastStatus: 'shortfall',
			nextInvoiceToReconcile: '2026-09',
			termEndsWithinDays: 45
		});
		expect(
			deskSummary({
				contract,
				evaluation,
				unreconciledInvoicePeriods: [],
				asOf: new Date('2026-12-01T00:00:00Z')
			}).termEndsWithinDays
		).toBeUndefined();
	});
});

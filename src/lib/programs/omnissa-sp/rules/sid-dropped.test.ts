import { describe, expect, it } from 'vitest';
import { toPeriod } from '$lib/domain/period';
import { findingsOf, reportFacts, shape, usageLine } from '../../../../../tests/helpers/rules';

const september = toPeriod(2026, 9);

describe('sid-dropped', () => {
	it('warns when a customer billed on a SID last month is missing on it now', () => {
		const previous = [
			usageLine({ line: 2 }),
			usageLine({
				line: 3,
				customerRef: 'Bäckerei Hüttner KG',
				sku: 'OSP-APP-PUB-CCU',
				quantity: '18',
				unitPrice: '11.20',
				total: '201.60'
			}),
			usageLine({ line: 4, sid: 'SID-4711-UEM-02', customerRef: undefined })
		];
		const facts = reportFacts({ previous: { period: september, lines: previous } });
		const findings = findingsOf(['sid-dropped'], facts);
		expect(findings.map(shape)).toEqual([
			{
				ruleId: 'sid-dropped',
				severity: 'warning',
				subject: { kind: 'sid', sid: 'SID-4711-HZN-01', customerRef: 'Bäckerei Hüttner KG' },
				numbers: { previousLines: '1', previousTotal: '201.60', currency: 'EUR' }
			},
			{
				ruleId: 'sid-dropped',
				severity: 'warning',
				subject: { kind: 'sid', sid: 'SID-4711-UEM-02' },
				numbers: { previousLines: '1', previousTotal: '3486.00', currency: 'EUR' }
			}
		]);
		expect(findings[0].message).toEqual({
			de: 'Bäckerei Hüttner KG auf SID-4711-HZN-01: im Vormonat abgerechnet (1 Zeile, 201,60 €), jetzt nicht mehr enthalten.',
			en: 'Bäckerei Hüttner KG on SID-4711-HZN-01: billed last month (1 line, €201.60), missing now.'
		});
	});

	it('says nothing when every pair is still billed, or without a previous report', () => {
		const facts = reportFacts({ previous: { period: september, lines: [usageLine()] } });
		expect(findingsOf(['sid-dropped'], facts)).toEqual([]);
		expect(findingsOf(['sid-dropped'], reportFacts())).toEqual([]);
	});
});

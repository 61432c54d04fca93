import { describe, expect, it } from 'vitest';
import { findingsOf, reportFacts, shape, usageLine } from '../../../../../tests/helpers/rules';

describe('currency-mismatch', () => {
	it('blocks a line in another currency than the report', () => {
		const lines = [usageLine({ line: 2, currency: 'USD' })];
		const findings = findingsOf(['currency-mismatch'], reportFacts({ lines }));
		expect(findings.map(shape)).toEqual([
			{
				ruleId: 'currency-mismatch',
				severity: 'blocking',
				subject: {
					kind: 'line',
					line: 2,
					sid: 'SID-4711-HZN-01',
					customerRef: 'TechnoForm Kunststoffe GmbH & Co. KG'
				},
				numbers: { lineCurrency: 'USD', reportCurrency: 'EUR' }
			}
		]);
		expect(findings[0].message.en).toBe(
			'Line 2: the currency USD differs from the report currency EUR.'
		);
	});

	it('takes a missing currency as the report currency and ignores case and spaces', () => {
		const lines = [
			usageLine({ line: 2, currency: undefined }),
			usageLine({ line: 3, currency: '' }),
			usageLine({ line: 4, currency: 'eur ' })
		];
		expect(findingsOf(['currency-mismatch'], reportFacts({ lines }))).toEqual([]);
	});
});

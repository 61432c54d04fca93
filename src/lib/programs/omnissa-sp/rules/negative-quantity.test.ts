import { describe, expect, it } from 'vitest';
import { findingsOf, reportFacts, shape, usageLine } from '../../../../../tests/helpers/rules';

const rule = 'negative-quantity-without-credit-reason' as const;

describe('negative-quantity-without-credit-reason', () => {
	const credit = usageLine({ line: 7, quantity: '-6', unitPrice: '11.20', total: '-67.20' });

	it('blocks a credit line without a reason', () => {
		const findings = findingsOf([rule], reportFacts({ lines: [credit] }));
		expect(findings.map(shape)).toEqual([
			{
				ruleId: rule,
				severity: 'blocking',
				subject: {
					kind: 'line',
					line: 7,
					sid: 'SID-4711-HZN-01',
					customerRef: 'TechnoForm Kunststoffe GmbH & Co. KG'
				},
				numbers: { quantity: '-6' }
			}
		]);
		expect(findings[0].message.de).toBe(
			'Zeile 7: Die Menge -6 ist negativ (eine Gutschrift) und hat keinen Gutschriftsgrund.'
		);
	});

	it('accepts it once a reason is entered for that line, and only that line', () => {
		const other = { ...credit, line: 8 };
		const reasons = { 7: 'Six users cancelled on 3 October' };
		const findings = findingsOf(
			[rule],
			reportFacts({ lines: [credit, other], creditReasons: reasons })
		);
		expect(findings.map((finding) => finding.subject.line)).toEqual([8]);
		const blank = findingsOf([rule], reportFacts({ lines: [credit], creditReasons: { 7: '  ' } }));
		expect(blank).toHaveLength(1);
	});

	it('ignores zero and positive quantities', () => {
		const lines = [usageLine({ line: 2, quantity: '0', total: '0.00' }), usageLine({ line: 3 })];
		expect(findingsOf([rule], reportFacts({ lines }))).toEqual([]);
	});
});

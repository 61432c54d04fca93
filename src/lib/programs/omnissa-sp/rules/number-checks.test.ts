import { describe, expect, it } from 'vitest';
import { findingsOf, reportFacts, shape, usageLine } from '../../../../../tests/helpers/rules';

describe('quantity-not-number, unit-price-not-number, total-not-number', () => {
	it('blocks each cell that is not a plain decimal, with the value as typed', () => {
		const lines = [
			usageLine({ line: 2, quantity: '1.480,5' }),
			usageLine({ line: 3, unitPrice: '' }),
			usageLine({ line: 4, total: '3486,00 €' }),
			usageLine({ line: 5 })
		];
		const findings = findingsOf(
			['quantity-not-number', 'unit-price-not-number', 'total-not-number'],
			reportFacts({ lines })
		);
		const subject = (line: number) => ({
			kind: 'line',
			line,
			sid: 'SID-4711-HZN-01',
			customerRef: 'TechnoForm Kunststoffe GmbH & Co. KG'
		});
		expect(findings.map(shape)).toEqual([
			{
				ruleId: 'quantity-not-number',
				severity: 'blocking',
				subject: subject(2),
				numbers: { value: '1.480,5' }
			},
			{
				ruleId: 'unit-price-not-number',
				severity: 'blocking',
				subject: subject(3),
				numbers: { value: '' }
			},
			{
				ruleId: 'total-not-number',
				severity: 'blocking',
				subject: subject(4),
				numbers: { value: '3486,00 €' }
			}
		]);
		expect(findings[0].message).toEqual({
			de: 'Zeile 2: Die Menge „1.480,5“ ist keine Zahl.',
			en: 'Line 2: the quantity "1.480,5" is not a number.'
		});
		expect(findings[1].fixHint.de).toBe(
			'Geben Sie den Einzelpreis als einfache Zahl ein, etwa 140 oder 12,50.'
		);
	});
});

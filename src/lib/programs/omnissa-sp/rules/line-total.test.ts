import { describe, expect, it } from 'vitest';
import {
	findingsOf,
	PACK_REF,
	reportFacts,
	shape,
	usageLine
} from '../../../../../tests/helpers/rules';

const rule = 'line-total-mismatch' as const;

describe('line-total-mismatch', () => {
	it('finds a total that is not quantity × unit price, with both messages', () => {
		const line = usageLine({ line: 9, quantity: '140', unitPrice: '11.20', total: '1568.01' });
		const findings = findingsOf([rule], reportFacts({ lines: [line] }));
		expect(findings).toEqual([
			{
				ruleId: rule,
				severity: 'blocking',
				subject: {
					kind: 'line',
					line: 9,
					sid: 'SID-4711-HZN-01',
					customerRef: 'TechnoForm Kunststoffe GmbH & Co. KG'
				},
				numbers: {
					quantity: '140',
					unitPrice: '11.20',
					expected: '1568.00',
					actual: '1568.01',
					currency: 'EUR'
				},
				message: {
					de: 'Zeile 9: Der Gesamtbetrag 1.568,01 € ist nicht Menge × Einzelpreis: 140 × 11,20 € = 1.568,00 €.',
					en: 'Line 9: the total €1,568.01 is not quantity × unit price: 140 × €11.20 = €1,568.00.'
				},
				fixHint: {
					de: 'Korrigieren Sie Gesamtbetrag, Menge oder Einzelpreis: Der Gesamtbetrag ist Menge × Einzelpreis, auf 2 Nachkommastellen gerundet.',
					en: 'Correct the total, the quantity or the unit price: the total is quantity × unit price, rounded to 2 decimals.'
				},
				pack: PACK_REF
			}
		]);
	});

	it('accepts equal values written with other trailing zeros, and credits', () => {
		const lines = [
			usageLine({ line: 2, quantity: '18', unitPrice: '11.2', total: '201.6' }),
			usageLine({ line: 3, quantity: '-6', unitPrice: '11.20', total: '-67.20' }),
			usageLine({ line: 4, quantity: '1480', unitPrice: '3.12', total: '4617.60' })
		];
		expect(findingsOf([rule], reportFacts({ lines }))).toEqual([]);
	});

	it('rounds half-even to cents: a price with more places may round, an unrounded total may not', () => {
		// 3 × 0.125 = 0.375, half-even to 0.38; 5 × 0.125 = 0.625, half-even to 0.62.
		const lines = [
			usageLine({ line: 2, quantity: '3', unitPrice: '0.125', total: '0.38' }),
			usageLine({ line: 3, quantity: '5', unitPrice: '0.125', total: '0.62' }),
			usageLine({ line: 4, quantity: '5', unitPrice: '0.125', total: '0.625' }),
			usageLine({ line: 5, quantity: '5', unitPrice: '0.125', total: '0.63' })
		];
		expect(findingsOf([rule, 'line-total-rounding'], reportFacts({ lines })).map(shape)).toEqual([
			{
				ruleId: rule,
				severity: 'blocking',
				subject: expect.objectContaining({ line: 4 }),
				numbers: {
					quantity: '5',
					unitPrice: '0.125',
					expected: '0.62',
					actual: '0.625',
					currency: 'EUR'
				}
			},
			{
				ruleId: 'line-total-rounding',
				severity: 'warning',
				subject: expect.objectContaining({ line: 5 }),
				numbers: {
					quantity: '5',
					unitPrice: '0.125',
					expected: '0.62',
					actual: '0.63',
					currency: 'EUR',
					product: '0.625'
				}
			}
		]);
	});

	it('accepts 1301 × 0.125 = 162.62, and warns for 162.63, the exact half rounded up', () => {
		const lines = [
			usageLine({ line: 2, quantity: '1301', unitPrice: '0.125', total: '162.62' }),
			usageLine({ line: 3, quantity: '1301', unitPrice: '0.125', total: '162.63' })
		];
		const findings = findingsOf([rule, 'line-total-rounding'], reportFacts({ lines }));
		expect(findings.map((finding) => [finding.ruleId, finding.subject.line])).toEqual([
			['line-total-rounding', 3]
		]);
		expect(findings[0].message).toEqual({
			de: 'Zeile 3: Der Gesamtbetrag 162,63 rundet 1.301 × 0,125 = 162,625 in die andere Richtung; auf 2 Nachkommastellen zur geraden Ziffer gerundet ergibt sich 162,62.',
			en: 'Line 3: the total 162.63 rounds 1,301 × 0.125 = 162.625 the other way; half-even to 2 decimals gives 162.62.'
		});
	});

	it('stays quiet when a number cannot be read (that has its own finding)', () => {
		const line = usageLine({ quantity: 'n/a', total: '1.00' });
		expect(findingsOf([rule], reportFacts({ lines: [line] }))).toEqual([]);
	});
});

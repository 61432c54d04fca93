import { describe, expect, it } from 'vitest';
import {
	findingsOf,
	reportFacts,
	shape,
	testPack,
	usageLine
} from '../../../../../tests/helpers/rules';

const rule = 'counted-quantity-fraction' as const;

describe('counted-quantity-fraction', () => {
	it('blocks a fraction of a counted unit, naming quantity and unit in both languages', () => {
		const line = usageLine({
			line: 7,
			unit: 'Named User',
			quantity: '1.48',
			unitPrice: '3.12',
			total: '4.62'
		});
		const findings = findingsOf([rule], reportFacts({ lines: [line] }));
		expect(findings.map(shape)).toEqual([
			{
				ruleId: rule,
				severity: 'blocking',
				subject: expect.objectContaining({ kind: 'line', line: 7 }),
				numbers: { quantity: '1.48', unit: 'Named User' }
			}
		]);
		expect(findings[0].message).toEqual({
			de: 'Zeile 7: Die Menge 1,48 der Einheit „Named User“ ist keine ganze Zahl, diese Einheit wird aber gezählt.',
			en: 'Line 7: the quantity 1.48 of "Named User" is not a whole number, but this unit is counted.'
		});
	});

	it('accepts whole quantities written with decimals, units compared without case', () => {
		const lines = [
			usageLine({ line: 2, unit: 'gerät', quantity: '1480.000', total: '36852.00' }),
			usageLine({ line: 3, unit: 'Benutzer', quantity: '-6', total: '-149.40' }),
			usageLine({ line: 4, unit: ' DEVICE ', quantity: '12.0', total: '298.80' })
		];
		expect(findingsOf([rule], reportFacts({ lines }))).toEqual([]);
	});

	it('leaves units that are not counted, and lines without a unit, alone', () => {
		const lines = [
			usageLine({ line: 2, unit: 'GB', quantity: '1.5', unitPrice: '2.00', total: '3.00' }),
			usageLine({ line: 3, quantity: '1.5', unitPrice: '2.00', total: '3.00' })
		];
		expect(findingsOf([rule], reportFacts({ lines }))).toEqual([]);
	});

	it('takes the counted units from the pack', () => {
		const pack = testPack({ countedUnits: ['Seat'] });
		const lines = [
			usageLine({ line: 2, unit: 'Seat', quantity: '2.5', unitPrice: '2.00', total: '5.00' }),
			usageLine({ line: 3, unit: 'User', quantity: '2.5', unitPrice: '2.00', total: '5.00' })
		];
		const findings = findingsOf([rule], reportFacts({ lines }), pack);
		expect(findings.map((finding) => finding.subject.line)).toEqual([2]);
	});
});

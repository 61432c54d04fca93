import { describe, expect, it } from 'vitest';
import { findingsOf, reportFacts, shape, usageLine } from '../../../../../tests/helpers/rules';

describe('duplicate-line', () => {
	it('does not call two lines with the same SID, quantity and price but other descriptions duplicates', () => {
		const lines = [
			usageLine({ line: 2, description: 'Horizon Cloud Virtual Desktop Standard' }),
			usageLine({ line: 3, description: 'Horizon Cloud Virtual Desktop Standard (Pod 2)' }),
			usageLine({ line: 4, sku: undefined, description: 'Dynamic Environment Manager' }),
			usageLine({ line: 5, sku: undefined, description: 'Workspace ONE Access' })
		];
		expect(findingsOf(['duplicate-line'], reportFacts({ lines }))).toEqual([]);
	});

	it('warns on a repeated line, pointing at the first one', () => {
		const lines = [
			usageLine({ line: 2 }),
			usageLine({ line: 3, sku: 'OSP-DEM-USR' }),
			usageLine({ line: 4, unitPrice: '24.9', total: '3486.0' }),
			usageLine({ line: 5 })
		];
		const findings = findingsOf(['duplicate-line'], reportFacts({ lines }));
		const subject = (line: number) => ({
			kind: 'line',
			line,
			sid: 'SID-4711-HZN-01',
			customerRef: 'TechnoForm Kunststoffe GmbH & Co. KG'
		});
		expect(findings.map(shape)).toEqual([
			{
				ruleId: 'duplicate-line',
				severity: 'warning',
				subject: subject(4),
				numbers: { firstLine: '2', quantity: '140', unitPrice: '24.9' }
			},
			{
				ruleId: 'duplicate-line',
				severity: 'warning',
				subject: subject(5),
				numbers: { firstLine: '2', quantity: '140', unitPrice: '24.90' }
			}
		]);
		expect(findings[0].message.en).toBe(
			'Line 4 repeats line 2: same SID, customer, product, quantity and unit price.'
		);
	});

	it('does not call a credit under its regular line a duplicate (same key, other quantity)', () => {
		const lines = [
			usageLine({ line: 5, unitPrice: '11.20', quantity: '140', total: '1568.00' }),
			usageLine({ line: 6, unitPrice: '11.20', quantity: '-6', total: '-67.20' })
		];
		expect(findingsOf(['duplicate-line'], reportFacts({ lines }))).toEqual([]);
	});

	it('tells customers, SIDs and prices apart', () => {
		const lines = [
			usageLine({ line: 2 }),
			usageLine({ line: 3, customerRef: 'Verbandsgemeinde Lindenau' }),
			usageLine({ line: 4, sid: 'SID-4711-HZN-02' }),
			usageLine({ line: 5, unitPrice: '24.00', total: '3360.00' })
		];
		expect(findingsOf(['duplicate-line'], reportFacts({ lines }))).toEqual([]);
	});
});

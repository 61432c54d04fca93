import { describe, expect, it } from 'vitest';
import { toPeriod } from '$lib/domain/period';
import { findingsOf, reportFacts, shape, usageLine } from '../../../../../tests/helpers/rules';

const september = toPeriod(2026, 9);

describe('new-sid and new-customer', () => {
	const lastMonth = [usageLine({ line: 2 })];

	it('marks a SID and a customer not seen last month, with their lines and total', () => {
		const lines = [
			usageLine({ line: 2 }),
			usageLine({
				line: 3,
				sid: 'SID-4711-ACC-01',
				customerRef: 'Alpenblick Hotelgruppe GmbH',
				sku: 'OSP-ACC-USR',
				quantity: '64',
				unitPrice: '2.40',
				total: '153.60'
			}),
			usageLine({
				line: 4,
				customerRef: 'Alpenblick Hotelgruppe GmbH',
				quantity: '35',
				total: '871.50'
			})
		];
		const facts = reportFacts({ lines, previous: { period: september, lines: lastMonth } });
		const findings = findingsOf(['new-sid', 'new-customer'], facts);
		expect(findings.map(shape)).toEqual([
			{
				ruleId: 'new-sid',
				severity: 'info',
				subject: { kind: 'sid', sid: 'SID-4711-ACC-01', line: 3 },
				numbers: { lines: '1', total: '153.60', currency: 'EUR' }
			},
			{
				ruleId: 'new-customer',
				severity: 'info',
				subject: { kind: 'customer', customerRef: 'Alpenblick Hotelgruppe GmbH', line: 3 },
				numbers: { lines: '2', total: '1025.10', currency: 'EUR' }
			}
		]);
		expect(findings[1].message).toEqual({
			de: 'Alpenblick Hotelgruppe GmbH ist ein neuer Kunde: nicht im Bericht des Vormonats (2 Zeilen, 1.025,10 €).',
			en: "Alpenblick Hotelgruppe GmbH is a new customer: not in last month's report (2 lines, €1,025.10)."
		});
	});

	it('finds nothing new when this month matches last month', () => {
		const facts = reportFacts({ previous: { period: september, lines: lastMonth } });
		expect(findingsOf(['new-sid', 'new-customer'], facts)).toEqual([]);
	});

	it('treats everything as new without a previous report (the first month tracked)', () => {
		const findings = findingsOf(['new-sid', 'new-customer'], reportFacts());
		expect(findings.map((finding) => [finding.ruleId, finding.subject.kind])).toEqual([
			['new-sid', 'sid'],
			['new-customer', 'customer']
		]);
	});

	it('leaves lines without a customer out of new-customer', () => {
		const lines = [usageLine({ customerRef: undefined })];
		const facts = reportFacts({ lines, previous: { period: september, lines: lastMonth } });
		expect(findingsOf(['new-customer'], facts)).toEqual([]);
	});
});

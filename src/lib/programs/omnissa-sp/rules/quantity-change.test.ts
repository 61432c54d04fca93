import { describe, expect, it } from 'vitest';
import { toPeriod } from '$lib/domain/period';
import type { UsageLineFacts } from '$lib/domain/report-facts';
import {
	findingsOf,
	reportFacts,
	shape,
	testPack,
	usageLine
} from '../../../../../tests/helpers/rules';

const september = toPeriod(2026, 9);
const rule = 'quantity-change' as const;

function item(
	line: number,
	sku: string,
	quantity: string,
	customerRef = 'Kunde A'
): UsageLineFacts {
	// Unit price 1.00 keeps every total equal to the quantity.
	return usageLine({
		line,
		sku,
		quantity,
		unitPrice: '1.00',
		total: `${quantity}.00`,
		customerRef
	});
}

describe('quantity-change', () => {
	it('warns per customer × SID × product beyond the threshold, with the exact percentage', () => {
		const previous = [item(2, 'A', '140'), item(3, 'B', '940'), item(4, 'C', '100')];
		const lines = [item(2, 'A', '185'), item(3, 'B', '928'), item(4, 'C', '74')];
		const facts = reportFacts({ lines, previous: { period: september, lines: previous } });
		const findings = findingsOf([rule], facts);
		expect(findings.map(shape)).toEqual([
			{
				ruleId: rule,
				severity: 'warning',
				subject: { kind: 'sid', sid: 'SID-4711-HZN-01', customerRef: 'Kunde A', sku: 'A', line: 2 },
				numbers: { previous: '140', current: '185', changePercent: '32.14', threshold: '25' }
			},
			{
				ruleId: rule,
				severity: 'warning',
				subject: { kind: 'sid', sid: 'SID-4711-HZN-01', customerRef: 'Kunde A', sku: 'C', line: 4 },
				numbers: { previous: '100', current: '74', changePercent: '-26.00', threshold: '25' }
			}
		]);
		expect(findings[0].message).toEqual({
			de: 'Kunde A auf SID-4711-HZN-01, A: Menge 140 im Vormonat, jetzt 185 (32,14 %), über der Schwelle von 25 %.',
			en: 'Kunde A on SID-4711-HZN-01, A: quantity 140 last month, 185 now (32.14 %), beyond the 25 % threshold.'
		});
	});

	it('compares exactly: a change equal to the threshold is not beyond it', () => {
		const previous = [item(2, 'A', '200'), item(3, 'B', '3')];
		// +25 % exactly; 3 → 4 is +33.33 %, rounded only for display.
		const lines = [item(2, 'A', '250'), item(3, 'B', '4')];
		const facts = reportFacts({ lines, previous: { period: september, lines: previous } });
		expect(findingsOf([rule], facts).map((finding) => finding.numbers)).toEqual([
			{ previous: '3', current: '4', changePercent: '33.33', threshold: '25' }
		]);
	});

	it('nets a credit against its regular line and follows the threshold from the pack', () => {
		const previous = [item(2, 'A', '140')];
		const lines = [item(2, 'A', '140'), item(3, 'A', '-6')];
		const facts = reportFacts({ lines, previous: { period: september, lines: previous } });
		expect(findingsOf([rule], facts)).toEqual([]);
		const strict = testPack({ quantityChangeThresholdPercent: '4' });
		expect(findingsOf([rule], facts, strict).map((finding) => finding.numbers)).toEqual([
			{ previous: '140', current: '134', changePercent: '-4.29', threshold: '4' }
		]);
	});

	it('counts a product gone under a kept SID as a change to 0, and leaves a gone pair to sid-dropped', () => {
		const previous = [item(2, 'A', '10'), item(3, 'B', '5'), item(4, 'A', '18', 'Kunde B')];
		const lines = [item(2, 'A', '10')];
		const facts = reportFacts({ lines, previous: { period: september, lines: previous } });
		expect(findingsOf([rule], facts).map(shape)).toEqual([
			{
				ruleId: rule,
				severity: 'warning',
				subject: { kind: 'sid', sid: 'SID-4711-HZN-01', customerRef: 'Kunde A', sku: 'B' },
				numbers: { previous: '5', current: '0', changePercent: '-100.00', threshold: '25' }
			}
		]);
	});

	it('matches months by SKU, not by the language of the description', () => {
		const previous = [usageLine({ description: 'Published Applications (RDSH)' })];
		const lines = [usageLine({ description: 'Veröffentlichte Anwendungen (RDSH)' })];
		const facts = reportFacts({ lines, previous: { period: september, lines: previous } });
		const zero = testPack({ quantityChangeThresholdPercent: '0' });
		expect(findingsOf([rule, 'sid-dropped'], facts, zero)).toEqual([]);
	});

	it('says nothing without a previous report or for a product new this month', () => {
		expect(findingsOf([rule], reportFacts())).toEqual([]);
		const facts = reportFacts({
			lines: [item(2, 'A', '10'), item(3, 'NEW', '99')],
			previous: { period: september, lines: [item(2, 'A', '10')] }
		});
		expect(findingsOf([rule], facts)).toEqual([]);
	});
});

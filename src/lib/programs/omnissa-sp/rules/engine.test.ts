import { describe, expect, it } from 'vitest';
import { toPeriod } from '$lib/domain/period';
import { applyOverrides } from '$lib/programs/omnissa-sp/apply-overrides';
import { checkReport } from './engine';
import { ruleCatalog } from './rule-catalog';
import { PACK_REF, reportFacts, testPack, usageLine } from '../../../../../tests/helpers/rules';

const august = toPeriod(2026, 8);

/** A report that breaks every rule that a report with usage can break. */
function everythingWrong() {
	const previous = [
		usageLine({ line: 2, customerRef: 'Gone GmbH' }),
		usageLine({ line: 3, sku: 'GROWS', quantity: '10', unitPrice: '1.00', total: '10.00' })
	];
	const lines = [
		usageLine({ line: 2, sid: '' }),
		usageLine({ line: 3, sid: 'HZN 01', quantity: 'x', unitPrice: 'y', total: 'z' }),
		usageLine({ line: 4, quantity: '-1', total: '-24.90' }),
		usageLine({ line: 5, total: '3486.01', currency: 'USD' }),
		usageLine({ line: 6, sku: 'GROWS', quantity: '20', unitPrice: '1.00', total: '20.00' }),
		usageLine({ line: 7, sku: 'GROWS', quantity: '20', unitPrice: '1.00', total: '20.00' }),
		usageLine({ line: 8, sid: 'SID-4711-NEW-01', customerRef: 'Neu AG' }),
		usageLine({ line: 9, sku: 'HALF', quantity: '1301', unitPrice: '0.125', total: '162.63' }),
		usageLine({
			line: 10,
			sku: 'FRAC',
			unit: 'User',
			quantity: '1.5',
			unitPrice: '2.00',
			total: '3.00'
		})
	];
	return reportFacts({
		lines,
		previous: { period: august, lines: previous },
		now: new Date('2026-11-20T12:00:00Z'),
		totalsComputed: true
	});
}

describe('checkReport', () => {
	it('covers every rule in the catalog, each with sentences in both languages', () => {
		const pack = { ...testPack(), validTo: '2026-09-30' };
		const findings = [
			...checkReport({ facts: everythingWrong(), pack }),
			...checkReport({ facts: reportFacts({ lines: [] }), pack }),
			...checkReport({ facts: reportFacts({ lines: [], zeroUsageConfirmed: true }), pack }),
			...checkReport({ facts: reportFacts({ leftOutLines: [4] }), pack })
		];
		expect(new Set(findings.map((finding) => finding.ruleId))).toEqual(
			new Set(Object.keys(ruleCatalog))
		);
		for (const finding of findings) {
			expect(finding.severity).toBe(ruleCatalog[finding.ruleId]);
			expect(finding.pack).toEqual(PACK_REF);
			for (const text of [finding.message, finding.fixHint]) {
				expect(text.de.length, finding.ruleId).toBeGreaterThan(10);
				expect(text.en.length, finding.ruleId).toBeGreaterThan(10);
				expect(text.de).not.toBe(text.en);
				expect(`${text.de} ${text.en}`).not.toContain('undefined');
			}
		}
	});

	it('lists blocking findings first, then warnings, then information, each in file order', () => {
		const findings = checkReport({ facts: everythingWrong(), pack: testPack() });
		const ranks = findings.map((finding) => finding.severity);
		expect(ranks).toEqual(
			[...ranks].sort(
				(a, b) =>
					['blocking', 'warning', 'info'].indexOf(a) - ['blocking', 'warning', 'info'].indexOf(b)
			)
		);
		expect(
			findings
				.filter((finding) => finding.severity === 'blocking')
				.map((finding) => [finding.subject.line, finding.ruleId])
		).toEqual([
			[2, 'sid-missing'],
			[3, 'quantity-not-number'],
			[3, 'unit-price-not-number'],
			[3, 'total-not-number'],
			[4, 'negative-quantity-without-credit-reason'],
			[5, 'line-total-mismatch'],
			[5, 'currency-mismatch'],
			[10, 'counted-quantity-fraction']
		]);
		expect(
			findings.filter((finding) => finding.severity === 'warning').map((finding) => finding.ruleId)
		).toEqual([
			'sid-malformed',
			'duplicate-line',
			'line-total-rounding',
			'quantity-change',
			'sid-dropped',
			'report-late'
		]);
	});

	it('finds nothing but the expected information for a clean month after a clean month', () => {
		const previous = { period: toPeriod(2026, 9), lines: [usageLine()] };
		expect(checkReport({ facts: reportFacts({ previous }), pack: testPack() })).toEqual([]);
	});

	it('records the pack version it ran with', () => {
		const pack = { ...testPack(), version: '1.1.0' };
		const [finding] = checkReport({ facts: reportFacts({ lines: [] }), pack });
		expect(finding.pack).toEqual({ id: 'omnissa-sp', version: '1.1.0' });
	});

	it('does not change its input', () => {
		const facts = everythingWrong();
		const copy = structuredClone(facts);
		checkReport({ facts, pack: testPack() });
		expect(facts).toEqual(copy);
	});

	it('records the pack it used, and which parameters the partner overrode', () => {
		const facts = reportFacts({ lines: [] });
		const plain = checkReport({ facts, pack: testPack() });
		expect(plain[0].pack).toEqual(PACK_REF);
		const applied = applyOverrides({ pack: testPack(), overrides: { submitDueDay: 14 } });
		if (!applied.ok || applied.value.id !== 'omnissa-sp') throw new Error('override refused');
		const overridden = checkReport({ facts, pack: applied.value });
		expect(overridden[0].pack).toEqual({ ...PACK_REF, overridden: ['submitDueDay'] });
	});
});

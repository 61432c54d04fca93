import type { ReportFacts } from '$lib/domain/report-facts';
import type { RuleId } from '$lib/programs/omnissa-sp/rules/rule-catalog';
import {
	addDecimal,
	compareDecimal,
	multiplyDecimal,
	negateDecimal,
	parseDecimal,
	roundHalfEven,
	signOfDecimal,
	ZERO,
	type Decimal
} from './loop-decimal';
import { MonthIndex } from './loop-index';

/** What a baseline finds: the rule and its subject, without the engine's numbers and sentences. */
export type BareFinding = {
	ruleId: RuleId;
	line?: number;
	sid?: string;
	customerRef?: string;
	sku?: string;
};

const HUNDRED: Decimal = { units: 100, scale: 0 };

/** |now - before| × 100 > threshold × before, for a positive `before`: exact, no division. */
export function changedBeyond(before: Decimal, now: Decimal, threshold: Decimal): boolean {
	if (signOfDecimal(before) <= 0) return false;
	const delta = addDecimal(now, negateDecimal(before));
	const magnitude = signOfDecimal(delta) < 0 ? negateDecimal(delta) : delta;
	return (
		compareDecimal(multiplyDecimal(magnitude, HUNDRED), multiplyDecimal(threshold, before)) > 0
	);
}

/**
 * The baseline the engine's 2x budget is measured against (DESIGN.md, "Performance budgets"): the
 * rules of `checkReport` that look at lines and months, as one straightforward pass per month
 * over the lines and one over the groups. Same decisions as the engine, checked finding for
 * finding by the benchmark; what it leaves out is what makes a finding explainable (its
 * numbers, its sentences in two languages, the pack it used) and the report-level rules (late,
 * empty, gap, pack validity), which cost the same whatever the size.
 */
export function checkWithLoop(options: {
	facts: ReportFacts;
	sidPattern: string;
	thresholdPercent: string;
}): BareFinding[] {
	const { facts } = options;
	const pattern = new RegExp(`^(?:${options.sidPattern})$`, 'u');
	const threshold = parseDecimal(options.thresholdPercent) ?? ZERO;
	const reasons = facts.creditReasons ?? {};
	const reportCurrency = facts.currency.trim().toUpperCase();
	const findings: BareFinding[] = [];

	const current = new MonthIndex();
	for (const line of facts.lines) {
		const at = line.line;
		if (line.sid.trim() === '') findings.push({ ruleId: 'sid-missing', line: at });
		else if (!pattern.test(line.sid)) findings.push({ ruleId: 'sid-malformed', line: at });
		const quantity = parseDecimal(line.quantity);
		const unitPrice = parseDecimal(line.unitPrice);
		const total = parseDecimal(line.total);
		if (quantity === undefined) findings.push({ ruleId: 'quantity-not-number', line: at });
		if (unitPrice === undefined) findings.push({ ruleId: 'unit-price-not-number', line: at });
		if (total === undefined) findings.push({ ruleId: 'total-not-number', line: at });
		if (quantity !== undefined && signOfDecimal(quantity) < 0 && !reasons[at]?.trim()) {
			findings.push({ ruleId: 'negative-quantity-without-credit-reason', line: at });
		}
		if (quantity !== undefined && unitPrice !== undefined && total !== undefined) {
			const expected = roundHalfEven(multiplyDecimal(quantity, unitPrice), 2);
			if (compareDecimal(expected, total) !== 0) {
				findings.push({ ruleId: 'line-total-mismatch', line: at });
			}
		}
		const currency = line.currency;
		if (currency && currency.trim().toUpperCase() !== reportCurrency) {
			findings.push({ ruleId: 'currency-mismatch', line: at });
		}
		if (current.add(line, quantity, unitPrice) !== 0) {
			findings.push({ ruleId: 'duplicate-line', line: at });
		}
	}

	// Last month needs only the groups and their quantities; its repeats are not checked.
	const previous = new MonthIndex();
	for (const line of facts.previous?.lines ?? []) {
		previous.add(line, parseDecimal(line.quantity), undefined);
	}

	for (const sid of current.sids.keys()) {
		if (!previous.sids.has(sid)) findings.push({ ruleId: 'new-sid', sid });
	}
	for (const customerRef of current.customers) {
		if (!previous.customers.has(customerRef))
			findings.push({ ruleId: 'new-customer', customerRef });
	}
	for (const [sid, pairs] of current.sids) {
		const pairsBefore = previous.sids.get(sid);
		if (pairsBefore === undefined) continue;
		for (const [customerRef, items] of pairs) {
			const itemsBefore = pairsBefore.get(customerRef);
			if (itemsBefore === undefined) continue;
			for (const [sku, before] of itemsBefore) {
				const now = items.get(sku)?.sum ?? ZERO;
				if (changedBeyond(before.sum, now, threshold)) {
					findings.push({ ruleId: 'quantity-change', sid, customerRef, sku });
				}
			}
		}
	}
	for (const [sid, pairsBefore] of previous.sids) {
		const pairs = current.sids.get(sid);
		for (const customerRef of pairsBefore.keys()) {
			if (pairs?.has(customerRef) !== true) {
				findings.push({ ruleId: 'sid-dropped', sid, customerRef });
			}
		}
	}
	return findings;
}

import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import type { ReportFacts } from '$lib/domain/report-facts';
import type { RuleId } from '$lib/programs/omnissa-sp/rules/rule-catalog';
import {
	compareDecimal,
	multiplyDecimal,
	parseDecimal,
	roundHalfEven,
	ZERO,
	type Decimal
} from './loop-decimal';
import { MonthIndex } from './loop-index';
import { changedBeyond, type BareFinding } from './rules-loop';

/** One condition of an `all` (json-rules-engine does not export the type by name). */
type Condition = Extract<TopLevelCondition, { all: unknown }>['all'][number];

/** A rule whose conditions all have to hold; its event type is the rule id. */
function rule(ruleId: RuleId, all: Condition[]): RuleProperties {
	return { name: ruleId, conditions: { all }, event: { type: ruleId } };
}

/** The per-line rules as json-rules-engine data, with the operators they need. */
function lineEngine(sidPattern: string, reportCurrency: string): Engine {
	const engine = new Engine([], { allowUndefinedFacts: true });
	const pattern = new RegExp(`^(?:${sidPattern})$`, 'u');
	engine.addOperator('blank', (text: string, blank: boolean) => (text.trim() === '') === blank);
	engine.addOperator('matchesSidPattern', (text: string) => pattern.test(text));
	engine.addOperator(
		'isDecimal',
		(text: string, is: boolean) => (parseDecimal(text) !== undefined) === is
	);
	engine.addOperator('decimalLessThan', (text: string, bound: string) => {
		const value = parseDecimal(text);
		const limit = parseDecimal(bound);
		return value !== undefined && limit !== undefined && compareDecimal(value, limit) < 0;
	});
	engine.addOperator('differsFromDecimal', (text: string, expected: Decimal | undefined) => {
		const value = parseDecimal(text);
		return value !== undefined && expected !== undefined && compareDecimal(value, expected) !== 0;
	});
	engine.addOperator(
		'sameCurrencyAs',
		(text: string, currency: string) => text.trim().toUpperCase() === currency.trim().toUpperCase()
	);
	engine.addFact('reportCurrency', reportCurrency);
	engine.addFact('expectedTotal', async (_params, almanac) => {
		const quantity = parseDecimal(await almanac.factValue<string>('quantity'));
		const unitPrice = parseDecimal(await almanac.factValue<string>('unitPrice'));
		if (quantity === undefined || unitPrice === undefined) return undefined;
		return roundHalfEven(multiplyDecimal(quantity, unitPrice), 2);
	});
	const numbers = ['quantity', 'unitPrice', 'total'].map((fact) => ({
		fact,
		operator: 'isDecimal',
		value: true
	}));
	for (const properties of [
		rule('sid-missing', [{ fact: 'sid', operator: 'blank', value: true }]),
		rule('sid-malformed', [
			{ fact: 'sid', operator: 'blank', value: false },
			{ not: { fact: 'sid', operator: 'matchesSidPattern', value: null } }
		]),
		rule('quantity-not-number', [{ fact: 'quantity', operator: 'isDecimal', value: false }]),
		rule('unit-price-not-number', [{ fact: 'unitPrice', operator: 'isDecimal', value: false }]),
		rule('total-not-number', [{ fact: 'total', operator: 'isDecimal', value: false }]),
		rule('negative-quantity-without-credit-reason', [
			{ fact: 'quantity', operator: 'decimalLessThan', value: '0' },
			{ fact: 'creditReason', operator: 'blank', value: true }
		]),
		rule('line-total-mismatch', [
			...numbers,
			{ fact: 'total', operator: 'differsFromDecimal', value: { fact: 'expectedTotal' } }
		]),
		rule('currency-mismatch', [
			{ fact: 'currency', operator: 'notEqual', value: '' },
			{ not: { fact: 'currency', operator: 'sameCurrencyAs', value: { fact: 'reportCurrency' } } }
		]),
		rule('duplicate-line', [{ fact: 'repeatsLine', operator: 'greaterThan', value: 0 }])
	]) {
		engine.addRule(properties);
	}
	return engine;
}

/** An engine with one rule on one fact, for the checks that look at a group of lines. */
function groupEngine(ruleId: RuleId, condition: Condition): Engine {
	const engine = new Engine([rule(ruleId, [condition])], { allowUndefinedFacts: true });
	engine.addOperator(
		'changesBeyondPercent',
		(quantities: { before: Decimal; now: Decimal }, threshold: string) =>
			changedBeyond(quantities.before, quantities.now, parseDecimal(threshold) ?? ZERO)
	);
	return engine;
}

async function eventsOf(engine: Engine, facts: Record<string, unknown>): Promise<RuleId[]> {
	const { events } = await engine.run(facts);
	return events.map((event) => event.type as RuleId);
}

/**
 * The same checks as `checkReport`, written the way json-rules-engine is meant to be used: rules
 * as JSON conditions over facts, custom operators for what its built-ins cannot say (a pattern,
 * an exact decimal). It evaluates one set of facts at a time, so grouping across lines (repeats,
 * SIDs, customers, products) is done beforehand, by the loop's `MonthIndex`, and each group
 * becomes a set of facts; the engine still decides every finding. Products whose quantity did
 * not change are left out before the run, as `checkReport` skips them too: no change can be
 * beyond a threshold.
 */
export async function checkWithJsonRulesEngine(options: {
	facts: ReportFacts;
	sidPattern: string;
	thresholdPercent: string;
}): Promise<BareFinding[]> {
	const { facts, thresholdPercent } = options;
	const findings: BareFinding[] = [];
	const reasons = facts.creditReasons ?? {};
	const lines = lineEngine(options.sidPattern, facts.currency);
	const current = new MonthIndex();
	for (const line of facts.lines) {
		const repeatsLine = current.add(
			line,
			parseDecimal(line.quantity),
			parseDecimal(line.unitPrice)
		);
		const ruleIds = await eventsOf(lines, {
			sid: line.sid,
			quantity: line.quantity,
			unitPrice: line.unitPrice,
			total: line.total,
			currency: line.currency ?? '',
			creditReason: reasons[line.line] ?? '',
			repeatsLine
		});
		for (const ruleId of ruleIds) findings.push({ ruleId, line: line.line });
	}

	const previous = new MonthIndex();
	for (const line of facts.previous?.lines ?? []) {
		previous.add(line, parseDecimal(line.quantity), undefined);
	}
	const unknown = { fact: 'knownLastMonth', operator: 'equal', value: false };
	const newSid = groupEngine('new-sid', unknown);
	for (const sid of current.sids.keys()) {
		for (const ruleId of await eventsOf(newSid, { knownLastMonth: previous.sids.has(sid) })) {
			findings.push({ ruleId, sid });
		}
	}
	const newCustomer = groupEngine('new-customer', unknown);
	for (const customerRef of current.customers) {
		const known = previous.customers.has(customerRef);
		for (const ruleId of await eventsOf(newCustomer, { knownLastMonth: known })) {
			findings.push({ ruleId, customerRef });
		}
	}
	const change = groupEngine('quantity-change', {
		fact: 'quantities',
		operator: 'changesBeyondPercent',
		value: thresholdPercent
	});
	for (const [sid, pairs] of current.sids) {
		const pairsBefore = previous.sids.get(sid);
		for (const [customerRef, items] of pairs) {
			for (const [sku, item] of pairsBefore?.get(customerRef) ?? []) {
				const now = items.get(sku)?.sum ?? ZERO;
				if (compareDecimal(item.sum, now) === 0) continue;
				for (const ruleId of await eventsOf(change, { quantities: { before: item.sum, now } })) {
					findings.push({ ruleId, sid, customerRef, sku });
				}
			}
		}
	}
	const dropped = groupEngine('sid-dropped', {
		fact: 'billedNow',
		operator: 'equal',
		value: false
	});
	for (const [sid, pairsBefore] of previous.sids) {
		const pairs = current.sids.get(sid);
		for (const customerRef of pairsBefore.keys()) {
			const billedNow = pairs?.has(customerRef) === true;
			for (const ruleId of await eventsOf(dropped, { billedNow })) {
				findings.push({ ruleId, sid, customerRef });
			}
		}
	}
	return findings;
}

import { expect, test } from 'vitest';
import { toPeriod } from '$lib/domain/period';
import { applyOverrides } from '$lib/programs/omnissa-sp/apply-overrides';
import { loadBuiltInPack } from '$lib/programs/built-in-packs';
import { checkReport } from '$lib/programs/omnissa-sp/rules/engine';
import type { ReportFacts, UsageLineFacts } from '$lib/domain/report-facts';
import type { Finding } from '$lib/domain/finding';
import type { RuleId } from '$lib/programs/omnissa-sp/rules/rule-catalog';
import { saveBenchFigures } from './bench-result';
import { measure } from './measure';
import { checkWithJsonRulesEngine } from './rules-json-engine';
import { checkWithLoop, type BareFinding } from './rules-loop';
import { generateUsage, type UsageRow } from './usage-data';

const LINES = 100_000;

function lineFacts(rows: readonly UsageRow[]): UsageLineFacts[] {
	// Line 1 is the header of the file the rows came from.
	return rows.map((row, index) => ({
		line: index + 2,
		sid: row.sid,
		description: row.description,
		customerRef: row.customerRef,
		sku: row.sku,
		quantity: row.quantity,
		unitPrice: row.unitPrice,
		total: row.total,
		currency: row.currency
	}));
}

/** A finding as the baselines report it: a line finding by its line, others by their group. */
function bare(finding: Finding<RuleId>): BareFinding {
	const { kind, line, sid, customerRef, sku } = finding.subject;
	return kind === 'line'
		? { ruleId: finding.ruleId, line }
		: { ruleId: finding.ruleId, sid, customerRef, sku };
}

/** Sorted keys, so two checks compare finding for finding whatever their order. */
function keysOf(findings: readonly BareFinding[]): string[] {
	return findings
		.map((f) => [f.ruleId, f.line ?? '', f.sid ?? '', f.customerRef ?? '', f.sku ?? ''].join('|'))
		.sort();
}

test('rules check of 100,000 lines: checkReport against a hand-written loop and json-rules-engine', async () => {
	const builtIn = loadBuiltInPack({ id: 'omnissa-sp' });
	if (!builtIn.ok) throw new Error('built-in pack invalid');
	// The partner's export shape, as Settings sets it: the built-in default takes any id, and
	// the SID rule is to have its planted lower-case SIDs to find.
	const sidPattern = 'SID-[0-9]{4,}-[A-Z]{3}-[0-9]{2}';
	const loaded = applyOverrides({ pack: builtIn.value, overrides: { sidPattern } });
	if (!loaded.ok || loaded.value.id !== 'omnissa-sp') throw new Error('override refused');
	const pack = loaded.value;
	const { current, previous } = generateUsage({ lines: LINES });
	// October, checked inside its review window: no report-level finding, only line and month ones.
	const facts: ReportFacts = {
		period: toPeriod(2026, 10),
		currency: 'EUR',
		lines: lineFacts(current),
		previous: { period: toPeriod(2026, 9), lines: lineFacts(previous) },
		now: new Date('2026-11-12T10:00:00Z'),
		timeZone: 'Europe/Berlin'
	};
	const options = {
		facts,
		sidPattern: pack.parameters.sidPattern.value,
		thresholdPercent: pack.parameters.quantityChangeThresholdPercent.value
	};

	// The three must agree finding for finding, or the figures compare different work.
	const expected = keysOf(checkReport({ facts, pack }).map(bare));
	expect(keysOf(checkWithLoop(options))).toEqual(expected);
	expect(keysOf(await checkWithJsonRulesEngine(options))).toEqual(expected);
	// Every line and month rule fires, so every one of them is in the figure.
	expect(new Set(expected.map((key) => key.split('|')[0]))).toEqual(
		new Set([
			'sid-missing',
			'sid-malformed',
			'quantity-not-number',
			'unit-price-not-number',
			'total-not-number',
			'negative-quantity-without-credit-reason',
			'line-total-mismatch',
			'currency-mismatch',
			'duplicate-line',
			'new-sid',
			'new-customer',
			'quantity-change',
			'sid-dropped'
		])
	);

	const { engine, loop } = await measure(
		{
			engine: { run: () => checkReport({ facts, pack }) },
			loop: { run: () => checkWithLoop(options) }
		},
		{ runs: 7 }
	);
	// About 10 s a run: the check above was its warm-up, and three runs keep the bench short.
	const { jsonRules } = await measure(
		{ jsonRules: { run: () => checkWithJsonRulesEngine(options) } },
		{ runs: 3, warmups: 0 }
	);
	await saveBenchFigures('rules-check', [
		{
			name: 'rules 100k lines: checkReport / hand-written loop',
			value: engine.median,
			unit: 'ms',
			baseline: loop.median,
			target: 2,
			samples: { value: engine.samples, baseline: loop.samples }
		},
		{
			name: 'rules 100k lines: checkReport / json-rules-engine',
			value: engine.median,
			unit: 'ms',
			baseline: jsonRules.median,
			target: null,
			samples: { value: engine.samples, baseline: jsonRules.samples }
		}
	]);
});

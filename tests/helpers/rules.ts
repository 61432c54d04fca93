/**
 * Builders for the rules tests (imported by *.test.ts only): a clean line, clean facts and the
 * built-in pack, so each test states just what it changes.
 */
import { toPeriod } from '$lib/domain/period';
import { applyOverrides } from '$lib/programs/omnissa-sp/apply-overrides';
import { loadBuiltInPack } from '$lib/programs/built-in-packs';
import type { OmnissaSpPack } from '$lib/programs/omnissa-sp/pack-schema';
import { checkReport } from '$lib/programs/omnissa-sp/rules/engine';
import type { ReportFacts, UsageLineFacts } from '$lib/domain/report-facts';
import type { Finding } from '$lib/domain/finding';
import type { RuleId } from '$lib/programs/omnissa-sp/rules/rule-catalog';

/** The built-in pack, optionally with overrides applied. */
export function testPack(overrides: Record<string, unknown> = {}): OmnissaSpPack {
	const builtIn = loadBuiltInPack({ id: 'omnissa-sp' });
	if (!builtIn.ok) throw new Error(JSON.stringify(builtIn.problems));
	const result = applyOverrides({ pack: builtIn.value, overrides });
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.value;
}

/** A correct line (TechnoForm, 140 × 24.90 = 3486.00 EUR). */
export function usageLine(changes: Partial<UsageLineFacts> = {}): UsageLineFacts {
	return {
		line: 2,
		sid: 'SID-4711-HZN-01',
		description: 'Horizon Cloud Virtual Desktop Standard',
		customerRef: 'TechnoForm Kunststoffe GmbH & Co. KG',
		sku: 'OSP-HZN-STD-CCU',
		quantity: '140',
		unitPrice: '24.90',
		total: '3486.00',
		currency: 'EUR',
		...changes
	};
}

/** The October 2026 report, Berlin time, on the demo date (inside the review window). */
export function reportFacts(changes: Partial<ReportFacts> = {}): ReportFacts {
	return {
		period: toPeriod(2026, 10),
		currency: 'EUR',
		lines: [usageLine()],
		now: new Date('2026-11-12T10:00:00Z'),
		timeZone: 'Europe/Berlin',
		...changes
	};
}

/** Runs the engine and keeps the findings of the given rules. */
export function findingsOf(
	ruleIds: RuleId[],
	facts: ReportFacts,
	pack: OmnissaSpPack = testPack()
): Finding[] {
	return checkReport({ facts, pack }).filter((finding) => ruleIds.includes(finding.ruleId));
}

/** The comparable part of a finding: messages are asserted separately where it matters. */
export function shape(finding: Finding) {
	return {
		ruleId: finding.ruleId,
		severity: finding.severity,
		subject: finding.subject,
		numbers: finding.numbers
	};
}

export const PACK_REF = { id: 'omnissa-sp', version: '1.0.0' } as const;

import type { LocalizedText } from '$lib/programs/parameter';
import type { PackRef } from '$lib/programs/pack-schema';
import type { RuleId } from './rule-catalog';

export type Severity = 'blocking' | 'warning' | 'info';

/** What a finding is about: the whole report, one line, a SID (for a customer) or a customer. */
export type FindingSubject = {
	kind: 'report' | 'line' | 'sid' | 'customer';
	line?: number;
	sid?: string;
	customerRef?: string;
	/** The SKU (or description) when a finding is about one product under a SID. */
	sku?: string;
};

/**
 * One explainable result of a check: which rule, how severe, about what, the exact numbers it used
 * (decimal strings, ISO dates and instants) and the pack it was computed with.
 */
export type Finding = {
	ruleId: RuleId;
	severity: Severity;
	subject: FindingSubject;
	numbers: Record<string, string>;
	message: LocalizedText;
	fixHint: LocalizedText;
	pack: PackRef;
};

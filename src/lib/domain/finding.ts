import type { LocalizedText } from './localized-text';
import type { PackRef } from './programs';

export type Severity = 'blocking' | 'warning' | 'info';

/** Order in which findings are listed: what stops the report first. */
export const severityRank: Record<Severity, number> = { blocking: 0, warning: 1, info: 2 };

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
 * (decimal strings, ISO dates and instants) and the pack it was computed with. A program's rules
 * name their own ids (`Id`); code that handles findings of any program sees a plain string.
 */
export type Finding<Id extends string = string> = {
	ruleId: Id;
	severity: Severity;
	subject: FindingSubject;
	numbers: Record<string, string>;
	message: LocalizedText;
	fixHint: LocalizedText;
	pack: PackRef;
};

/** What a finding's sentences may use: its subject and numbers, nothing else. */
export type MessageInput = {
	subject: FindingSubject;
	numbers: Readonly<Record<string, string>>;
};

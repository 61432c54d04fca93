import type { PackRef } from '$lib/programs/pack-schema';
import type { Finding, FindingSubject, Severity } from './finding';
import { describeFinding } from './messages';
import { ruleCatalog, type RuleId } from './rule-catalog';
import type { UsageLineFacts } from './facts';

/** Builds a finding: severity from the catalog, sentences from the message tables. */
export function createFinding(options: {
	ruleId: RuleId;
	subject: FindingSubject;
	numbers: Record<string, string>;
	pack: PackRef;
	severity?: Severity;
}): Finding {
	const { ruleId, subject, numbers, pack } = options;
	const severity = options.severity ?? ruleCatalog[ruleId];
	return {
		ruleId,
		severity,
		subject,
		numbers,
		...describeFinding(ruleId, { subject, numbers }),
		pack
	};
}

/** The subject of a line finding; empty SID and absent customer are left out. */
export function lineSubject(line: UsageLineFacts): FindingSubject {
	const subject: FindingSubject = { kind: 'line', line: line.line };
	if (line.sid !== '') subject.sid = line.sid;
	if (line.customerRef !== undefined && line.customerRef !== '')
		subject.customerRef = line.customerRef;
	return subject;
}

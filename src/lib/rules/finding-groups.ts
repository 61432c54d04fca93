import type { Finding, FindingSubject, Severity } from '$lib/domain/finding';

/**
 * The findings of one rule. A 100,000-line month can have a hundred thousand findings of a
 * single rule; listed one by one they buried the few that matter and froze the page, so the
 * report shows each rule once, with its count, and its findings a page at a time.
 */
export type FindingGroup = {
	/** `severity|ruleId`: stable across re-runs, so an open group stays open. */
	key: string;
	ruleId: string;
	severity: Severity;
	/** What the group's findings are about, for its count ("1,204 lines"). */
	subject: FindingSubject['kind'];
	count: number;
	findings: Finding[];
};

/**
 * The findings grouped by rule, in the order of each rule's first finding: `checkReport` sorts
 * blocking first, so the groups are in the same order. Within a group, findings keep their order.
 */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
	const groups = new Map<string, FindingGroup>();
	for (const finding of findings) {
		const key = `${finding.severity}|${finding.ruleId}`;
		let group = groups.get(key);
		if (!group) {
			group = {
				key,
				ruleId: finding.ruleId,
				severity: finding.severity,
				subject: finding.subject.kind,
				count: 0,
				findings: []
			};
			groups.set(key, group);
		}
		group.count++;
		group.findings.push(finding);
	}
	return [...groups.values()];
}

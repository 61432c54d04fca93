import type { Finding } from './finding';

/**
 * A finding's stable key: the same rule about the same subject gets the same
 * key on every re-run, so an acknowledgement stays attached to its finding
 * while the report is checked again after each change.
 */
export function findingKey(finding: Finding): string {
	const { kind, line, sid, customerRef, sku } = finding.subject;
	return [finding.ruleId, kind, line ?? '', sid ?? '', customerRef ?? '', sku ?? ''].join('|');
}

function sortedEntries(record: object): [string, unknown][] {
	return Object.entries(record)
		.filter(([, value]) => value !== undefined)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * What a finding says: its rule, its subject and the numbers it used. An acknowledgement records
 * this, so a correction can tell a finding that still holds unchanged from one that changed. A
 * finding about a SID, a customer or the report names a line only to point at it; where that
 * line sits in the next file does not change what the finding says, so it is left out.
 */
export function findingFingerprint(finding: Finding): string {
	const { line, ...about } = finding.subject;
	const subject = finding.subject.kind === 'line' ? { ...about, line } : about;
	return JSON.stringify([finding.ruleId, sortedEntries(subject), sortedEntries(finding.numbers)]);
}

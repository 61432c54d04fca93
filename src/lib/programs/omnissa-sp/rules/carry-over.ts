import type { Acknowledgement, ReportRevision } from '$lib/domain/report';
import type { UsageLineFacts } from '$lib/domain/report-facts';
import type { Finding } from '$lib/domain/finding';
import { findingFingerprint, findingKey } from '$lib/domain/finding-identity';

/** A line's content: a credit reason belongs to this, not to where the line sits in a file. */
function lineIdentity(line: UsageLineFacts): string {
	return JSON.stringify([
		line.sid,
		line.customerRef ?? '',
		line.sku ?? '',
		line.description,
		line.quantity,
		line.unitPrice,
		line.total
	]);
}

/**
 * Credit reasons a correction keeps: a reason given for a line of an earlier revision goes to
 * the line of the new file with the same content (SID, customer, product, quantity, price,
 * total), wherever it now sits; each old line gives its reason to one new line at most.
 */
export function carryCreditReasons(options: {
	from: { revision: ReportRevision; lines: readonly UsageLineFacts[] };
	lines: readonly UsageLineFacts[];
}): Record<string, string> {
	const { from, lines } = options;
	const reasons = new Map<string, string[]>();
	for (const line of from.lines) {
		const reason = from.revision.creditReasons[String(line.line)];
		if (reason === undefined) continue;
		const key = lineIdentity(line);
		reasons.set(key, [...(reasons.get(key) ?? []), reason]);
	}
	const carried: Record<string, string> = {};
	if (reasons.size === 0) return carried;
	for (const line of lines) {
		const reason = reasons.get(lineIdentity(line))?.shift();
		if (reason !== undefined) carried[String(line.line)] = reason;
	}
	return carried;
}

/**
 * Acknowledgements a correction keeps: one whose finding (rule, subject and numbers) is
 * unchanged in the new revision's check. A finding that changed asks the partner again; an
 * acknowledgement recorded before fingerprints existed is not carried (nothing to compare).
 */
export function carryAcknowledgements(options: {
	from: Readonly<Record<string, Acknowledgement>>;
	findings: readonly Finding[];
}): Record<string, Acknowledgement> {
	const byFingerprint = new Map<string, Acknowledgement>();
	for (const acknowledgement of Object.values(options.from))
		if (acknowledgement.fingerprint)
			byFingerprint.set(acknowledgement.fingerprint, acknowledgement);
	const carried: Record<string, Acknowledgement> = {};
	if (byFingerprint.size === 0) return carried;
	for (const finding of options.findings) {
		if (finding.severity !== 'warning') continue;
		// Under the finding's key in the new revision: a SID's first line may have moved.
		const acknowledgement = byFingerprint.get(findingFingerprint(finding));
		if (acknowledgement) carried[findingKey(finding)] = acknowledgement;
	}
	return carried;
}

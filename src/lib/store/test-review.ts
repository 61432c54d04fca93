/**
 * For store tests (imported by *.test.ts only): acknowledges every open warning of a draft, as
 * a partner does before "ready", so a test can get a revision past the ready gate.
 */
import { findingFingerprint, findingKey } from '$lib/domain/finding-identity';
import type { PartnerDeskDatabase } from './db';
import { acknowledgeFinding } from './report-repo';
import { checkStoredRevision } from './review-check';

export async function acknowledgeWarnings(
	db: PartnerDeskDatabase,
	options: { revisionId: string; now: Date; comment?: string }
): Promise<number> {
	const revision = await db.reports.get(options.revisionId);
	if (!revision) throw new Error(`no revision ${options.revisionId}`);
	const { findings } = await checkStoredRevision(db, { revision, now: options.now });
	const open = findings.filter(
		(finding) =>
			finding.severity === 'warning' && !(findingKey(finding) in revision.acknowledgements)
	);
	for (const finding of open)
		await acknowledgeFinding(db, {
			revisionId: options.revisionId,
			findingKey: findingKey(finding),
			fingerprint: findingFingerprint(finding),
			reasonCode: 'other',
			comment: options.comment ?? 'Checked',
			now: options.now
		});
	return open.length;
}

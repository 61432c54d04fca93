import { omnissaSpProgram } from '$lib/programs/omnissa-sp/program';
import type { UsageLine } from '$lib/domain/usage-line';
import { shiftPeriod } from '$lib/domain/period';
import { previousRevision } from '$lib/domain/report-lifecycle';
import type { ReportRevision } from '$lib/domain/report';
import { effectiveOmnissaPack } from '$lib/programs/omnissa-sp/effective-pack';
import type { OmnissaSpPack } from '$lib/programs/omnissa-sp/pack-schema';
import { checkReport } from '$lib/programs/omnissa-sp/rules/engine';
import type { Finding } from '$lib/domain/finding';
import { revisionFacts } from '$lib/rules/revision-facts';
import { PROFILE_KEY, type PartnerDeskDatabase } from './db';
import { readLines } from './line-pages';

/** The tables a stored check reads; a transaction that checks must include them. */
export function reviewTables(db: PartnerDeskDatabase) {
	return [db.reports, db.lineChunks, db.leftOutRows, db.enrollments, db.settings];
}

/** The pack the partner uses (built-in values with their overrides) and their time zone. */
export async function reviewContext(
	db: PartnerDeskDatabase
): Promise<{ pack: OmnissaSpPack; timeZone: string }> {
	const enrollment = await db.enrollments.get(omnissaSpProgram.id);
	const profile = await db.settings.get(PROFILE_KEY);
	return {
		pack: effectiveOmnissaPack(enrollment?.packOverrides).pack,
		timeZone: profile?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone
	};
}

/**
 * Checks a stored revision as the report page does: its stored lines, last month's delivered
 * report, the effective pack, the partner's zone. Marking ready and signing use this, never
 * findings handed in by a page (which may be stale, or from another pack).
 */
export async function checkStoredRevision(
	db: PartnerDeskDatabase,
	options: { revision: ReportRevision; now: Date; lines?: readonly UsageLine[] }
): Promise<{ findings: Finding[]; pack: OmnissaSpPack; lines: readonly UsageLine[] }> {
	const { revision, now } = options;
	const { pack, timeZone } = await reviewContext(db);
	const lines = options.lines ?? (await readLines(db, revision.id));
	const month = await db.reports
		.where('[programId+period]')
		.equals([revision.programId, shiftPeriod(revision.period, -1)])
		.toArray();
	const previous = previousRevision(revision, month);
	const facts = revisionFacts({
		revision,
		lines,
		previous: previous && { revision: previous, lines: await readLines(db, previous.id) },
		leftOut: await db.leftOutRows.get(revision.id),
		timeZone,
		now
	});
	return { findings: checkReport({ facts, pack }), pack, lines };
}

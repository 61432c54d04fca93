import { isFrozen } from '$lib/domain/report';
import {
	reviewChecklist,
	scopePeriods,
	type ChecklistItem,
	type PeriodEvidence,
	type RecordEvidence,
	type ReviewRequest
} from '$lib/domain/review-request';
import { programById } from '$lib/programs/registry';
import { summarizeReview } from '$lib/rules/review-summary';
import type { PartnerDeskDatabase } from './db';
import { checkStoredRevision } from './review-check';
import { readBundleHead } from './evidence-source';

/** The evidence per month of a review's scope: the current revision, its bundles, open warnings. */
export async function periodEvidence(
	db: PartnerDeskDatabase,
	review: Pick<ReviewRequest, 'programId' | 'scope'>,
	now = new Date()
): Promise<PeriodEvidence[]> {
	const out: PeriodEvidence[] = [];
	for (const period of scopePeriods(review.scope)) {
		const month = await db.reports
			.where('[programId+period]')
			.equals([review.programId, period])
			.toArray();
		const current = month
			.filter((r) => r.state !== 'superseded')
			.sort((a, b) => b.revision - a.revision)[0];
		if (!current) {
			out.push({ period, bundles: [] });
			continue;
		}
		const bundles = (await db.bundles.where('revisionId').equals(current.id).toArray()).filter(
			(b) => b.state !== 'withdrawn'
		);
		let openWarnings: number;
		if (isFrozen(current.state) && bundles.length > 0) {
			// What went out is what counts: the signed findings with their acknowledgements.
			const payload = await readBundleHead(db, bundles[0].bundleId);
			openWarnings = payload.findings.filter(
				(f) => f.severity === 'warning' && !f.acknowledged
			).length;
		} else {
			const { findings } = await checkStoredRevision(db, { revision: current, now });
			openWarnings = summarizeReview({
				findings,
				acknowledged: current.acknowledgements
			}).openWarnings;
		}
		out.push({
			period,
			report: { revisionId: current.id, state: current.state, openWarnings },
			bundles: bundles.map((b) => ({ bundleId: b.bundleId, receipt: b.receipt !== undefined }))
		});
	}
	return out;
}

/** The checklist's record needs and the program record kinds that answer them (issue 12). */
const RECORD_KINDS = { contracts: 'contract', 'customer-register': 'customer' } as const;

/**
 * The records a review asks for that the program keeps, counted: commit contracts and the
 * customer register where the program keeps them. Revenue and training are not kept yet: left
 * out, so the checklist says "not tracked".
 */
async function recordEvidence(db: PartnerDeskDatabase, programId: string): Promise<RecordEvidence> {
	const program = programById(programId);
	const evidence: RecordEvidence = {};
	for (const [need, kind] of Object.entries(RECORD_KINDS) as [
		keyof typeof RECORD_KINDS,
		string
	][]) {
		if (!program?.records?.[kind]) continue;
		const count = await db.programRecords
			.where('[programId+kind]')
			.equals([programId, kind])
			.count();
		evidence[need] = { count };
	}
	return evidence;
}

/** The review's checklist from what is stored. */
export async function reviewChecklistFor(
	db: PartnerDeskDatabase,
	review: ReviewRequest,
	now = new Date()
): Promise<ChecklistItem[]> {
	return reviewChecklist({
		review,
		periods: await periodEvidence(db, review, now),
		records: await recordEvidence(db, review.programId)
	});
}

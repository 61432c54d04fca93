import { ReviewRequestSchema, type ReviewRequest } from '$lib/domain/review-request';
import { audit, withAuditTables } from './audit';
import type { PartnerDeskDatabase } from './db';
import { guardStorage } from './errors';

/*
 * The review requests themselves, apart from their checklist (review-repo.ts): the Desk lists
 * open reviews, and importing the checklist would bring the rules engine into its first load.
 */

/** Adds or updates a review request (validated), audited with its status before and after. */
export async function saveReview(
	db: PartnerDeskDatabase,
	review: ReviewRequest,
	now = new Date()
): Promise<ReviewRequest> {
	const valid = ReviewRequestSchema.parse({ ...review, updatedAt: now.toISOString() });
	return guardStorage(() =>
		db.transaction('rw', withAuditTables(db, db.reviews), async () => {
			const before = await db.reviews.get(valid.id);
			await db.reviews.put(valid);
			await audit(
				db,
				{
					action: 'review-saved',
					program: valid.programId,
					detail: { review: valid.id, reference: valid.reference, dueDate: valid.dueDate },
					before: before && { status: before.status },
					after: { status: valid.status }
				},
				valid.updatedAt
			);
			return valid;
		})
	);
}

/** Review requests, open ones first, each group by due date. */
export async function listReviews(db: PartnerDeskDatabase): Promise<ReviewRequest[]> {
	const reviews = await guardStorage(() => db.reviews.orderBy('dueDate').toArray());
	return reviews.sort((a, b) => Number(a.status !== 'open') - Number(b.status !== 'open'));
}

import { isPeriod, type Period } from '$lib/domain/period';
import type { ReviewRequest, ReviewScope } from '$lib/domain/review-request';
import type { MessageKey } from '$lib/i18n/translate';

/** What the review form holds while the user types: every field as text. */
export type ReviewDraft = {
	source: 'vendor' | 'aggregator';
	aggregatorId: string;
	programId: string;
	reference: string;
	scopeKind: 'periods' | 'year';
	/** Months as the user typed them: "2026-09, 2026-10". */
	periods: string;
	year: string;
	dueDate: string;
};

export type ReviewDraftField =
	'aggregatorId' | 'programId' | 'reference' | 'periods' | 'year' | 'dueDate';

export function emptyReviewDraft(programId = ''): ReviewDraft {
	return {
		source: 'vendor',
		aggregatorId: '',
		programId,
		reference: '',
		scopeKind: 'periods',
		periods: '',
		year: '',
		dueDate: ''
	};
}

/** The months of a typed list, split at commas, semicolons or spaces; undefined if one is no month. */
export function parsePeriods(text: string): Period[] | undefined {
	const parts = text.split(/[\s,;]+/).filter(Boolean);
	if (parts.length === 0 || !parts.every(isPeriod)) return undefined;
	return parts as Period[];
}

/**
 * The request a draft describes, or the message key of each field that is wrong. The store
 * validates again (ReviewRequestSchema); this names the fields in the user's words first.
 */
export function reviewFromDraft(
	draft: ReviewDraft,
	options: { id: string; now: Date }
): { review: ReviewRequest } | { errors: Partial<Record<ReviewDraftField, MessageKey>> } {
	const errors: Partial<Record<ReviewDraftField, MessageKey>> = {};
	if (!draft.programId) errors.programId = 'reviews.error.program';
	if (draft.source === 'aggregator' && !draft.aggregatorId)
		errors.aggregatorId = 'reviews.error.aggregator';
	if (!draft.reference.trim()) errors.reference = 'reviews.error.reference';
	let scope: ReviewScope | undefined;
	if (draft.scopeKind === 'periods') {
		const periods = parsePeriods(draft.periods);
		if (periods) scope = { kind: 'periods', periods };
		else errors.periods = 'reviews.error.periods';
	} else {
		const year = Number(draft.year.trim());
		if (/^\d{4}$/.test(draft.year.trim()) && year >= 2000) scope = { kind: 'year', year };
		else errors.year = 'reviews.error.year';
	}
	if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.dueDate) || Number.isNaN(Date.parse(draft.dueDate)))
		errors.dueDate = 'reviews.error.dueDate';
	if (Object.keys(errors).length > 0 || !scope) return { errors };
	const at = options.now.toISOString();
	return {
		review: {
			id: options.id,
			source: draft.source,
			...(draft.source === 'aggregator' ? { aggregatorId: draft.aggregatorId } : {}),
			programId: draft.programId,
			reference: draft.reference.trim(),
			scope,
			dueDate: draft.dueDate,
			status: 'open',
			notes: '',
			createdAt: at,
			updatedAt: at
		}
	};
}

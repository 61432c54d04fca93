import { describe, expect, it } from 'vitest';
import { ReviewRequestSchema } from '$lib/domain/review-request';
import { emptyReviewDraft, parsePeriods, reviewFromDraft } from './review-draft';

const id = '5b0c7f7e-2a55-4f7a-9a52-1f4c3f2d9e10';
const now = new Date('2026-11-20T09:00:00.000Z');

describe('the review form’s draft', () => {
	it('reads months separated by commas, semicolons or spaces, and refuses anything else', () => {
		expect(parsePeriods('2026-09, 2026-10;2026-11  2026-12')).toEqual([
			'2026-09',
			'2026-10',
			'2026-11',
			'2026-12'
		]);
		expect(parsePeriods('')).toBeUndefined();
		expect(parsePeriods('2026-13')).toBeUndefined();
		expect(parsePeriods('2026-09, Sept')).toBeUndefined();
	});

	it('builds a valid request from an aggregator for months', () => {
		const result = reviewFromDraft(
			{
				...emptyReviewDraft('omnissa-sp'),
				source: 'aggregator',
				aggregatorId: 'also-de',
				reference: '  CR-2026-118 ',
				periods: '2026-09, 2026-10',
				dueDate: '2026-12-01'
			},
			{ id, now }
		);
		if (!('review' in result)) throw new Error(JSON.stringify(result.errors));
		expect(result.review).toEqual({
			id,
			source: 'aggregator',
			aggregatorId: 'also-de',
			programId: 'omnissa-sp',
			reference: 'CR-2026-118',
			scope: { kind: 'periods', periods: ['2026-09', '2026-10'] },
			dueDate: '2026-12-01',
			status: 'open',
			notes: '',
			createdAt: '2026-11-20T09:00:00.000Z',
			updatedAt: '2026-11-20T09:00:00.000Z'
		});
		expect(ReviewRequestSchema.safeParse(result.review).success).toBe(true);
	});

	it('a vendor’s request for a year carries no aggregator', () => {
		const result = reviewFromDraft(
			{
				...emptyReviewDraft('genesys-appfoundry'),
				aggregatorId: 'also-de',
				reference: 'Annual review 2026',
				scopeKind: 'year',
				year: '2026',
				dueDate: '2026-12-15'
			},
			{ id, now }
		);
		if (!('review' in result)) throw new Error(JSON.stringify(result.errors));
		expect(result.review.scope).toEqual({ kind: 'year', year: 2026 });
		expect(result.review).not.toHaveProperty('aggregatorId');
	});

	it('names every wrong field', () => {
		expect(
			reviewFromDraft(
				{ ...emptyReviewDraft(), source: 'aggregator', periods: '09/2026' },
				{ id, now }
			)
		).toEqual({
			errors: {
				programId: 'reviews.error.program',
				aggregatorId: 'reviews.error.aggregator',
				reference: 'reviews.error.reference',
				periods: 'reviews.error.periods',
				dueDate: 'reviews.error.dueDate'
			}
		});
		expect(
			reviewFromDraft(
				{
					...emptyReviewDraft('omnissa-sp'),
					reference: 'x',
					scopeKind: 'year',
					year: '26',
					dueDate: '2026-12-01'
				},
				{ id, now }
			)
		).toEqual({ errors: { year: 'reviews.error.year' } });
	});
});

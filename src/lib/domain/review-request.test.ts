import { describe, expect, it } from 'vitest';
import { toPeriod } from './period';
import {
	ReviewRequestSchema,
	reviewChecklist,
	reviewDaysLeft,
	scopePeriods
} from './review-request';

const review = {
	id: '5b0c7f7e-2a55-4f7a-9a52-1f4c3f2d9e10',
	source: 'aggregator' as const,
	aggregatorId: 'td-synnex-de',
	programId: 'omnissa-sp',
	reference: 'CR-2026-118',
	scope: { kind: 'periods' as const, periods: [toPeriod(2026, 10), toPeriod(2026, 9)] },
	dueDate: '2026-12-01',
	status: 'open' as const,
	notes: '',
	createdAt: '2026-11-20T09:00:00.000Z',
	updatedAt: '2026-11-20T09:00:00.000Z'
};

describe('review requests', () => {
	it('validates a request and names a bad field', () => {
		expect(ReviewRequestSchema.safeParse(review).success).toBe(true);
		const bad = ReviewRequestSchema.safeParse({ ...review, dueDate: '01.12.2026' });
		expect(bad.success).toBe(false);
		expect(!bad.success && bad.error.issues[0].path).toEqual(['dueDate']);
		const empty = ReviewRequestSchema.safeParse({
			...review,
			scope: { kind: 'periods', periods: [] }
		});
		expect(!empty.success && empty.error.issues[0].path).toEqual(['scope', 'periods']);
	});

	it('covers the months of its scope, oldest first', () => {
		expect(scopePeriods(review.scope)).toEqual(['2026-09', '2026-10']);
		const year = scopePeriods({ kind: 'year', year: 2026 });
		expect(year).toHaveLength(12);
		expect([year[0], year[11]]).toEqual(['2026-01', '2026-12']);
	});

	it('lists what the scope needs, present or missing, with a link to each', () => {
		const items = reviewChecklist({
			review,
			periods: [
				{
					period: toPeriod(2026, 9),
					report: { revisionId: 'rev-9', state: 'delivered', openWarnings: 0 },
					bundles: [{ bundleId: 'b-9', receipt: true }]
				},
				{
					period: toPeriod(2026, 10),
					report: { revisionId: 'rev-10', state: 'queued', openWarnings: 2 },
					bundles: [{ bundleId: 'b-10', receipt: false }]
				}
			],
			records: { contracts: { count: 1 }, 'customer-register': { count: 0 } }
		});
		expect(items).toEqual([
			{
				need: 'report',
				period: '2026-09',
				status: 'present',
				target: { kind: 'report', id: 'rev-9' }
			},
			{
				need: 'bundle-receipt',
				period: '2026-09',
				status: 'present',
				target: { kind: 'bundle', id: 'b-9' }
			},
			{
				need: 'findings-acknowledged',
				period: '2026-09',
				status: 'present',
				target: { kind: 'report', id: 'rev-9' }
			},
			{
				need: 'report',
				period: '2026-10',
				status: 'present',
				target: { kind: 'report', id: 'rev-10' }
			},
			{
				need: 'bundle-receipt',
				period: '2026-10',
				status: 'missing',
				target: { kind: 'bundle', id: 'b-10' }
			},
			{
				need: 'findings-acknowledged',
				period: '2026-10',
				status: 'missing',
				target: { kind: 'report', id: 'rev-10' }
			},
			{ need: 'contracts', status: 'present', target: { kind: 'records', id: 'contracts' } },
			{
				need: 'customer-register',
				status: 'missing',
				target: { kind: 'records', id: 'customer-register' }
			},
			{ need: 'revenue', status: 'not-tracked', target: undefined },
			{ need: 'training', status: 'not-tracked', target: undefined }
		]);
	});

	it('marks a month without a report missing, and asks only what the program needs', () => {
		const items = reviewChecklist({
			review: { scope: { kind: 'periods', periods: [toPeriod(2026, 8)] } },
			periods: [],
			records: {},
			needs: ['report', 'bundle-receipt', 'findings-acknowledged']
		});
		expect(items).toEqual([
			{ need: 'report', period: '2026-08', status: 'missing', target: undefined },
			{ need: 'bundle-receipt', period: '2026-08', status: 'missing', target: undefined }
		]);
	});
});

describe('a review’s countdown', () => {
	it('counts calendar days in the partner’s zone to the due day, negative once past', () => {
		// Due 2026-12-01. On 2026-11-28 at 22:30 UTC it is already 2026-11-28 23:30 in Berlin:
		// 3 days. At 23:30 UTC it is 00:30 on 2026-11-29 in Berlin: 2 days, in UTC still 3.
		expect(reviewDaysLeft('2026-12-01', new Date('2026-11-28T22:30:00Z'), 'Europe/Berlin')).toBe(3);
		expect(reviewDaysLeft('2026-12-01', new Date('2026-11-28T23:30:00Z'), 'Europe/Berlin')).toBe(2);
		expect(reviewDaysLeft('2026-12-01', new Date('2026-11-28T23:30:00Z'), 'UTC')).toBe(3);
		expect(reviewDaysLeft('2026-12-01', new Date('2026-12-01T20:00:00Z'), 'Europe/Berlin')).toBe(0);
		expect(reviewDaysLeft('2026-12-01', new Date('2026-12-03T08:00:00Z'), 'Europe/Berlin')).toBe(
			-2
		);
	});
});

import { render, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterAll, describe, expect, it } from 'vitest';
import { toPeriod } from '$lib/domain/period';
import type { ReviewRequest } from '$lib/domain/review-request';
import { wipeAll } from '$lib/store/backup-repo';
import { database } from '$lib/store/db';
import { saveReview } from '$lib/store/review-requests';
import { workspaceContext } from '$lib/ui/workspace.svelte';
import { testProfile, testWorkspace } from '../../tests/helpers/workspace';
import OpenReviews from './OpenReviews.svelte';

const base: Omit<ReviewRequest, 'id' | 'reference' | 'dueDate' | 'status'> = {
	source: 'vendor',
	programId: 'omnissa-sp',
	scope: { kind: 'periods', periods: [toPeriod(2026, 9)] },
	notes: '',
	createdAt: '2026-11-20T09:00:00.000Z',
	updatedAt: '2026-11-20T09:00:00.000Z'
};

afterAll(async () => wipeAll(await database()));

describe('the Desk’s card of open reviews', () => {
	it('lists the open ones, soonest first, and counts down as the clock ticks', async () => {
		const db = await database();
		const at = new Date('2026-11-20T09:00:00Z');
		await saveReview(
			db,
			{
				...base,
				id: crypto.randomUUID(),
				reference: 'LATER',
				dueDate: '2026-12-20',
				status: 'open'
			},
			at
		);
		await saveReview(
			db,
			{
				...base,
				id: crypto.randomUUID(),
				reference: 'SOON',
				dueDate: '2026-12-01',
				status: 'open'
			},
			at
		);
		await saveReview(
			db,
			{
				...base,
				id: crypto.randomUUID(),
				reference: 'DONE',
				dueDate: '2026-11-25',
				status: 'closed'
			},
			at
		);

		const workspace = testWorkspace({
			profile: testProfile({ language: 'en' }),
			now: new Date('2026-11-28T20:00:00Z')
		});
		render(OpenReviews, { context: workspaceContext(workspace) });

		const card = await screen.findByTestId('desk-reviews', {}, { timeout: 10_000 });
		const items = within(card).getAllByRole('listitem');
		// Berlin, November 28: December 1 is 3 days away, December 20 22 days.
		expect(items.map((item) => item.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
			'SOON due in 3 days Omnissa Service Provider · Months: September 2026',
			'LATER due in 22 days Omnissa Service Provider · Months: September 2026'
		]);
		expect(card).not.toHaveTextContent('DONE');

		workspace.setTime(new Date('2026-12-01T08:00:00Z'));
		await tick();
		expect(items[0]).toHaveTextContent('SOON due today');
		workspace.setTime(new Date('2026-12-02T08:00:00Z'));
		await tick();
		expect(within(card).getAllByRole('listitem')[0]).toHaveTextContent('SOON 1 day overdue');
		expect(within(card).getByRole('link', { name: 'Open the reviews' })).toHaveAttribute(
			'href',
			'/reviews'
		);
	});
});

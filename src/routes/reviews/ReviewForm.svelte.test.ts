import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReviewRequest } from '$lib/domain/review-request';
import { i18n } from '$lib/i18n/i18n.svelte';
import ReviewForm from './ReviewForm.svelte';

const programs = [
	{ id: 'omnissa-sp', name: 'Omnissa Service Provider' },
	{ id: 'genesys-appfoundry', name: 'Genesys AppFoundry ISV' }
];
const aggregators = [{ id: 'also-de', name: 'ALSO Deutschland' }];
const now = new Date('2026-11-20T09:00:00.000Z');

afterEach(() => {
	i18n.language = 'en';
});

describe('ReviewForm', () => {
	it('names each wrong field and stores nothing', async () => {
		const onsave = vi.fn(async () => {});
		render(ReviewForm, { programs, aggregators, now, onsave });

		await fireEvent.click(screen.getByRole('radio', { name: /An aggregator/ }));
		await fireEvent.input(screen.getByLabelText('Which months'), { target: { value: '09/2026' } });
		await fireEvent.click(screen.getByRole('button', { name: 'Record review' }));

		expect(onsave).not.toHaveBeenCalled();
		expect(screen.getByRole('status')).toHaveTextContent('Please correct the marked fields.');
		expect(screen.getByLabelText('Aggregator')).toHaveAccessibleDescription(
			'Choose the aggregator.'
		);
		expect(screen.getByLabelText('Reference')).toHaveAttribute('aria-invalid', 'true');
		expect(screen.getByText('Enter the requester’s reference.')).toBeInTheDocument();
		expect(screen.getByText('Enter one or more months as YYYY-MM, e.g. 2026-09.')).toBeVisible();
		expect(screen.getByLabelText('Answer due by')).toHaveAccessibleDescription(
			'Enter the date the answer is due.'
		);
	});

	it('records an aggregator’s request for two months and empties the form', async () => {
		const onsave = vi.fn(async (review: ReviewRequest) => void review);
		render(ReviewForm, { programs, aggregators, now, onsave });

		await fireEvent.change(screen.getByLabelText('Program'), {
			target: { value: 'genesys-appfoundry' }
		});
		await fireEvent.click(screen.getByRole('radio', { name: /An aggregator/ }));
		await fireEvent.change(screen.getByLabelText('Aggregator'), { target: { value: 'also-de' } });
		await fireEvent.input(screen.getByLabelText('Reference'), { target: { value: 'CR-2026-118' } });
		await fireEvent.input(screen.getByLabelText('Which months'), {
			target: { value: '2026-10, 2026-09' }
		});
		await fireEvent.input(screen.getByLabelText('Answer due by'), {
			target: { value: '2026-12-01' }
		});
		await fireEvent.click(screen.getByRole('button', { name: 'Record review' }));

		expect(onsave).toHaveBeenCalledTimes(1);
		const review = onsave.mock.calls[0][0];
		expect(review).toMatchObject({
			source: 'aggregator',
			aggregatorId: 'also-de',
			programId: 'genesys-appfoundry',
			reference: 'CR-2026-118',
			scope: { kind: 'periods', periods: ['2026-10', '2026-09'] },
			dueDate: '2026-12-01',
			status: 'open',
			createdAt: '2026-11-20T09:00:00.000Z'
		});
		expect(await screen.findByText('Review CR-2026-118 recorded.')).toBeInTheDocument();
		expect(screen.getByLabelText('Reference')).toHaveValue('');
		expect(screen.getByLabelText('Program')).toHaveValue('genesys-appfoundry');
	});

	it('in German, a calendar year', async () => {
		i18n.language = 'de';
		const onsave = vi.fn(async (review: ReviewRequest) => void review);
		render(ReviewForm, { programs, aggregators, now, onsave });
		await fireEvent.input(screen.getByLabelText('Aktenzeichen'), {
			target: { value: 'Jahresprüfung 2026' }
		});
		await fireEvent.click(screen.getByRole('radio', { name: 'Ein Kalenderjahr' }));
		await fireEvent.input(screen.getByLabelText('Jahr'), { target: { value: '2026' } });
		await fireEvent.input(screen.getByLabelText('Antwort fällig bis'), {
			target: { value: '2026-12-15' }
		});
		await fireEvent.click(screen.getByRole('button', { name: 'Prüfung erfassen' }));
		expect(onsave.mock.calls[0][0]).toMatchObject({
			source: 'vendor',
			programId: 'omnissa-sp',
			scope: { kind: 'year', year: 2026 }
		});
	});
});

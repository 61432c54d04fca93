import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toPeriod } from '$lib/domain/period';
import type { ChecklistItem, ReviewRequest } from '$lib/domain/review-request';
import { i18n } from '$lib/i18n/i18n.svelte';
import ReviewCard from './ReviewCard.svelte';

const review: ReviewRequest = {
	id: '5b0c7f7e-2a55-4f7a-9a52-1f4c3f2d9e10',
	source: 'aggregator',
	aggregatorId: 'also-de',
	programId: 'omnissa-sp',
	reference: 'CR-2026-118',
	scope: { kind: 'periods', periods: [toPeriod(2026, 10), toPeriod(2026, 9)] },
	dueDate: '2026-12-01',
	status: 'open',
	notes: 'Asked by phone first',
	createdAt: '2026-11-20T09:00:00.000Z',
	updatedAt: '2026-11-20T09:00:00.000Z'
};

const september = toPeriod(2026, 9);
const october = toPeriod(2026, 10);
const checklist: ChecklistItem[] = [
	{ need: 'report', period: september, status: 'present', target: { kind: 'report', id: 'rev-9' } },
	{
		need: 'bundle-receipt',
		period: september,
		status: 'present',
		target: { kind: 'bundle', id: 'b-9' }
	},
	{
		need: 'findings-acknowledged',
		period: september,
		status: 'missing',
		target: { kind: 'report', id: 'rev-9' }
	},
	{ need: 'report', period: october, status: 'missing' },
	{ need: 'bundle-receipt', period: october, status: 'missing' },
	{ need: 'contracts', status: 'not-tracked' },
	{ need: 'training', status: 'not-tracked' }
];

afterEach(() => {
	i18n.language = 'en';
});

function renderCard(changes: Partial<Parameters<typeof render<typeof ReviewCard>>[1]> = {}) {
	const onupdate = vi.fn(async () => {});
	const onexport = vi.fn(async () => 'Evidence pack saved: 14 files.');
	render(ReviewCard, {
		review,
		programName: 'Omnissa Service Provider',
		aggregatorName: 'ALSO Deutschland',
		checklist,
		// 2026-11-28 evening in Berlin: December 1 is 3 calendar days away.
		now: new Date('2026-11-28T20:00:00Z'),
		timeZone: 'Europe/Berlin',
		onupdate,
		onexport,
		...changes
	});
	return { onupdate, onexport };
}

describe('ReviewCard', () => {
	it('shows who asked, the scope, the countdown and each item with its state and link', () => {
		renderCard();
		const card = screen.getByRole('article', { name: 'CR-2026-118' });
		expect(card).toHaveTextContent('Open · due in 3 days');
		expect(card).toHaveTextContent('Requested by ALSO Deutschland · Omnissa Service Provider');
		expect(card).toHaveTextContent('Months: September 2026, October 2026 · Due December 1, 2026');

		// Present: September's report and receipt; missing: its acknowledgements, October's two.
		expect(card.querySelector('summary')).toHaveTextContent(
			'What the scope needs: 2 present, 3 missing'
		);
		const items = within(card)
			.getAllByRole('listitem')
			.map((item) => item.textContent?.replace(/\s+/g, ' ').trim());
		expect(items).toEqual([
			'Usage report September 2026 Present Open the report',
			'Delivered, with the aggregator’s receipt: September 2026 Present Open in Sync',
			'Every warning acknowledged: September 2026 Missing Open the report',
			'Usage report October 2026 Missing Import it',
			'Delivered, with the aggregator’s receipt: October 2026 Missing',
			'Contracts Not kept by this version yet',
			'Training evidence Not kept by this version yet'
		]);
		const reportLinks = within(card).getAllByRole('link', { name: 'Open the report' });
		expect(reportLinks[0]).toHaveAttribute('href', '/reports/rev-9');
		expect(within(card).getByRole('link', { name: 'Open in Sync' })).toHaveAttribute(
			'href',
			'/sync'
		);
		expect(within(card).getByRole('link', { name: 'Import it' })).toHaveAttribute(
			'href',
			'/reports'
		);
	});

	it('saves status and notes, and exports the pack', async () => {
		const { onupdate, onexport } = renderCard();
		expect(screen.getByLabelText('Notes')).toHaveValue('Asked by phone first');
		await fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'answered' } });
		await fireEvent.input(screen.getByLabelText('Notes'), {
			target: { value: 'Pack sent on 2026-11-29' }
		});
		await fireEvent.click(screen.getByRole('button', { name: 'Save notes and status' }));
		expect(onupdate).toHaveBeenCalledWith({ status: 'answered', notes: 'Pack sent on 2026-11-29' });
		expect(await screen.findByText(/Saved\./)).toBeInTheDocument();

		await fireEvent.click(screen.getByRole('button', { name: 'Export evidence pack' }));
		expect(onexport).toHaveBeenCalledTimes(1);
		expect(await screen.findByText(/Evidence pack saved: 14 files\./)).toBeInTheDocument();
	});

	it('overdue, in German, from the vendor', () => {
		i18n.language = 'de';
		renderCard({
			review: { ...review, source: 'vendor', aggregatorId: undefined },
			now: new Date('2026-12-03T09:00:00Z'),
			checklist: undefined
		});
		const card = screen.getByRole('article', { name: 'CR-2026-118' });
		expect(card).toHaveTextContent('Offen · seit 2 Tagen überfällig');
		expect(card).toHaveTextContent('Angefordert vom Hersteller · Omnissa Service Provider');
		expect(card).toHaveTextContent('Gespeicherte Daten werden geprüft …');
	});
});

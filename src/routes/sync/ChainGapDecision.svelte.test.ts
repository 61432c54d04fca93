import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '$lib/i18n/i18n.svelte';
import type { AggregatorHead } from '$lib/sync/chain-gap';
import ChainGapDecision from './ChainGapDecision.svelte';

const head = {
	digest: 'H'.repeat(43),
	bundleId: '11111111-2222-4333-8444-555555555555'
} as AggregatorHead;

afterEach(() => {
	i18n.language = 'en';
});

describe('ChainGapDecision', () => {
	it('explains, and signs again only after the user confirms', async () => {
		const oncontinue = vi.fn(async () => {});
		render(ChainGapDecision, { head, count: 2, aggregator: 'ALSO', busy: false, oncontinue });

		const group = screen.getByRole('group', { name: 'Another device has delivered meanwhile' });
		expect(group).toHaveTextContent(
			'ALSO already has a newer report from you, sent from another device or installation.'
		);
		expect(group).toHaveTextContent(
			'Newest report from you at ALSO: bundle 11111111-2222-4333-8444-555555555555'
		);
		expect(group).toHaveTextContent('1 report waits after it and is signed again with it');

		await fireEvent.click(screen.getByRole('button', { name: 'Sign again and send…' }));
		expect(oncontinue).not.toHaveBeenCalled();
		const yes = screen.getByRole('button', { name: 'Yes, sign again and send' });
		expect(yes).toHaveAccessibleDescription(
			"Sign 2 reports again with this device's key, linked to ALSO's newest report, and send them?"
		);
		await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
		expect(oncontinue).not.toHaveBeenCalled();

		await fireEvent.click(screen.getByRole('button', { name: 'Sign again and send…' }));
		await fireEvent.click(screen.getByRole('button', { name: 'Yes, sign again and send' }));
		expect(oncontinue).toHaveBeenCalledTimes(1);
	});

	it('in German, for an aggregator that holds nothing yet', async () => {
		i18n.language = 'de';
		render(ChainGapDecision, {
			head: { digest: null, bundleId: null },
			count: 1,
			aggregator: 'ALSO',
			busy: false,
			oncontinue: async () => {}
		});
		const group = screen.getByRole('group', {
			name: 'Ein anderes Gerät hat inzwischen Berichte zugestellt'
		});
		expect(group).toHaveTextContent('ALSO hat noch keinen Bericht von Ihnen');
		expect(group).toHaveTextContent('Er kann als Ihr erster Bericht an ALSO neu signiert');
		expect(group).not.toHaveTextContent('Paket');
		expect(screen.getByRole('button', { name: 'Neu signieren und senden…' })).toBeEnabled();
	});
});

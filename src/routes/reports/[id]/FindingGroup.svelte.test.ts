import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '$lib/i18n/i18n.svelte';
import type { Finding } from '$lib/domain/finding';
import type { FindingGroupView } from '$lib/worker/report-check-protocol';
import FindingGroup from './FindingGroup.svelte';

afterEach(() => {
	cleanup();
	i18n.language = 'en';
});

/** A line-total finding about file line `line`. */
function mismatch(line: number): Finding {
	return {
		ruleId: 'line-total-mismatch',
		severity: 'blocking',
		subject: { kind: 'line', line },
		numbers: {},
		message: { en: `Line ${line}: total differs`, de: `Zeile ${line}: Summe weicht ab` },
		fixHint: { en: 'Correct it.', de: 'Korrigieren.' },
		pack: { id: 'omnissa-sp', version: '1.0.0' }
	};
}

const all = Array.from({ length: 1204 }, (_, i) => mismatch(2 + i));
const group: FindingGroupView = {
	key: 'blocking|line-total-mismatch',
	ruleId: 'line-total-mismatch',
	severity: 'blocking',
	subject: 'line',
	count: all.length,
	first: all.slice(0, 20)
};
const item = createRawSnippet((finding: () => Finding) => ({
	render: () => `<li class="finding">${finding().message.en}</li>`
}));

describe('FindingGroup', () => {
	it('names the rule with its count, folded, and pages through the worker', async () => {
		const loadPage = vi.fn(async (_group: string, offset: number, limit: number) =>
			all.slice(offset, offset + limit)
		);
		const { container } = render(FindingGroup, { group, item, loadPage });
		const summary = screen.getByText('Line total differs', { exact: false });
		expect(summary.closest('summary')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
			'Line total differs — 1,204 lines Blocking'
		);
		// Folded: 1,204 findings are not rendered until asked for.
		expect(container.querySelectorAll('li.finding')).toHaveLength(0);

		await fireEvent.click(container.querySelector('summary')!);
		await waitFor(() => expect(container.querySelectorAll('li.finding')).toHaveLength(20));
		expect(screen.getByText('Findings 1–20 of 1,204')).toBeInTheDocument();
		expect(loadPage).not.toHaveBeenCalled();

		await fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
		await waitFor(() => expect(screen.getByText('Line 22: total differs')).toBeInTheDocument());
		expect(loadPage).toHaveBeenCalledWith('blocking|line-total-mismatch', 20, 20);
		expect(screen.getByText('Findings 21–40 of 1,204')).toBeInTheDocument();

		await fireEvent.click(screen.getByRole('button', { name: 'Last page' }));
		await waitFor(() => expect(screen.getByText('Line 1205: total differs')).toBeInTheDocument());
		expect(loadPage).toHaveBeenLastCalledWith('blocking|line-total-mismatch', 1200, 4);
		expect(container.querySelectorAll('li.finding')).toHaveLength(4);
	});

	it('starts open when the group is small, in German with German numbers', async () => {
		i18n.language = 'de';
		const small = { ...group, count: 3, first: all.slice(0, 3) };
		const { container } = render(FindingGroup, { group: small, item, loadPage: vi.fn() });
		expect(container.querySelector('summary')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
			'Zeilensumme weicht ab — 3 Zeilen Blockierend'
		);
		expect(container.querySelectorAll('li.finding')).toHaveLength(3);
		const big = { ...group, count: 1204 };
		cleanup();
		render(FindingGroup, { group: big, item, loadPage: vi.fn() });
		expect(screen.getByText(/1\.204 Zeilen/)).toBeInTheDocument();
	});
});

import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditAction, AuditEntry } from '$lib/domain/audit-entry';
import { i18n } from '$lib/i18n/i18n.svelte';
import { chainAuditEntry, verifyAuditChain } from '$lib/sync/audit-chain';
import AuditLogView from './AuditLogView.svelte';

const programs = [
	{ id: 'omnissa-sp', name: 'Omnissa Service Provider' },
	{ id: 'genesys-appfoundry', name: 'Genesys AppFoundry ISV' }
];
const log: AuditEntry[] = [];

/**
 * Twelve entries: 1 settings, then for September and October of Omnissa an import, an
 * acknowledgement and a signing each (2-7), then five Genesys imports for 2026-01…05 (8-12).
 */
beforeAll(async () => {
	const bodies: [AuditAction, string | undefined, string | undefined][] = [
		['settings-saved', undefined, undefined],
		['imported', 'omnissa-sp', '2026-09'],
		['acknowledged', 'omnissa-sp', '2026-09'],
		['signed', 'omnissa-sp', '2026-09'],
		['imported', 'omnissa-sp', '2026-10'],
		['acknowledged', 'omnissa-sp', '2026-10'],
		['signed', 'omnissa-sp', '2026-10'],
		...[1, 2, 3, 4, 5].map(
			(m) => ['imported', 'genesys-appfoundry', `2026-0${m}`] as [AuditAction, string, string]
		)
	];
	let head: string | null = null;
	for (const [i, [action, program, period]] of bodies.entries()) {
		const entry = await chainAuditEntry(
			{
				seq: i + 1,
				at: new Date(Date.UTC(2026, 10, 1, 8, i)).toISOString(),
				who: 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs',
				action,
				program,
				period,
				detail: { lines: 10 + i },
				...(action === 'signed' ? { before: { state: 'ready' }, after: { state: 'signed' } } : {})
			},
			head
		);
		log.push(entry);
		head = entry.hash;
	}
});

afterEach(() => {
	i18n.language = 'en';
});

const seqs = () =>
	screen
		.queryAllByRole('row')
		.slice(1)
		.map((row) => Number(row.getAttribute('data-seq')));

function renderView(entries: AuditEntry[] = log) {
	const onexport = vi.fn(async () => 'exported');
	render(AuditLogView, {
		entries,
		programs,
		timeZone: 'Europe/Berlin',
		pageSize: 5,
		onverify: () => verifyAuditChain({ entries }),
		onexport
	});
	return { onexport };
}

describe('AuditLogView', () => {
	it('shows the newest entries first, a page at a time, with what each changed', async () => {
		renderView();
		expect(seqs()).toEqual([12, 11, 10, 9, 8]);
		expect(screen.getByText('Entries 1–5 of 12')).toBeInTheDocument();
		await fireEvent.click(screen.getByRole('button', { name: 'Last page' }));
		expect(seqs()).toEqual([2, 1]);
		expect(screen.getByText('Entries 11–12 of 12')).toBeInTheDocument();
		await fireEvent.click(screen.getByRole('button', { name: 'Previous page' }));
		expect(seqs()).toEqual([7, 6, 5, 4, 3]);
		const signed = screen.getAllByRole('row').find((row) => row.dataset.seq === '7')!;
		const cells = within(signed)
			.getAllByRole('cell')
			.map((cell) => cell.textContent?.trim());
		// 08:06 UTC on November 1 is 09:06 in Berlin (CET).
		expect(cells).toEqual([
			'7',
			'Nov 1, 2026, 9:06 AM',
			'Signed',
			'Omnissa Service Provider · October 2026',
			'state: ready → signed · lines: 16',
			'NzbLsXh8'
		]);
	});

	it('filters by month, program and kind, back to the first page, and exports what it shows', async () => {
		const { onexport } = renderView();
		await fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
		await fireEvent.input(screen.getByLabelText('Month'), { target: { value: '2026-09' } });
		expect(seqs()).toEqual([4, 3, 2]);
		await fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'signed' } });
		expect(seqs()).toEqual([4]);
		await fireEvent.input(screen.getByLabelText('Month'), { target: { value: '' } });
		await fireEvent.change(screen.getByLabelText('Program'), {
			target: { value: 'omnissa-sp' }
		});
		expect(seqs()).toEqual([7, 4]);
		await fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
		expect(onexport).toHaveBeenCalledWith({ program: 'omnissa-sp', kinds: ['signed'] }, 'csv');

		await fireEvent.input(screen.getByLabelText('Month'), { target: { value: 'Sept' } });
		expect(screen.getByLabelText('Month')).toHaveAccessibleDescription(
			'Enter one or more months as YYYY-MM, e.g. 2026-09. As YYYY-MM; empty for all months.'
		);
		await fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
		expect(onexport).toHaveBeenLastCalledWith(
			{ program: 'omnissa-sp', kinds: ['signed'] },
			'jsonl'
		);
	});

	it('Verify says the untouched chain is intact', async () => {
		renderView();
		await fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
		expect(
			await screen.findByText('The log is intact: 12 entries, each linked to the one before.')
		).toBeInTheDocument();
	});

	it('in German: an edited entry is named', async () => {
		i18n.language = 'de';
		const edited = log.map((entry) =>
			entry.seq === 5 ? { ...entry, detail: { lines: 9999 } } : entry
		);
		renderView(edited);
		await fireEvent.click(screen.getByRole('button', { name: 'Prüfen' }));
		expect(
			await screen.findByText(
				'Das Protokoll ist bei Eintrag Nr. 5 gebrochen: Sein Inhalt wurde nach dem Schreiben geändert.'
			)
		).toHaveAttribute('data-testid', 'audit-verdict');
	});
});

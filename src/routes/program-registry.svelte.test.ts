import { render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '$lib/i18n/i18n.svelte';
import { PROGRAM_UIS } from '$lib/ui/programs/registry';
import { workspaceContext } from '$lib/ui/workspace.svelte';
import { dummyProgramUi } from '../../tests/dummy-program';
import { testProfile, testWorkspace } from '../../tests/helpers/workspace';
import Desk from './+page.svelte';
import Settings from './settings/+page.svelte';

/** A program's sections are loaded when shown (import()): on a busy machine that takes seconds. */
const LAZY = { timeout: 10_000 };

afterEach(() => {
	i18n.language = 'en';
});

/** The app's programs and a third one that joins through its own folder and the list alone. */
const programs = [...PROGRAM_UIS, dummyProgramUi];

function workspaceWithDummy() {
	return testWorkspace({
		profile: testProfile({
			language: 'en',
			partnerIds: { 'omnissa-sp': 'SP-4711', 'dummy-program': 'DP-1' }
		}),
		enrollments: [
			{ programId: 'omnissa-sp', enrolledAt: '2026-01-05T08:00:00.000Z' },
			{ programId: 'dummy-program', enrolledAt: '2026-01-05T08:00:00.000Z' }
		],
		now: new Date('2026-11-03T10:00:00Z'),
		programs
	});
}

describe('a program added through the registry', () => {
	it('appears on the Desk with its section and its deadline rule', async () => {
		render(Desk, { context: workspaceContext(workspaceWithDummy()) });

		const list = document.querySelector('[aria-labelledby="programs-heading"]') as HTMLElement;
		const entries = within(list).getAllByRole('listitem');
		expect(entries.map((entry) => entry.querySelector('strong')?.textContent)).toEqual([
			'Omnissa Service Provider',
			'Test Program'
		]);
		expect(entries[1]).toHaveTextContent('Monthly attestation');
		expect(entries[1]).toHaveTextContent('Partner id: DP-1');
		expect(await within(entries[1]).findByTestId('dummy-desk', {}, LAZY)).toHaveTextContent(
			'Pack 1.0.0'
		);

		// Its rule: October's attestation is due on November 10; on November 3 that is 7 days
		// away, sooner than Omnissa's October report (end of November 15, 12 days).
		const deadlines = document.querySelector(
			'[aria-labelledby="deadlines-heading"]'
		) as HTMLElement;
		const items = within(deadlines).getAllByRole('listitem');
		expect(items).toHaveLength(2);
		expect(items[0]).toHaveTextContent('Test Program');
		expect(items[0]).toHaveTextContent('Usage report October 2026 due in 7 days');
		expect(items[1]).toHaveTextContent('Omnissa Service Provider');
		expect(items[1]).toHaveTextContent('due in 12 days');
	});

	it('is not on the Desk when the partner is not enrolled in it', () => {
		const workspace = testWorkspace({
			profile: testProfile({ language: 'en' }),
			enrollments: [{ programId: 'omnissa-sp', enrolledAt: '2026-01-05T08:00:00.000Z' }],
			now: new Date('2026-11-03T10:00:00Z'),
			programs
		});
		render(Desk, { context: workspaceContext(workspace) });
		expect(screen.queryByTestId('dummy-desk')).toBeNull();
		expect(document.body).not.toHaveTextContent('Test Program');
	});

	it('appears in Settings: enrollment, partner id and its settings section', async () => {
		render(Settings, { context: workspaceContext(workspaceWithDummy()) });

		const enroll = screen.getByRole('checkbox', { name: /Test Program/ });
		expect(enroll).toBeChecked();
		expect(screen.getByRole('checkbox', { name: /Omnissa Service Provider/ })).toBeChecked();
		expect(screen.getByRole('checkbox', { name: /Genesys AppFoundry ISV/ })).not.toBeChecked();
		expect(screen.getByLabelText('Partner id for Test Program')).toHaveValue('DP-1');
		expect(await screen.findByTestId('dummy-settings', {}, LAZY)).toHaveTextContent(
			'Attestation settings'
		);
		// Omnissa's own section is still there: the link to its pack parameters.
		expect(await screen.findByRole('link', { name: /pack/i }, LAZY)).toHaveAttribute(
			'href',
			'/settings/pack'
		);
	});
});

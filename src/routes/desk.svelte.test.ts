import { render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '$lib/i18n/i18n.svelte';
import { workspaceContext } from '$lib/ui/workspace.svelte';
import { testProfile, testWorkspace } from '../../tests/helpers/workspace';
import Desk from './+page.svelte';

afterEach(() => {
	i18n.language = 'en';
});

describe('the Desk reads the workspace', () => {
	it('greets the partner, names the partner ID and counts down as the clock ticks', async () => {
		const workspace = testWorkspace({
			profile: testProfile({ language: 'en' }),
			enrollments: [{ programId: 'omnissa-sp', enrolledAt: '2026-01-05T08:00:00.000Z' }],
			now: new Date('2026-10-01T10:00:00Z')
		});
		render(Desk, { context: workspaceContext(workspace) });

		expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Muster IT GmbH');
		expect(document.body).toHaveTextContent('SP-4711');
		const deadlines = document.querySelector('[aria-labelledby="deadlines-heading"]')!;
		// September's report is due by the end of October 15 (the built-in pack): on October 1
		// that is 15 − 1 = 14 days away, two days later 12.
		expect(deadlines).toHaveTextContent('Usage report September 2026 due in 14 days');
		workspace.setTime(new Date('2026-10-03T10:00:00Z'));
		await tick();
		expect(deadlines).toHaveTextContent('Usage report September 2026 due in 12 days');
	});
});

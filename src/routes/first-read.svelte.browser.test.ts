// The app's start in real IndexedDB: the root layout reads the workspace before the first page
// renders and speaks the partner's language from the first frame; the Desk's load has the
// outbox. The only browser test on the app's own database (the others name their own).
import Dexie from 'dexie';
import { afterAll, afterEach, expect, it } from 'vitest';
import { i18n } from '$lib/i18n/i18n.svelte';
import { database, DATABASE_NAME } from '$lib/store/db';
import { saveSettings } from '$lib/store/settings-repo';
import { Workspace } from '$lib/ui/workspace.svelte';
import { load as loadLayout } from './+layout';
import { load as loadDesk } from './+page';
import { testProfile } from '../../tests/helpers/profile';

// The app's database is opened once per page: emptied between tests, deleted at the end.
afterEach(async () => {
	const db = await database();
	await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((table) => table.clear())));
	await i18n.use('en');
});
afterAll(async () => {
	(await database()).close();
	await Dexie.delete(DATABASE_NAME);
});

const profile = testProfile({ companyName: 'Muster IT-Services GmbH' });

it('a first run reads an empty workspace and keeps the browser language', async () => {
	const { first } = await loadLayout();
	expect(first).toEqual({ profile: undefined, enrollments: [], aggregators: [] });
	expect(i18n.language).toBe('en');
});

it('a German partner: the profile and enrollments are read and German is on before the first page', async () => {
	await saveSettings(await database(), { profile, programs: ['omnissa-sp'] });
	const { first } = await loadLayout();
	expect(first?.profile?.companyName).toBe('Muster IT-Services GmbH');
	expect(first?.enrollments.map((enrollment) => enrollment.programId)).toEqual(['omnissa-sp']);
	expect(i18n.language).toBe('de');
	expect(i18n.t('nav.desk')).toBe('Übersicht');

	// The Desk's load has the outbox (empty) once the layout's read is there.
	const desk = await loadDesk({ parent: async () => ({ first }) } as Parameters<
		typeof loadDesk
	>[0]);
	expect(desk).toEqual({ bundles: [] });

	// The workspace starts from that read: no loading state, the profile at once.
	const cleanup = $effect.root(() => {
		const workspace = Workspace.live(first);
		expect(workspace.isLoading).toBe(false);
		expect(workspace.profile?.companyName).toBe('Muster IT-Services GmbH');
		expect(workspace.timeZone).toBe('Europe/Berlin');
		expect(workspace.isEnrolled('omnissa-sp')).toBe(true);
	});
	cleanup();
});

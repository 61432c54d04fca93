import { i18n } from '$lib/i18n/i18n.svelte';
import { database } from '$lib/store/db';
import { readWorkspaceSnapshot, type WorkspaceSnapshot } from '$lib/store/settings-repo';

// A single-page app: pages render in the browser from the precached 200.html,
// read IndexedDB, and never need a server.
export const ssr = false;
export const prerender = false;

/** How long the first page waits for the first read before it renders without it. */
const FIRST_READ_WAIT_MS = 2000;

/**
 * The first page renders once the partner's profile, enrollments and aggregators are read and
 * the texts of the partner's language (else the browser's) are there: one render in the right
 * language with the partner's data, not the browser's language first and the partner's after
 * (the German table was fetched only once the English page had read the profile).
 */
export async function load(): Promise<{ first?: WorkspaceSnapshot }> {
	// Unreadable storage is not this load's to explain, nor a database that waits for another
	// tab to let go of it: the page renders as before and the workspace's live queries say why.
	const first = await Promise.race([
		database()
			.then(readWorkspaceSnapshot)
			.catch(() => undefined),
		new Promise<undefined>((done) => setTimeout(done, FIRST_READ_WAIT_MS))
	]);
	await i18n.use(first?.profile?.language ?? i18n.language);
	return { first };
}

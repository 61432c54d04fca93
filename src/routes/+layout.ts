import { i18n } from '$lib/i18n/i18n.svelte';
import { loadMessages } from '$lib/i18n/translate';

// A single-page app: pages render in the browser from the precached 200.html,
// read IndexedDB, and never need a server.
export const ssr = false;
export const prerender = false;

/** The first page renders once the texts of the browser's language are there. */
export async function load(): Promise<void> {
	await loadMessages(i18n.language);
}

import { i18n } from '$lib/i18n/i18n.svelte';
import { storageErrorText } from './problem-text';

/**
 * The result of a read that depends on state (a page of a long list), read again whenever the
 * state it reads changes; an answer that arrives after a newer read has started is dropped, so
 * paging fast never shows an older page last. `read` must read its state before it awaits
 * anything (only what it reads then is followed). Create it while a component initialises.
 */
export class LatestRead<Value> {
	value = $state.raw<Value | undefined>(undefined);
	loading = $state(true);
	/** Why the last read failed, in the user's language; the page may set its own sentence. */
	failure = $state('');

	constructor(read: () => Promise<Value>) {
		$effect(() => {
			const reading = read();
			let stale = false;
			this.loading = true;
			reading.then(
				(value) => {
					if (stale) return;
					this.value = value;
					this.loading = false;
					this.failure = '';
				},
				(error: unknown) => {
					if (stale) return;
					this.loading = false;
					this.failure = storageErrorText(error, i18n.language);
				}
			);
			return () => {
				stale = true;
			};
		});
	}
}

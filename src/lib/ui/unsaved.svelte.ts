import { untrack } from 'svelte';

/**
 * Which forms hold input that is not saved yet. The update prompt and the
 * browser's leave-page warning consult it, so the app never reloads under a
 * user's feet with unsaved input.
 */
class UnsavedChanges {
	#forms = $state<string[]>([]);
	any = $derived(this.#forms.length > 0);

	/** Called from effects: reads untracked, or the effect would depend on what it writes. */
	set(form: string, dirty: boolean): void {
		const forms = untrack(() => this.#forms);
		const has = forms.includes(form);
		if (dirty && !has) this.#forms = [...forms, form];
		if (!dirty && has) this.#forms = forms.filter((name) => name !== form);
	}
}

export const unsaved = new UnsavedChanges();

/**
 * Which forms hold input that is not saved yet. The update prompt and the
 * browser's leave-page warning consult it, so the app never reloads under a
 * user's feet with unsaved input.
 */
class UnsavedChanges {
	#forms = $state<string[]>([]);
	any = $derived(this.#forms.length > 0);

	set(form: string, dirty: boolean): void {
		const has = this.#forms.includes(form);
		if (dirty && !has) this.#forms = [...this.#forms, form];
		if (!dirty && has) this.#forms = this.#forms.filter((name) => name !== form);
	}
}

export const unsaved = new UnsavedChanges();

/**
 * Which forms hold input that is not saved yet. The update prompt and the
 * browser's leave-page warning consult it, so the app never reloads under a
 * user's feet with unsaved input.
 */
class UnsavedChanges {
	/** The mounted forms, each by its own derived "dirty": read here, never copied. */
	#forms = $state.raw<(() => boolean)[]>([]);
	readonly any = $derived(this.#forms.some((dirty) => dirty()));

	/**
	 * Follows a form's `dirty` while it is mounted: call from `onMount`, whose cleanup is the
	 * function this returns.
	 */
	watch(dirty: () => boolean): () => void {
		this.#forms = [...this.#forms, dirty];
		return () => {
			this.#forms = this.#forms.filter((other) => other !== dirty);
		};
	}
}

export const unsaved = new UnsavedChanges();

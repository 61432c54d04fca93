import type { Language } from '$lib/domain/language';
import { i18n } from '$lib/i18n/i18n.svelte';
import { focusWhenShown } from './focus-when-shown';
import { storageErrorText } from './problem-text';

export type ActionStatus = 'idle' | 'busy' | 'done' | 'failed';

/** What follows a successful run: the sentence that says so, and where focus goes. */
export type AfterRun<Result = unknown> = {
	/**
	 * Shown once the work is done (or made from what it returned: "12 records stored"); none:
	 * the change speaks for itself on the page.
	 */
	done?: string | ((result: Result) => string);
	/**
	 * The id of the element that should have focus once it shows (the button that was used is
	 * gone). On a failure focus goes to the status line instead, when the action has one.
	 */
	focus?: string;
};

/**
 * A user's action on stored data (save, acknowledge, sign, retry) as rune state: busy while it
 * runs, then done with its sentence or failed with the reason in the user's language. One action
 * may serve several buttons that share one status line (a report's review actions); the line is
 * `ActionStatus.svelte`, the button `ActionButton.svelte`.
 */
export class Action {
	status = $state<ActionStatus>('idle');
	/** The done sentence, or what went wrong; empty while idle or busy. */
	message = $state('');
	readonly #statusId: string | undefined;
	readonly #language: () => Language;
	#cancelFocus = () => {};

	/**
	 * `statusId`: the id of the status line, which takes focus after a failure.
	 * `language`: the language of the failure's sentence (the user's, unless a test says).
	 */
	constructor(options: { statusId?: string; language?: () => Language } = {}) {
		this.#statusId = options.statusId;
		this.#language = options.language ?? (() => i18n.language);
	}

	get busy(): boolean {
		return this.status === 'busy';
	}

	/** Runs `work`; true when it succeeded. A failure is shown, never thrown. */
	async run<Result>(work: () => Promise<Result>, after: AfterRun<Result> = {}): Promise<boolean> {
		this.#cancelFocus();
		this.status = 'busy';
		this.message = '';
		let result: Result;
		try {
			result = await work();
		} catch (error) {
			this.status = 'failed';
			this.message = storageErrorText(error, this.#language());
			if (after.focus && this.#statusId) this.#cancelFocus = focusWhenShown(this.#statusId);
			return false;
		}
		this.status = 'done';
		this.message = typeof after.done === 'function' ? after.done(result) : (after.done ?? '');
		if (after.focus) this.#cancelFocus = focusWhenShown(after.focus);
		return true;
	}

	/** Back to idle: the sentence goes (a form discarded, a dialog cancelled). */
	reset(): void {
		this.status = 'idle';
		this.message = '';
	}
}

import { tick } from 'svelte';

/** How long a focus request waits for its element before it gives up. */
const WAIT_MS = 10_000;

/**
 * Moves focus to the element with `id` once the page shows it: at once if it is there after the
 * next render, else as soon as it is added (an acknowledgement's note appears only when the
 * stored revision has been read again). Without this, focus falls to <body> when the button
 * that was used disappears. Returns a cancel, for when a newer request takes over.
 */
export function focusWhenShown(id: string): () => void {
	let stopped = false;
	let observer: MutationObserver | undefined;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const stop = () => {
		stopped = true;
		observer?.disconnect();
		clearTimeout(timer);
	};
	const focus = (): boolean => {
		const element = document.getElementById(id);
		if (!element) return false;
		element.focus();
		stop();
		return true;
	};
	void tick().then(() => {
		if (stopped || focus()) return;
		observer = new MutationObserver(() => void focus());
		observer.observe(document.body, { childList: true, subtree: true });
		timer = setTimeout(stop, WAIT_MS);
	});
	return stop;
}

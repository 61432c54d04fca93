import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { createRawSnippet, flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StoreRefused } from '$lib/store/store-refused';
import { Action } from './action.svelte';
import ActionButton from './ActionButton.svelte';
import ActionStatus from './ActionStatus.svelte';
import { storageErrorText } from './problem-text';

afterEach(() => {
	cleanup();
	document.body.innerHTML = '';
});

/** A promise the test settles itself, to look at the action while it runs. */
function gate() {
	let open = () => {};
	const promise = new Promise<void>((resolve) => {
		open = resolve;
	});
	return { promise, open };
}

const label = createRawSnippet(() => ({ render: () => '<span>Sign</span>' }));

describe('Action', () => {
	it('is busy while its work runs, then done with its sentence', async () => {
		const action = new Action();
		const work = gate();
		const running = action.run(() => work.promise, { done: 'Signed and queued.' });
		expect(action.status).toBe('busy');
		expect(action.busy).toBe(true);
		work.open();
		expect(await running).toBe(true);
		expect(action.status).toBe('done');
		expect(action.message).toBe('Signed and queued.');
	});

	it('fails with the stored error explained in the chosen language, never throwing', async () => {
		const action = new Action({ language: () => 'de' });
		const refusal = new StoreRefused('not-a-draft', 'revision r1 is ready');
		expect(await action.run(() => Promise.reject(refusal), { done: 'Gespeichert.' })).toBe(false);
		expect(action.status).toBe('failed');
		expect(action.message).toBe(storageErrorText(refusal, 'de'));
		// A refusal the user can understand, not the generic "something went wrong".
		expect(action.message).not.toBe(storageErrorText(new Error('x'), 'de'));
		action.reset();
		expect([action.status, action.message]).toEqual(['idle', '']);
	});

	it('moves focus to what appears after success, to the status line after a failure', async () => {
		const action = new Action({ statusId: 'result' });
		const status = Object.assign(document.createElement('div'), { id: 'result', tabIndex: -1 });
		document.body.append(status);
		await action.run(async () => {}, { focus: 'note' });
		// The note shows only once the page has read the change: focus waits for it.
		await Promise.resolve();
		expect(document.activeElement).toBe(document.body);
		const note = Object.assign(document.createElement('p'), { id: 'note', tabIndex: -1 });
		document.body.append(note);
		await vi.waitFor(() => expect(document.activeElement).toBe(note));

		await action.run(() => Promise.reject(new Error('disk')), { focus: 'note' });
		await vi.waitFor(() => expect(document.activeElement).toBe(status));
		// Without a focus request focus stays where the user is.
		note.focus();
		await action.run(() => Promise.reject(new Error('disk')));
		await Promise.resolve();
		expect(document.activeElement).toBe(note);
	});
});

describe('ActionButton and ActionStatus', () => {
	it('ignore clicks while busy, keep focus, then say the outcome in a live region', async () => {
		const action = new Action();
		const work = gate();
		const onclick = vi.fn(() => action.run(() => work.promise, { done: 'Signed and queued.' }));
		render(ActionButton, { action, onclick, class: 'primary', children: label });
		render(ActionStatus, { action });
		const button = screen.getByRole('button', { name: 'Sign' });
		expect(button).toHaveClass('primary');
		expect(button).toHaveAttribute('type', 'button');
		button.focus();
		await fireEvent.click(button);
		expect(button).toHaveAttribute('aria-disabled', 'true');
		expect(button).not.toBeDisabled();
		await fireEvent.click(button);
		expect(onclick).toHaveBeenCalledTimes(1);
		expect(document.activeElement).toBe(button);
		expect(screen.queryByRole('status')).toBeNull();

		work.open();
		expect(await screen.findByRole('status')).toHaveTextContent('Signed and queued.');
		expect(button).not.toHaveAttribute('aria-disabled');

		await action.run(() => Promise.reject(new StoreRefused('revision-missing', 'r1')));
		flushSync();
		expect(screen.queryByRole('status')).toBeNull();
		expect(screen.getByRole('alert')).toHaveTextContent(action.message);
	});

	it('with an id, keeps an empty line in the page to take focus', () => {
		const action = new Action();
		const { container } = render(ActionStatus, { action, id: 'review-result' });
		const line = container.querySelector('#review-result');
		expect(line).toHaveAttribute('tabindex', '-1');
		expect(line?.textContent).toBe('');
		expect(line?.children).toHaveLength(0);
	});
});

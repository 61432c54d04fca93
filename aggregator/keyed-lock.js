/**
 * Runs tasks one at a time per key, in arrival order. The aggregator holds a partner's lock from
 * the chain check until the bundle is stored: two concurrent sends must not both see the same
 * chain head and both be accepted.
 * @returns {<T>(key: string, task: () => Promise<T>) => Promise<T>}
 */
export function createKeyedLock() {
	/** @type {Map<string, Promise<void>>} */
	const tails = new Map();

	return async function withLock(key, task) {
		const previous = tails.get(key) ?? Promise.resolve();
		/** @type {() => void} */
		let release = () => {};
		/** @type {Promise<void>} */
		const done = new Promise((resolve) => (release = resolve));
		const tail = previous.then(() => done);
		tails.set(key, tail);
		await previous;
		try {
			return await task();
		} finally {
			release();
			// The last task of a key removes it, so the map does not grow with every partner seen.
			if (tails.get(key) === tail) tails.delete(key);
		}
	};
}

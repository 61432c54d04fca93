import { database } from '$lib/store/db';
import { nextRetryAt, sendNow } from '$lib/store/outbox-repo';
import { drainOutbox } from '$lib/store/outbox-runner';

/** Whatever happens, the outbox looks again within this time. */
const LONGEST_WAIT_MS = 5 * 60_000;
const ERROR_WAIT_MS = 30_000;

/**
 * Sends the outbox when there is something to send: on start, when the
 * browser comes online, when a retry is due and on "send now". One tab at a
 * time sends (a Web Lock); a second tab would only repeat what the first
 * does, which the Idempotency-Key makes harmless but wasteful.
 */
class Outbox {
	running = $state(false);
	#timer: ReturnType<typeof setTimeout> | undefined;
	#again = false;

	start(): () => void {
		const online = () => void this.run();
		window.addEventListener('online', online);
		void this.run();
		return () => {
			window.removeEventListener('online', online);
			clearTimeout(this.#timer);
		};
	}

	/** Makes every waiting bundle due and sends. */
	async sendNow(): Promise<void> {
		await sendNow(await database());
		await this.run();
	}

	async run(): Promise<void> {
		if (this.running) {
			// A bundle signed during a run is picked up by one more round.
			this.#again = true;
			return;
		}
		this.running = true;
		clearTimeout(this.#timer);
		let wait = LONGEST_WAIT_MS;
		try {
			const db = await database();
			do {
				this.#again = false;
				await withLock(() => drainOutbox(db));
			} while (this.#again);
			const next = await nextRetryAt(db);
			if (next) wait = Math.max(0, next.getTime() - Date.now());
		} catch (error) {
			// A storage problem (a full disk) must not stop delivery for good: look again soon.
			console.error('outbox', error);
			wait = ERROR_WAIT_MS;
		} finally {
			this.running = false;
			this.#timer = setTimeout(() => void this.run(), Math.min(wait, LONGEST_WAIT_MS));
		}
	}
}

function withLock<T>(work: () => Promise<T>): Promise<T> {
	if (!navigator.locks) return work();
	return navigator.locks.request('partner-desk-outbox', work);
}

export const outbox = new Outbox();

/**
 * Request bodies in memory at once are bounded. Each bundle is read whole (its signature covers
 * every byte), so each request may hold up to --max-body-bytes; without a bound on how many do at
 * once, ten parallel 30 MB posts held 300 MB plus their copies. Every body reserves its bytes
 * from one budget (its Content-Length up front, or as chunks arrive) and keeps them until its
 * answer is made; a body that would overdraw the budget is answered 503 with Retry-After at once,
 * which the sender retries like any 5xx.
 */

/**
 * @param {number} limit bytes all bodies together may hold
 */
export function createBodyBudget(limit) {
	let held = 0;
	let peak = 0;
	let refused = 0;
	return {
		limit,
		/**
		 * @param {number} bytes
		 * @returns {boolean} false, and nothing taken, when the budget does not have them
		 */
		take(bytes) {
			if (held + bytes > limit) {
				refused += 1;
				return false;
			}
			held += bytes;
			peak = Math.max(peak, held);
			return true;
		},
		/** @param {number} bytes */
		give(bytes) {
			held -= bytes;
		},
		/** Bytes held now, the most ever held at once, and how many bodies were turned away. */
		counts() {
			return { held, peak, refused };
		}
	};
}

/** @typedef {ReturnType<typeof createBodyBudget>} BodyBudget */

/**
 * Reads a request body as UTF-8 text within the per-request limit and the shared budget. The
 * caller gives back `reserved` bytes once the answer is made, whatever the outcome.
 * @param {{ body: ReadableStream<Uint8Array> | null, contentLength: string | undefined,
 *   maxBytes: number, budget: BodyBudget }} options
 * @returns {Promise<{ ok: true, text: string, reserved: number }
 *   | { ok: false, reason: 'too-large' | 'busy', reserved: number }>}
 */
export async function readBodyWithin({ body, contentLength, maxBytes, budget }) {
	let reserved = 0;
	const declared = contentLength === undefined ? NaN : Number(contentLength);
	if (Number.isSafeInteger(declared) && declared >= 0) {
		// Refused before a byte is read: the declared length is known.
		if (declared > maxBytes) return { ok: false, reason: 'too-large', reserved };
		if (!budget.take(declared)) return { ok: false, reason: 'busy', reserved };
		reserved = declared;
	}
	/** @type {Uint8Array[]} */
	const chunks = [];
	let size = 0;
	if (body) {
		const reader = body.getReader();
		try {
			for (;;) {
				const { done, value } = await reader.read();
				if (done) break;
				size += value.byteLength;
				if (size > maxBytes) return { ok: false, reason: 'too-large', reserved };
				if (size > reserved) {
					if (!budget.take(size - reserved)) return { ok: false, reason: 'busy', reserved };
					reserved = size;
				}
				chunks.push(value);
			}
		} finally {
			// Stop reading; the HTTP server drains or closes what the sender still sends.
			reader.releaseLock();
		}
	}
	const text = new TextDecoder().decode(Buffer.concat(chunks, size));
	return { ok: true, text, reserved };
}

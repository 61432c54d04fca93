import canonicalize from 'canonicalize';
import { problem } from './problem.js';

/**
 * RFC 8785 (JCS): the signed payload bytes must be the canonical form of the JSON they hold, so
 * every party that re-serializes the payload gets the same bytes and the digest chain stays
 * verifiable. Whitespace, key order, number spelling (1.0, 1e2) and duplicate keys all fail.
 */

/**
 * @param {Uint8Array} bytes the verified JWS payload
 * @returns {{ ok: true, payload: unknown } | { ok: false, problem: import('./problem.js').Problem }}
 */
export function readCanonicalPayload(bytes) {
	let text;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return {
			ok: false,
			problem: problem('invalid-payload', 'The payload is not UTF-8.', { field: '(payload)' })
		};
	}
	let payload;
	try {
		payload = JSON.parse(text);
	} catch {
		return {
			ok: false,
			problem: problem('invalid-payload', 'The payload is not JSON.', { field: '(payload)' })
		};
	}
	let canonical;
	try {
		canonical = canonicalize(payload);
	} catch {
		// Lone surrogates have no canonical form.
		canonical = undefined;
	}
	if (canonical !== text)
		return {
			ok: false,
			problem: problem(
				'non-canonical-payload',
				'The payload bytes are not the RFC 8785 (JCS) canonical form of the JSON they hold: sign canonicalize(payload) exactly, without whitespace, with sorted keys.'
			)
		};
	return { ok: true, payload };
}

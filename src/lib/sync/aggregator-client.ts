import { ProblemSchema, ReceiptSchema, type Problem, type Receipt } from '$lib/domain/bundle';

/** A flattened JWS as it goes over the wire. */
export type FlattenedBundle = { protected: string; payload: string; signature: string };

export type Endpoint = { endpoint: string; token?: string };

/**
 * What a delivery attempt came to. A network error, a timeout, a 5xx and the 4xx that mean
 * "later" (408, 425, 429) are tried again, and the Idempotency-Key makes a resend of a bundle
 * the aggregator already stored answer 200 with the same receipt. Any other 4xx is permanent,
 * and so is a receipt for another bundle or another digest (`RECEIPT_MISMATCH`).
 */
export type SendOutcome =
	| { kind: 'delivered'; status: 200 | 201; receipt: Receipt }
	| { kind: 'refused'; status: number; problem: Problem }
	| { kind: 'retry'; error: string; retryAfterMs?: number };

/**
 * A 2xx whose receipt names another bundle or digest: not a delivery. Refused, not retried: a
 * resend carries the same Idempotency-Key and gets the same receipt back, so retrying would
 * loop while the Desk says "waiting"; a person at the aggregator has to look (the partner then
 * retries or withdraws). The next bundle's previousDigest could not link to it either.
 */
export const RECEIPT_MISMATCH = 'urn:partner-desk:problem:receipt-mismatch';

/** RFC 9110 15.5.9 (408), RFC 8470 5.2 (425 Too Early), RFC 6585 4 (429): "come back later". */
const LATER = new Set([408, 425, 429]);

/** Never wait longer than this on an aggregator's Retry-After: a report has a deadline. */
const RETRY_AFTER_CAP_MS = 60 * 60_000;

/**
 * RFC 9110 10.2.3: `Retry-After` is delay-seconds or an HTTP-date. Undefined when absent or
 * unreadable, so the usual backoff applies.
 */
export function retryAfterMs(value: string | null, now: Date = new Date()): number | undefined {
	if (value === null) return undefined;
	const text = value.trim();
	let ms: number;
	if (/^\d+$/.test(text)) ms = Number(text) * 1000;
	// An HTTP-date starts with the day's name ("Sun, 06 Nov 1994 08:49:37 GMT").
	else if (/^[A-Z][a-z]{2},? /.test(text)) ms = Date.parse(text) - now.getTime();
	else return undefined;
	if (!Number.isFinite(ms)) return undefined;
	return Math.min(RETRY_AFTER_CAP_MS, Math.max(0, ms));
}

type Fetch = typeof fetch;

function headers(token: string | undefined, extra: Record<string, string>): Headers {
	// Only these headers: more would change the CORS preflight the aggregator allows.
	const result = new Headers(extra);
	if (token) result.set('Authorization', `Bearer ${token}`);
	return result;
}

async function problemOf(response: Response): Promise<Problem> {
	const fallback = { status: response.status, title: response.statusText || undefined };
	try {
		const parsed = ProblemSchema.safeParse(await response.json());
		return parsed.success ? { ...fallback, ...parsed.data } : fallback;
	} catch {
		return fallback;
	}
}

/**
 * Sends one signed bundle. `digest` is the bundle's own (the signing input's SHA-256): a 2xx
 * counts as a delivery only with a receipt naming this bundle and this digest.
 */
export async function postBundle(options: {
	target: Endpoint;
	bundleId: string;
	digest: string;
	jws: FlattenedBundle;
	fetch?: Fetch;
	timeoutMs?: number;
	now?: Date;
}): Promise<SendOutcome> {
	const { target, bundleId, digest, jws, fetch: send = fetch, timeoutMs = 30_000 } = options;
	let response: Response;
	try {
		response = await send(`${target.endpoint}/bundles`, {
			method: 'POST',
			headers: headers(target.token, {
				'Content-Type': 'application/jose+json',
				'Idempotency-Key': bundleId
			}),
			body: JSON.stringify(jws),
			signal: AbortSignal.timeout(timeoutMs)
		});
	} catch (error) {
		return { kind: 'retry', error: error instanceof Error ? error.message : String(error) };
	}
	if (response.status === 200 || response.status === 201) {
		const receipt = ReceiptSchema.safeParse(await response.json().catch(() => undefined));
		// A 2xx without a receipt proves nothing: the bundle is sent again, which is safe.
		if (!receipt.success) {
			return { kind: 'retry', error: `${response.status} without a valid receipt` };
		}
		if (receipt.data.bundleId !== bundleId || receipt.data.digest !== digest) {
			return {
				kind: 'refused',
				status: response.status,
				problem: {
					type: RECEIPT_MISMATCH,
					status: response.status,
					// Data, not prose: the Sync page says what it means in the partner's language.
					detail: `receipt: bundleId ${receipt.data.bundleId}, digest ${receipt.data.digest}`
				}
			};
		}
		return { kind: 'delivered', status: response.status, receipt: receipt.data };
	}
	const problem = await problemOf(response);
	const permanent = response.status >= 400 && response.status < 500;
	if (permanent && !LATER.has(response.status)) {
		return { kind: 'refused', status: response.status, problem };
	}
	const after = retryAfterMs(response.headers.get('Retry-After'), options.now);
	return {
		kind: 'retry',
		error: `${response.status} ${problem.title ?? ''}`.trim(),
		...(after !== undefined && { retryAfterMs: after })
	};
}

export type ConnectionResult =
	{ ok: true; bundles: number } | { ok: false; status?: number; problem?: Problem; error?: string };

/** "Test connection": lists what the aggregator holds, with the token if there is one. */
export async function testConnection(options: {
	target: Endpoint;
	fetch?: Fetch;
	timeoutMs?: number;
}): Promise<ConnectionResult> {
	const { target, fetch: send = fetch, timeoutMs = 10_000 } = options;
	try {
		const response = await send(`${target.endpoint}/bundles`, {
			headers: headers(target.token, {}),
			signal: AbortSignal.timeout(timeoutMs)
		});
		if (!response.ok) {
			return { ok: false, status: response.status, problem: await problemOf(response) };
		}
		const body = (await response.json()) as { bundles?: unknown };
		if (!Array.isArray(body.bundles)) return { ok: false, error: 'not a bundle list' };
		return { ok: true, bundles: body.bundles.length };
	} catch (error) {
		return { ok: false, error: error instanceof Error ? error.message : String(error) };
	}
}

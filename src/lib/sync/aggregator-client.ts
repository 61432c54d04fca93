import { ProblemSchema, ReceiptSchema, type Problem, type Receipt } from '$lib/domain/bundle';

/** A flattened JWS as it goes over the wire. */
export type FlattenedBundle = { protected: string; payload: string; signature: string };

export type Endpoint = { endpoint: string; token?: string };

/**
 * What a delivery attempt came to. Only a 4xx is permanent: a network error,
 * a timeout and a 5xx are tried again, and the Idempotency-Key makes a resend
 * of a bundle the aggregator already stored answer 200 with the same receipt.
 */
export type SendOutcome =
	| { kind: 'delivered'; status: 200 | 201; receipt: Receipt }
	| { kind: 'refused'; status: number; problem: Problem }
	| { kind: 'retry'; error: string };

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

export async function postBundle(options: {
	target: Endpoint;
	bundleId: string;
	jws: FlattenedBundle;
	fetch?: Fetch;
	timeoutMs?: number;
}): Promise<SendOutcome> {
	const { target, bundleId, jws, fetch: send = fetch, timeoutMs = 30_000 } = options;
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
		if (!receipt.success || receipt.data.bundleId !== bundleId) {
			return { kind: 'retry', error: `${response.status} without a valid receipt` };
		}
		return { kind: 'delivered', status: response.status, receipt: receipt.data };
	}
	// 408 and 429 are not refusals: the aggregator asks us to come back later.
	const permanent = response.status >= 400 && response.status < 500;
	if (permanent && response.status !== 408 && response.status !== 429) {
		return { kind: 'refused', status: response.status, problem: await problemOf(response) };
	}
	const problem = await problemOf(response);
	return { kind: 'retry', error: `${response.status} ${problem.title ?? ''}`.trim() };
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

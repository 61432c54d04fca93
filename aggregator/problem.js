/**
 * RFC 9457 problem details. Every refusal of the aggregator is one of these codes; the code is
 * the stable part (the app keys its messages on it), the `detail` sentence is for people.
 * DESIGN.md fixes the type URI as `urn:partner-desk:problem:<code>`.
 */

/** @typedef {{ status: number, title: string }} ProblemKind */

export const PROBLEMS = /** @type {const} */ ({
	'missing-idempotency-key': { status: 400, title: 'Idempotency-Key header missing' },
	'malformed-jws': { status: 400, title: 'Body is not a flattened JWS' },
	'invalid-query': { status: 400, title: 'Query parameter not valid' },
	unauthorized: { status: 401, title: 'Missing or wrong bearer token' },
	'unregistered-key': { status: 403, title: 'Signing key not registered for this partner' },
	'token-partner-mismatch': { status: 403, title: 'Bearer token belongs to another partner' },
	'origin-not-allowed': { status: 403, title: 'Origin not allowed' },
	'not-found': { status: 404, title: 'Not found' },
	'method-not-allowed': { status: 405, title: 'Method not allowed' },
	conflict: { status: 409, title: 'Bundle id already used for other content' },
	'chain-gap': { status: 409, title: 'previousDigest is not the last accepted digest' },
	'payload-too-large': { status: 413, title: 'Bundle too large' },
	'unsupported-media-type': { status: 415, title: 'Bundles are sent as application/jose+json' },
	'idempotency-key-mismatch': { status: 422, title: 'Idempotency-Key is not the bundleId' },
	'invalid-header': { status: 422, title: 'JWS protected header not acceptable' },
	'invalid-signature': { status: 422, title: 'Signature does not verify' },
	'non-canonical-payload': { status: 422, title: 'Payload is not RFC 8785 canonical JSON' },
	'invalid-payload': { status: 422, title: 'Payload field not valid' },
	'line-total-mismatch': { status: 422, title: 'Line total is not quantity x unit price' },
	'totals-mismatch': { status: 422, title: 'totals.amount is not the sum of the line totals' },
	'supersedes-mismatch': {
		status: 422,
		title: 'Correction does not match the bundle it supersedes'
	},
	'wrong-aggregator': { status: 422, title: 'Bundle is addressed to another aggregator' },
	'internal-error': { status: 500, title: 'Internal error' },
	unavailable: { status: 503, title: 'Temporarily unavailable' }
});

/** @typedef {keyof typeof PROBLEMS} ProblemCode */

/**
 * @typedef {{ type: string, title: string, status: number, detail: string, [member: string]: unknown }} ProblemBody
 * @typedef {{ code: ProblemCode, body: ProblemBody }} Problem
 */

/**
 * Builds a problem; `members` are RFC 9457 extension members (`field`, `kid`, `expected`, ...).
 * @param {ProblemCode} code
 * @param {string} detail
 * @param {Record<string, unknown>} [members]
 * @returns {Problem}
 */
export function problem(code, detail, members = {}) {
	const { status, title } = PROBLEMS[code];
	return {
		code,
		body: { type: `urn:partner-desk:problem:${code}`, title, status, detail, ...members }
	};
}

/**
 * The HTTP response for a problem.
 * @param {Problem} value
 * @param {Record<string, string>} [headers]
 * @returns {Response}
 */
export function problemResponse(value, headers = {}) {
	return new Response(JSON.stringify(value.body), {
		status: value.body.status,
		headers: { 'Content-Type': 'application/problem+json', ...headers }
	});
}

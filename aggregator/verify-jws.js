import { errors, flattenedVerify } from 'jose';
import { createHash } from 'node:crypto';
import { readCanonicalPayload } from './canonical-payload.js';
import { importPublicKey, thumbprint, toPublicJwk } from './jwk.js';
import { problem } from './problem.js';

/**
 * The cryptographic half of receiving a bundle: the flattened JWS (RFC 7515 §7.2.2), its
 * protected header, the ES256 signature (checked by jose, nothing home-made) and the RFC 8785
 * canonical payload bytes. What the payload says is checked in check-payload.js.
 */

/**
 * @typedef {import('./problem.js').Problem} Problem
 * @typedef {import('./jwk.js').PublicJwk} PublicJwk
 * @typedef {{ protected: string, payload: string, signature: string }} FlattenedJws
 * @typedef {{ jws: FlattenedJws, kid: string, jwk: PublicJwk, payload: unknown, digest: string }} VerifiedJws
 */
/**
 * @template T
 * @typedef {{ ok: true } & T | { ok: false, problem: Problem }} Checked
 */

export const BUNDLE_TYP = 'partner-desk-bundle+jws';
const JWS_MEMBERS = ['protected', 'payload', 'signature'];
const HEADER_MEMBERS = ['alg', 'typ', 'kid', 'jwk'];
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * The digest that names a bundle in receipts and in the hash chain: base64url SHA-256 of the JWS
 * signing input (`protected + "." + payload`, RFC 7515 §5.1), so it covers header and payload.
 * @param {{ protected: string, payload: string }} jws
 */
export function bundleDigest(jws) {
	return createHash('sha256')
		.update(`${jws.protected}.${jws.payload}`, 'ascii')
		.digest('base64url');
}

/** @param {Problem} value @returns {{ ok: false, problem: Problem }} */
const fail = (value) => ({ ok: false, problem: value });

/** @param {unknown} value @returns {value is Record<string, unknown>} */
function isObject(value) {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** @param {string} text @returns {unknown} undefined for text that is not JSON */
function parseJson(text) {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/**
 * The body as a flattened JWS with exactly its three members.
 * @param {string} body
 * @returns {Checked<{ jws: FlattenedJws }>}
 */
function parseFlattenedJws(body) {
	const value = parseJson(body);
	if (!isObject(value)) return fail(problem('malformed-jws', 'The body is not a JSON object.'));
	if ('signatures' in value)
		return fail(
			problem(
				'malformed-jws',
				'The body uses the general JWS JSON serialization; send the flattened one (RFC 7515 §7.2.2).'
			)
		);
	if ('header' in value)
		return fail(
			problem(
				'invalid-header',
				'The JWS has an unprotected "header"; every header parameter belongs in "protected".',
				{ field: 'header' }
			)
		);
	for (const member of JWS_MEMBERS) {
		const text = value[member];
		if (typeof text !== 'string' || !BASE64URL.test(text))
			return fail(
				problem('malformed-jws', `The JWS member "${member}" is missing or not base64url.`, {
					field: member
				})
			);
	}
	const unknown = Object.keys(value).find((key) => !JWS_MEMBERS.includes(key));
	if (unknown)
		return fail(
			problem('malformed-jws', `"${unknown}" is not a member of a flattened JWS.`, {
				field: unknown
			})
		);
	const { protected: header, payload, signature } = /** @type {FlattenedJws} */ (value);
	return { ok: true, jws: { protected: header, payload, signature } };
}

/**
 * RFC 7515 §4.1.9: `typ` is a media type, compared case-insensitively, and the "application/"
 * prefix may be left out; accepting both spellings is what a standard verifier does.
 * @param {unknown} typ
 */
function isBundleTyp(typ) {
	if (typeof typ !== 'string') return false;
	const lower = typ.toLowerCase();
	return lower === BUNDLE_TYP || lower === `application/${BUNDLE_TYP}`;
}

/**
 * The protected header holds exactly alg ES256, the bundle typ, the public jwk and its
 * thumbprint as kid.
 * @param {string} encoded the `protected` member
 * @returns {Promise<Checked<{ jwk: PublicJwk, kid: string }>>}
 */
async function checkProtectedHeader(encoded) {
	let header;
	try {
		const text = new TextDecoder('utf-8', { fatal: true }).decode(
			Buffer.from(encoded, 'base64url')
		);
		header = parseJson(text);
	} catch {
		header = undefined;
	}
	if (!isObject(header))
		return fail(problem('malformed-jws', 'The protected header is not a base64url JSON object.'));
	const invalid = (/** @type {string} */ field, /** @type {string} */ detail, members = {}) =>
		fail(problem('invalid-header', detail, { field: `protected.${field}`, ...members }));

	const extra = Object.keys(header).find((key) => !HEADER_MEMBERS.includes(key));
	if (extra)
		return invalid(
			extra,
			`The protected header has "${extra}"; it holds exactly alg, typ, kid and jwk.`
		);
	if (header.alg !== 'ES256')
		return invalid('alg', `alg is ${JSON.stringify(header.alg)}; bundles are signed with ES256.`);
	if (!isBundleTyp(header.typ))
		return invalid('typ', `typ is ${JSON.stringify(header.typ)}; it must be "${BUNDLE_TYP}".`);
	const publicJwk = toPublicJwk(header.jwk);
	if (!publicJwk.ok) return invalid('jwk', `jwk: ${publicJwk.reason}.`);
	const kid = await thumbprint(publicJwk.jwk);
	if (header.kid !== kid)
		return invalid(
			'kid',
			`kid is ${JSON.stringify(header.kid)}; it must be the RFC 7638 SHA-256 thumbprint of jwk, ${kid}.`,
			{ expected: kid }
		);
	return { ok: true, jwk: publicJwk.jwk, kid };
}

/**
 * Verifies a request body as a bundle JWS: shape, header, signature, canonical payload.
 * @param {string} body the request body
 * @returns {Promise<Checked<{ value: VerifiedJws }>>}
 */
export async function verifyJws(body) {
	const parsed = parseFlattenedJws(body);
	if (!parsed.ok) return parsed;
	const { jws } = parsed;
	const header = await checkProtectedHeader(jws.protected);
	if (!header.ok) return header;
	const { jwk, kid } = header;

	let key;
	try {
		key = await importPublicKey(jwk);
	} catch {
		return fail(
			problem('invalid-header', 'jwk is not a point on the P-256 curve.', {
				field: 'protected.jwk'
			})
		);
	}
	/** @type {Uint8Array} */
	let bytes;
	try {
		({ payload: bytes } = await flattenedVerify(jws, key, { algorithms: ['ES256'] }));
	} catch (error) {
		if (error instanceof errors.JWSSignatureVerificationFailed)
			return fail(
				problem(
					'invalid-signature',
					`The ES256 signature does not verify with the key ${kid}: the bundle was changed after signing or signed with another key.`,
					{ kid }
				)
			);
		if (error instanceof errors.JOSEError)
			return fail(problem('malformed-jws', `The JWS is not valid: ${error.message}.`));
		throw error;
	}

	const payload = readCanonicalPayload(bytes);
	if (!payload.ok) return payload;
	return {
		ok: true,
		value: { jws, kid, jwk, payload: payload.payload, digest: bundleDigest(jws) }
	};
}

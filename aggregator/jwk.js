import { calculateJwkThumbprint, importJWK } from 'jose';

/**
 * The only key type of the protocol: an ECDSA P-256 public key (ES256). Shared by the receiver
 * (the `jwk` header) and `keys add` (a key file), so both accept and refuse the same keys.
 */

/** @typedef {{ kty: 'EC', crv: 'P-256', x: string, y: string }} PublicJwk */

/** A P-256 coordinate: 32 bytes, base64url without padding. */
const COORDINATE = /^[A-Za-z0-9_-]{43}$/;

/**
 * Reduces a JWK to its public P-256 members, or says why it is not one. Members such as `ext`,
 * `key_ops` or `kid` that WebCrypto or other tools add are dropped; a private key (`d`) is refused
 * because whoever sent it has leaked it.
 * @param {unknown} value
 * @returns {{ ok: true, jwk: PublicJwk } | { ok: false, reason: string }}
 */
export function toPublicJwk(value) {
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		return { ok: false, reason: 'the JWK is not a JSON object' };
	const jwk = /** @type {Record<string, unknown>} */ (value);
	if ('d' in jwk)
		return {
			ok: false,
			reason: 'the JWK holds a private key ("d"); only the public key is shared'
		};
	if (jwk.kty !== 'EC' || jwk.crv !== 'P-256')
		return {
			ok: false,
			reason: `the JWK must be an EC P-256 key (kty "EC", crv "P-256"), not kty ${JSON.stringify(jwk.kty)} crv ${JSON.stringify(jwk.crv)}`
		};
	if (typeof jwk.x !== 'string' || !COORDINATE.test(jwk.x))
		return { ok: false, reason: 'the JWK member "x" is not a base64url P-256 coordinate' };
	if (typeof jwk.y !== 'string' || !COORDINATE.test(jwk.y))
		return { ok: false, reason: 'the JWK member "y" is not a base64url P-256 coordinate' };
	return { ok: true, jwk: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y } };
}

/**
 * RFC 7638 thumbprint (SHA-256, base64url): the `kid` of the protocol.
 * @param {PublicJwk} jwk
 * @returns {Promise<string>}
 */
export function thumbprint(jwk) {
	return calculateJwkThumbprint(jwk, 'sha256');
}

/**
 * Imports the key for ES256 verification. WebCrypto refuses a point that is not on the curve.
 * @param {PublicJwk} jwk
 */
export async function importPublicKey(jwk) {
	return importJWK(jwk, 'ES256');
}

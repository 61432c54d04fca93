import { calculateJwkThumbprint } from 'jose';

/** The public half of a signing key, with only the members RFC 7638 hashes for an EC key. */
export type PublicJwk = { kty: 'EC'; crv: 'P-256'; x: string; y: string };

/** A device's signing key. The private half is a non-extractable CryptoKey kept in IndexedDB. */
export type SigningKey = {
	privateKey: CryptoKey;
	publicJwk: PublicJwk;
	/** RFC 7638 thumbprint of `publicJwk`: the id the aggregator pins. */
	kid: string;
	createdAt: string;
};

/**
 * Trims a JWK to kty, crv, x and y. WebCrypto's export adds `key_ops` and `ext`; a header that
 * carried them (or a private `d`) would differ from what the aggregator registered.
 */
export function toPublicJwk(jwk: JsonWebKey): PublicJwk {
	const { kty, crv, x, y } = jwk;
	if (kty !== 'EC' || crv !== 'P-256' || typeof x !== 'string' || typeof y !== 'string')
		throw new TypeError(`not a P-256 public key: ${JSON.stringify({ kty, crv })}`);
	return { kty, crv, x, y };
}

/** The key id: RFC 7638 JWK thumbprint with SHA-256, base64url. */
export function keyIdOf(publicJwk: PublicJwk): Promise<string> {
	return calculateJwkThumbprint(publicJwk, 'sha256');
}

/**
 * Makes a new signing key (one per device; DESIGN.md). The private key is generated
 * non-extractable, so not even this app can read it out: it cannot leak into a backup. The public
 * key of an ECDSA pair is always exportable.
 */
export async function createSigningKey(options: { now?: Date } = {}): Promise<SigningKey> {
	const { now = new Date() } = options;
	const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
		'sign',
		'verify'
	]);
	const publicJwk = toPublicJwk(await crypto.subtle.exportKey('jwk', pair.publicKey));
	return {
		privateKey: pair.privateKey,
		publicJwk,
		kid: await keyIdOf(publicJwk),
		createdAt: now.toISOString()
	};
}

import { base64url, FlattenedSign, type FlattenedJWS } from 'jose';
import { bundleDigest } from './bundle-digest';
import { bundleHeaderOf } from './bundle-header';
import type { BundleDigest, BundleId, BundlePayload } from './bundle-payload';
import { canonicalJson } from './canonical-json';
import type { PublicJwk } from './signing-key';

/** A signed bundle: what the outbox stores and sends, with the figures it tracks. */
export type SignedBundle = {
	bundleId: BundleId;
	/** JWS flattened JSON serialization (RFC 7515 section 7.2.2); the request body as is. */
	jws: FlattenedJWS & { protected: string };
	/** The next bundle's `previousDigest`, and what the receipt must return. */
	digest: BundleDigest;
	kid: string;
};

/**
 * Signs a payload (as `buildBundlePayload` made and validated it) with the device key: the JWS
 * payload is exactly its RFC 8785 bytes, the protected header `{alg, typ, kid, jwk}`. jose does
 * the JWS and WebCrypto the ECDSA; nothing here is home-made cryptography.
 */
export async function signBundle(options: {
	payload: BundlePayload;
	privateKey: CryptoKey;
	publicJwk: PublicJwk;
}): Promise<SignedBundle> {
	const { payload, privateKey, publicJwk } = options;
	const header = await bundleHeaderOf(publicJwk);
	const bytes = canonicalJson(payload);
	// The digest hashes the same signing input jose builds (RFC 7515: base64url of the header's
	// JSON text and of the payload bytes). Started first, WebCrypto hashes while jose encodes and
	// signs: the 10k-line bundle signs in about the time of the signature alone.
	const expected = {
		protected: base64url.encode(JSON.stringify(header)),
		payload: base64url.encode(bytes)
	};
	const digest = bundleDigest(expected);
	const jws = await new FlattenedSign(bytes).setProtectedHeader(header).sign(privateKey);
	// Checked, not assumed: a digest of other bytes than those signed would break the chain.
	if (jws.protected !== expected.protected || jws.payload !== expected.payload)
		throw new Error('jose encoded the JWS differently from its digest');
	return {
		bundleId: payload.bundleId,
		jws: { ...jws, protected: expected.protected },
		digest: await digest,
		kid: header.kid
	};
}

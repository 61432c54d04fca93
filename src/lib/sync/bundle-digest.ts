import { base64url } from 'jose';
import type { BundleDigest } from './bundle-payload';

const encoder = new TextEncoder();
const DOT = 0x2e;

/**
 * The ASCII bytes of `protected + "." + payload`, written in place: no 2.6 MB concatenated
 * string, and `encodeInto` rather than `encode` (several times faster in Chromium). A character
 * beyond ASCII cannot be base64url: it is refused rather than hashed as UTF-8.
 */
function signingInputOf(encodedHeader: string, encodedPayload: string): Uint8Array<ArrayBuffer> {
	const bytes = new Uint8Array(encodedHeader.length + 1 + encodedPayload.length);
	const head = encoder.encodeInto(encodedHeader, bytes);
	bytes[encodedHeader.length] = DOT;
	const tail = encoder.encodeInto(encodedPayload, bytes.subarray(encodedHeader.length + 1));
	if (head.written !== encodedHeader.length || tail.written !== encodedPayload.length)
		throw new TypeError('a JWS member is not base64url');
	return bytes;
}

/**
 * A bundle's digest: unpadded base64url SHA-256 of its JWS signing input, the ASCII text
 * `protected + "." + payload` (RFC 7515 section 5.1). The receipt returns it and the next bundle
 * names it as `previousDigest`. It covers the header (the key) and the payload but not the
 * signature: ECDSA signatures are randomised, so the same content signed twice keeps its digest.
 */
export async function bundleDigest(jws: {
	protected: string;
	payload: string;
}): Promise<BundleDigest> {
	const hash = await crypto.subtle.digest('SHA-256', signingInputOf(jws.protected, jws.payload));
	return base64url.encode(new Uint8Array(hash)) as BundleDigest;
}

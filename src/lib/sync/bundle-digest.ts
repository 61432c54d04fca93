import { base64url } from 'jose';
import type { BundleDigest } from './bundle-payload';

const DOT = 0x2e;

/**
 * The ASCII bytes of `protected + "." + payload`, written in place by a plain loop: no 2.6 MB
 * concatenated string, and no `TextEncoder` (in the bundle-sign benchmark, Chromium, the loop
 * took 14 ms where `encodeInto` took about 20). A character beyond ASCII cannot be base64url: it
 * is refused rather than hashed as UTF-8.
 */
function signingInputOf(encodedHeader: string, encodedPayload: string): Uint8Array<ArrayBuffer> {
	const bytes = new Uint8Array(encodedHeader.length + 1 + encodedPayload.length);
	writeAscii(encodedHeader, bytes, 0);
	bytes[encodedHeader.length] = DOT;
	writeAscii(encodedPayload, bytes, encodedHeader.length + 1);
	return bytes;
}

function writeAscii(text: string, bytes: Uint8Array, offset: number): void {
	for (let index = 0; index < text.length; index++) {
		const unit = text.charCodeAt(index);
		if (unit > 0x7f) throw new TypeError('a JWS member is not base64url');
		bytes[offset + index] = unit;
	}
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

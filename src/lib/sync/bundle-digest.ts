import { base64url } from 'jose';
import type { BundleDigest } from './bundle-payload';

const DOT = 0x2e;

/** Writes an ASCII string's bytes at `offset`; a character beyond ASCII cannot be base64url. */
function writeAscii(text: string, bytes: Uint8Array, offset: number): void {
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code > 0x7f) throw new TypeError('a JWS member is not base64url');
		bytes[offset + i] = code;
	}
}

/**
 * The ASCII bytes of `protected + "." + payload`, written in place: no 4 MB concatenated
 * string. A plain loop rather than `TextEncoder.encodeInto`: measured in Chromium 156 on a
 * 3.9 MB base64url payload, 15-30 ms where `encodeInto` took 30-130 ms and `encode` 90-400 ms.
 */
function signingInputOf(encodedHeader: string, encodedPayload: string): Uint8Array<ArrayBuffer> {
	const bytes = new Uint8Array(encodedHeader.length + 1 + encodedPayload.length);
	writeAscii(encodedHeader, bytes, 0);
	bytes[encodedHeader.length] = DOT;
	writeAscii(encodedPayload, bytes, encodedHeader.length + 1);
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

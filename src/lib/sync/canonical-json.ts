import canonicalize from 'canonicalize';

/**
 * RFC 8785 (JSON Canonicalization Scheme) text of a JSON value: members sorted by UTF-16 code
 * units, no whitespace, numbers as ECMAScript writes them. The `canonicalize` package does it;
 * it throws for NaN, Infinity and lone surrogates, which RFC 8785 (I-JSON) does not allow.
 */
export function canonicalText(value: unknown): string {
	const text = canonicalize(value);
	// undefined (or a function) at the top has no JSON form: signing it would be a bug.
	if (text === undefined) throw new TypeError('canonical JSON of a value that is not JSON');
	return text;
}

/**
 * UTF-8 bytes of a string, as `TextEncoder.encode` writes them (a lone surrogate becomes U+FFFD),
 * by a plain loop into a worst-case buffer (3 bytes per UTF-16 unit), then a copy of what was
 * written. Measured in Chromium 156 on the 3 MB canonical text of a 10,000-line payload with
 * umlauts: `TextEncoder.encode` 70-90 ms, `encodeInto` about 50 ms, this loop about 15 ms.
 */
export function utf8Bytes(text: string): Uint8Array<ArrayBuffer> {
	const length = text.length;
	const buffer = new Uint8Array(length * 3);
	let at = 0;
	for (let i = 0; i < length; i++) {
		let code = text.charCodeAt(i);
		if (code < 0x80) {
			buffer[at++] = code;
		} else if (code < 0x800) {
			buffer[at++] = 0xc0 | (code >> 6);
			buffer[at++] = 0x80 | (code & 0x3f);
		} else if (code < 0xd800 || code > 0xdfff) {
			buffer[at++] = 0xe0 | (code >> 12);
			buffer[at++] = 0x80 | ((code >> 6) & 0x3f);
			buffer[at++] = 0x80 | (code & 0x3f);
		} else {
			const next = i + 1 < length ? text.charCodeAt(i + 1) : 0;
			if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
				code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
				i++;
				buffer[at++] = 0xf0 | (code >> 18);
				buffer[at++] = 0x80 | ((code >> 12) & 0x3f);
				buffer[at++] = 0x80 | ((code >> 6) & 0x3f);
				buffer[at++] = 0x80 | (code & 0x3f);
			} else {
				// A lone surrogate: U+FFFD, as TextEncoder writes it.
				buffer[at++] = 0xef;
				buffer[at++] = 0xbf;
				buffer[at++] = 0xbd;
			}
		}
	}
	return buffer.slice(0, at);
}

/** The canonical UTF-8 bytes: what a bundle's JWS signs, byte for byte. */
export function canonicalJson(value: unknown): Uint8Array<ArrayBuffer> {
	return utf8Bytes(canonicalText(value));
}

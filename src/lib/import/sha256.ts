/**
 * The SHA-256 of a file's bytes as lower-case hex, to recognise a file imported before.
 * WebCrypto (`crypto.subtle`) exists in browsers, workers and Node 20, so no library is needed.
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
	// A view into a larger (or shared) buffer: digest exactly the viewed bytes.
	const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(bytes));
	let hex = '';
	for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0');
	return hex;
}

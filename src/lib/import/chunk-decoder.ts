/**
 * Bytes to text, chunk by chunk, for files that come as UTF-8 (with or without BOM), as
 * Windows-1252 from an older spreadsheet, or as UTF-16 with a BOM (Excel's "Unicode text").
 *
 * The encoding is decided on the first non-ASCII bytes: ASCII reads the same in all three, so
 * until then nothing is known and nothing needs to be. A UTF-8 sequence cut at a chunk end is
 * held back rather than judged, so a split `ä` never flips a UTF-8 file to Windows-1252.
 */

export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export type ChunkDecoder = {
	/** Decodes the next chunk; returns the text that is complete so far. */
	decode(chunk: Uint8Array): string;
	/** Ends the stream; returns what was held back. */
	flush(): string;
	/** The decided encoding; `undefined` while everything read so far was ASCII. */
	readonly encoding: TextEncodingName | undefined;
	/** True when the file started with a byte order mark (removed from the text). */
	readonly bom: boolean;
	/**
	 * True when UTF-8 was decided but a later chunk held bytes that are not UTF-8 (they became
	 * U+FFFD). Only the bytes seen when deciding are validated: a whole-file decode never sets it.
	 */
	readonly lossy: boolean;
};

const EMPTY = new Uint8Array(0);

/** Creates a streaming decoder that detects the encoding from the leading bytes. */
export function createChunkDecoder(): ChunkDecoder {
	let encoding: TextEncodingName | undefined;
	let bom = false;
	let lossy = false;
	let atStart = true;
	let pending: Uint8Array = EMPTY;
	let decoder: TextDecoder | undefined;
	const ascii = new TextDecoder('utf-8');

	function run(chunk: Uint8Array, final: boolean): string {
		if (decoder) return decodeWith(decoder, chunk, final);
		const bytes = concat(pending, chunk);
		pending = EMPTY;
		if (atStart) {
			if (!final && bytes.length < 3 && couldBeBom(bytes)) {
				pending = bytes;
				return '';
			}
			atStart = false;
			const marked = byteOrderMark(bytes);
			if (marked) {
				bom = true;
				return start(marked, bytes, final, false);
			}
		}
		const firstHigh = bytes.findIndex((byte) => byte >= 0x80);
		if (firstHigh < 0) return ascii.decode(bytes);
		const head = ascii.decode(bytes.subarray(0, firstHigh));
		const rest = bytes.subarray(firstHigh);
		const complete = final ? rest.length : completeUtf8Length(rest);
		if (complete === 0) {
			// Only a cut sequence so far: wait for the bytes that finish it.
			pending = rest.slice();
			return head;
		}
		const chosen = isUtf8(rest.subarray(0, complete)) ? 'utf-8' : 'windows-1252';
		return head + start(chosen, rest, final, true);
	}

	function start(name: TextEncodingName, bytes: Uint8Array, final: boolean, midStream: boolean) {
		encoding = name;
		// Mid-stream, a U+FEFF is a character of the text, not a byte order mark.
		decoder = new TextDecoder(name, { ignoreBOM: midStream });
		return decodeWith(decoder, bytes, final);
	}

	function decodeWith(active: TextDecoder, bytes: Uint8Array, final: boolean): string {
		const text = active.decode(bytes, { stream: !final });
		if (encoding === 'utf-8' && !lossy && text.includes('\uFFFD')) lossy = true;
		return text;
	}

	return {
		decode: (chunk) => run(chunk, false),
		flush: () => {
			const text = run(EMPTY, true);
			if (!encoding) encoding = 'utf-8';
			return text;
		},
		get encoding() {
			return encoding;
		},
		get bom() {
			return bom;
		},
		get lossy() {
			return lossy;
		}
	};
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
	if (a.length === 0) return b;
	if (b.length === 0) return a;
	const joined = new Uint8Array(a.length + b.length);
	joined.set(a, 0);
	joined.set(b, a.length);
	return joined;
}

function couldBeBom(bytes: Uint8Array): boolean {
	const utf8 = [0xef, 0xbb, 0xbf];
	if (bytes.every((byte, i) => byte === utf8[i])) return true;
	return bytes.length === 1 && (bytes[0] === 0xff || bytes[0] === 0xfe);
}

function byteOrderMark(bytes: Uint8Array): TextEncodingName | undefined {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
	return undefined;
}

/**
 * The length of `bytes` without a trailing UTF-8 sequence that the next chunk may complete:
 * a lead byte near the end followed by fewer continuation bytes than it announces.
 */
export function completeUtf8Length(bytes: Uint8Array): number {
	const n = bytes.length;
	for (let i = n - 1; i >= Math.max(0, n - 4); i--) {
		const byte = bytes[i];
		if ((byte & 0xc0) === 0x80) continue;
		if (byte < 0xc0) return n;
		const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
		return i + needed > n ? i : n;
	}
	return n;
}

function isUtf8(bytes: Uint8Array): boolean {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return true;
	} catch {
		return false;
	}
}

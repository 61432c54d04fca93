import { describe, expect, it } from 'vitest';
import { decodeBytes } from '$lib/import/decode-bytes';
import { readFileStreaming } from './read-file';

/** A Blob whose stream delivers the bytes in chunks of `size`, as a file on disk may. */
function chunkedBlob(bytes: Uint8Array<ArrayBuffer>, size: number): Blob {
	const blob = new Blob([bytes]);
	return Object.assign(blob, {
		stream: () =>
			new ReadableStream<Uint8Array>({
				start(controller) {
					for (let at = 0; at < bytes.length; at += size)
						controller.enqueue(bytes.slice(at, at + size));
					controller.close();
				}
			})
	});
}

const signal = new AbortController().signal;

describe('readFileStreaming in Chromium', () => {
	it('decodes umlauts split across every chunk boundary exactly as a whole-file decode', async () => {
		const text = 'SID;Kunde\nSID-4711-HZN-01;Bäckerei Hüttner KG – Müller\n';
		const bytes = new TextEncoder().encode(text);
		for (const size of [1, 2, 3, 5, 7, 64]) {
			const progress: number[] = [];
			const read = await readFileStreaming({
				file: chunkedBlob(bytes, size),
				onProgress: (n) => progress.push(n),
				signal
			});
			expect(read.decoded?.text, `chunks of ${size}`).toBe(text);
			expect(read.decoded?.encoding).toBe('utf-8');
			expect(read.bytes).toEqual(bytes);
			expect(progress.at(-1)).toBe(bytes.length);
		}
	});

	it('reads Windows-1252 bytes as Windows-1252', async () => {
		const bytes = new Uint8Array([0x4b, 0xfc, 0x68, 0x6c, 0x20, 0x80, 0x0a]); // "Kühl €\n"
		const read = await readFileStreaming({
			file: chunkedBlob(bytes, 2),
			onProgress: () => {},
			signal
		});
		expect(read.decoded).toEqual({ text: 'Kühl €\n', encoding: 'windows-1252', bom: false });
	});

	it('leaves a file that turns out not to be UTF-8 to the whole-file decoder', async () => {
		const head = new TextEncoder().encode('Kunde;Menge\nMüller;1\n');
		const bytes = new Uint8Array([...head, 0x4b, 0xfc, 0x68, 0x6c, 0x3b, 0x32, 0x0a]);
		const read = await readFileStreaming({
			file: chunkedBlob(bytes, 8),
			onProgress: () => {},
			signal
		});
		expect(read.decoded).toBeUndefined();
		expect(decodeBytes({ bytes: read.bytes }).encoding).toBe('windows-1252');
	});
});

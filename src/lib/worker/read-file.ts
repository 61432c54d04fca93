import { createChunkDecoder } from '$lib/import/chunk-decoder';
import type { DecodedText } from '$lib/import/decode-bytes';

/**
 * Reads a file as a stream and decodes it chunk by chunk as it arrives (a
 * multi-byte character split between chunks is held back, not garbled). The
 * bytes are kept too: the file's digest is taken over them. When the decoder
 * decided UTF-8 from the first chunks and a later chunk disagrees, the text is
 * left out and the importer decodes the whole file again.
 */
export async function readFileStreaming(options: {
	file: Blob;
	onProgress: (bytesRead: number) => void;
	signal: AbortSignal;
}): Promise<{ bytes: Uint8Array; decoded?: DecodedText }> {
	const { file, onProgress, signal } = options;
	const bytes = new Uint8Array(file.size);
	const decoder = createChunkDecoder();
	const parts: string[] = [];
	let offset = 0;
	const reader = file.stream().getReader();
	for (;;) {
		if (signal.aborted) {
			await reader.cancel();
			break;
		}
		const { done, value } = await reader.read();
		if (done) break;
		bytes.set(value, offset);
		offset += value.byteLength;
		parts.push(decoder.decode(value));
		onProgress(offset);
	}
	parts.push(decoder.flush());
	if (decoder.lossy) return { bytes };
	return {
		bytes,
		decoded: { text: parts.join(''), encoding: decoder.encoding ?? 'utf-8', bom: decoder.bom }
	};
}

/** Hands text to the browser as a download named `name`; the object URL is freed right after. */
export function saveFile(options: { name: string; text: string; type: string }): void {
	saveParts({ name: options.name, parts: [options.text], type: options.type });
}

/** Hands pieces (a ZIP's chunks as they were written) to the browser as one download. */
export function saveParts(options: { name: string; parts: BlobPart[]; type: string }): void {
	const url = URL.createObjectURL(new Blob(options.parts, { type: options.type }));
	Object.assign(document.createElement('a'), { href: url, download: options.name }).click();
	setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A Blob's bytes as they are read, piece by piece, never all at once. */
export async function* blobPieces(blob: Blob): AsyncGenerator<Uint8Array> {
	const reader = blob.stream().getReader();
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) return;
			yield value;
		}
	} finally {
		reader.releaseLock();
	}
}

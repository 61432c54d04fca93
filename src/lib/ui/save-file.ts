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

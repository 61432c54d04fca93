/** Hands text to the browser as a download named `name`; the object URL is freed right after. */
export function saveFile(options: { name: string; text: string; type: string }): void {
	const url = URL.createObjectURL(new Blob([options.text], { type: options.type }));
	Object.assign(document.createElement('a'), { href: url, download: options.name }).click();
	setTimeout(() => URL.revokeObjectURL(url), 0);
}

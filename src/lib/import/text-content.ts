/** How much of the text is sampled: a binary file shows itself in its first kilobytes. */
const SAMPLE = 64 * 1024;
/** Share of control characters above which text is taken for binary data. */
const CONTROL_SHARE = 0.05;

/**
 * Tells an empty or binary file (an Excel workbook, a PDF, a zip) from text before any CSV
 * parsing, so the user reads "not a text file" instead of a hundred row problems.
 */
export function findContentProblem({
	text
}: {
	text: string;
}): 'empty-file' | 'binary-file' | undefined {
	if (text.trim() === '') return 'empty-file';
	const length = Math.min(text.length, SAMPLE);
	let controls = 0;
	for (let i = 0; i < length; i++) {
		const code = text.charCodeAt(i);
		if (code === 0) return 'binary-file';
		// Tab, line feed, form feed and carriage return belong in text; other C0 controls do not.
		if (code < 0x20 && code !== 9 && code !== 10 && code !== 12 && code !== 13) controls++;
	}
	return controls / length > CONTROL_SHARE ? 'binary-file' : undefined;
}

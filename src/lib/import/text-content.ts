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
	// A PDF can be mostly text; its first bytes say what it is.
	if (binaryKind({ text })) return 'binary-file';
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

/** What kind of binary file it is, by its first bytes: the message can then name it. */
export type BinaryKind = 'pdf' | 'zip' | 'ole';

/**
 * A PDF starts "%PDF-"; a zip (an .xlsx or .ods workbook) "PK\x03\x04"; an old .xls workbook is
 * an OLE file starting D0 CF 11 E0, which Windows-1252 decodes as "ÐÏ\x11à". A PDF is not "an
 * Excel workbook", so the message must not say so.
 */
export function binaryKind({ text }: { text: string }): BinaryKind | undefined {
	if (text.startsWith('%PDF-')) return 'pdf';
	if (text.startsWith('PK\u0003\u0004')) return 'zip';
	if (text.startsWith('\u00d0\u00cf\u0011\u00e0') || text.startsWith('\ufffd\ufffd\u0011\ufffd'))
		return 'ole';
	return undefined;
}

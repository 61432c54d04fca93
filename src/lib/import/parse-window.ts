import Papa from 'papaparse';

export type Delimiter = ';' | ',' | '\t';

export const DELIMITERS: readonly Delimiter[] = [';', ',', '\t'];

export type WindowResult = {
	rows: string[][];
	/** Indexes into `rows` of rows whose quotes papaparse could not make sense of. */
	malformed: Set<number>;
	/** Characters consumed: the end of the last complete row. */
	consumed: number;
};

/**
 * Parses a slice of CSV text with papaparse's low-level parser. With `final` false the last,
 * possibly cut row is left for the next slice (papaparse's own `ignoreLastRow`), which is what
 * lets the importer read a big file in slices and give the event loop a turn in between.
 *
 * Rows always split on `\n`: a CRLF row keeps its `\r` in the last cell (`stripRowEnd` removes
 * it; after a closing quote papaparse skips it as white space), so a file that mixes CRLF and
 * LF rows still reads row by row. Files that end lines with a lone `\r` (classic Mac) say so.
 */
export function parseWindow({
	text,
	delimiter,
	newline,
	final
}: {
	text: string;
	delimiter: Delimiter;
	newline: '\n' | '\r';
	final: boolean;
}): WindowResult {
	const parser = new Papa.Parser({ delimiter, newline, quoteChar: '"' });
	const result = parser.parse(text, 0, !final) as Papa.ParseResult<string[]>;
	const malformed = new Set<number>();
	for (const error of result.errors) {
		if (error.type === 'Quotes' && error.row !== undefined) malformed.add(error.row);
	}
	const rows = result.data;
	if (newline === '\n') for (const row of rows) stripRowEnd(row);
	return { rows, malformed, consumed: final ? text.length : result.meta.cursor };
}

function stripRowEnd(row: string[]): void {
	const last = row.length - 1;
	const cell = row[last];
	if (cell !== undefined && cell.charCodeAt(cell.length - 1) === 13) row[last] = cell.slice(0, -1);
}

/** `\r` only for files without a single `\n` (classic Mac line ends); `\n` covers LF and CRLF. */
export function detectNewline({ text }: { text: string }): '\n' | '\r' {
	return text.includes('\n') || !text.includes('\r') ? '\n' : '\r';
}

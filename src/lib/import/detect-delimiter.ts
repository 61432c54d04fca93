import { DELIMITERS, parseWindow, type Delimiter } from './parse-window';

/** Enough rows to see the header and some data, few enough to stay cheap on a big file. */
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_ROWS = 30;

/**
 * Picks the delimiter (`;`, `,` or tab) that splits the leading rows into the same number of
 * cells most often. Commas inside German numbers (`24,90`) give a `;` file ragged comma
 * counts, so they lose to the semicolons. `undefined` when no candidate gives two cells.
 */
export function detectDelimiter({
	text,
	newline
}: {
	text: string;
	newline: '\n' | '\r';
}): Delimiter | undefined {
	const final = text.length <= SAMPLE_CHARS;
	const sample = final ? text : text.slice(0, SAMPLE_CHARS);
	let best: { delimiter: Delimiter; rows: number; cells: number } | undefined;
	for (const delimiter of DELIMITERS) {
		const { rows } = parseWindow({ text: sample, delimiter, newline, final });
		const counts = new Map<number, number>();
		for (const row of rows.slice(0, SAMPLE_ROWS)) {
			if (row.length < 2) continue;
			counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
		}
		for (const [cells, rowCount] of counts) {
			const better =
				!best || rowCount > best.rows || (rowCount === best.rows && cells > best.cells);
			if (better) best = { delimiter, rows: rowCount, cells };
		}
	}
	return best?.delimiter;
}

const SEP_LINE = /^sep=(.)\r?$/;

/**
 * Excel writes and reads a first line `sep=;` that names the delimiter. Returns the delimiter
 * it names (when it is one we read) and how many characters the line takes, with its line end.
 */
export function readSepLine({
	text
}: {
	text: string;
}): { delimiter: Delimiter; length: number } | undefined {
	const end = text.indexOf('\n');
	const line = end < 0 ? text : text.slice(0, end);
	const match = SEP_LINE.exec(line);
	const named = match?.[1];
	const delimiter = DELIMITERS.find((candidate) => candidate === named);
	if (!delimiter) return undefined;
	return { delimiter, length: end < 0 ? text.length : end + 1 };
}

import { parseWindow, type Delimiter } from './parse-window';

/** One CSV record and where it starts in the file. */
export type CsvRecord = {
	/** Physical line of the record's first character, 1-based. */
	line: number;
	cells: string[];
	/** papaparse found unbalanced quotes here: the cells cannot be trusted. */
	malformed?: true;
};

/** Characters per slice: about 5,000 usage rows, so a slice is a few milliseconds. */
const WINDOW = 512 * 1024;

/**
 * Reads CSV text record by record, in slices (one yielded batch per slice, so an async caller
 * can give the event loop a turn). Blank lines and rows of empty cells (`;;;;`, which Excel
 * writes for an empty row) are skipped but counted, so `line` is the physical line number: a
 * quoted cell with a line break makes the next record start that many lines further down.
 */
export function* readCsvRecords({
	text,
	delimiter,
	newline,
	offset = 0,
	firstLine = 1
}: {
	text: string;
	delimiter: Delimiter;
	newline: '\n' | '\r';
	/** Where to start reading (after a `sep=;` line) and the line number there. */
	offset?: number;
	firstLine?: number;
}): Generator<CsvRecord[], void, void> {
	let line = firstLine;
	let start = offset;
	let size = WINDOW;
	while (start < text.length) {
		const end = Math.min(text.length, start + size);
		const final = end === text.length;
		const slice = text.slice(start, end);
		const window = parseWindow({ text: slice, delimiter, newline, final });
		if (window.consumed === 0 && !final) {
			// One record longer than the slice (or an unclosed quote): widen and read again.
			size *= 2;
			continue;
		}
		const batch: CsvRecord[] = [];
		// Only a quoted cell holds a line break: a slice without a quote needs no scan.
		const quoted = slice.includes('"');
		window.rows.forEach((cells, index) => {
			const record: CsvRecord = { line, cells };
			if (window.malformed.has(index)) record.malformed = true;
			line += quoted ? 1 + lineBreaksIn(cells, newline) : 1;
			if (record.malformed || !isBlank(cells)) batch.push(record);
		});
		yield batch;
		start += window.consumed;
		size = WINDOW;
	}
}

function isBlank(cells: string[]): boolean {
	for (const cell of cells) if (cell.trim() !== '') return false;
	return true;
}

/**
 * Line breaks inside the cells (CRLF counts once): the extra physical lines of a record. Only
 * a cell holding the file's newline character is scanned; this runs for every cell.
 */
function lineBreaksIn(cells: string[], newline: '\n' | '\r'): number {
	let breaks = 0;
	for (const cell of cells) {
		if (cell.indexOf(newline) < 0) continue;
		for (let i = 0; i < cell.length; i++) {
			const code = cell.charCodeAt(i);
			if (code === 10 || (code === 13 && cell.charCodeAt(i + 1) !== 10)) breaks++;
		}
	}
	return breaks;
}

import type { UsageLine } from '$lib/domain/usage-line';
import { LINES_PER_CHUNK, type LineChunk, type PartnerDeskDatabase } from './db';
import { guardStorage } from './errors';
import { fromLineColumns } from './line-columns';

/*
 * A page of a revision's lines without reading the whole revision: a 100,000-line month is 100
 * chunks, and reading and decoding all of them to show 100 lines kept the page busy for seconds.
 * Both functions rely on how `writeLines` stores a revision: chunk `i` holds the lines at
 * positions `i * LINES_PER_CHUNK` onwards, every chunk but the last is full, and the lines are
 * in file order, so their line numbers ascend.
 */

function chunkRange(db: PartnerDeskDatabase, revisionId: string, first: number, last: number) {
	return db.lineChunks
		.where('[revisionId+index]')
		.between([revisionId, first], [revisionId, last], true, true);
}

/** The lines at positions `offset` to `offset + limit` (exclusive) of a revision, in file order. */
export async function readLinePage(
	db: PartnerDeskDatabase,
	revisionId: string,
	page: { offset: number; limit: number }
): Promise<UsageLine[]> {
	const offset = Math.max(0, Math.floor(page.offset));
	const limit = Math.max(0, Math.floor(page.limit));
	if (limit === 0) return [];
	const first = Math.floor(offset / LINES_PER_CHUNK);
	const last = Math.floor((offset + limit - 1) / LINES_PER_CHUNK);
	const chunks = await guardStorage(() => chunkRange(db, revisionId, first, last).toArray());
	const lines: UsageLine[] = [];
	for (const chunk of chunks) {
		const base = chunk.index * LINES_PER_CHUNK;
		const slice = fromLineColumns(chunk.columns, offset - base, offset + limit - base);
		for (const line of slice) lines.push(line);
	}
	return lines;
}

/**
 * The position (0-based, in file order) of the line with file line number `line`, or undefined
 * when the revision has no such line. A binary search over the chunks: about 7 chunk reads for
 * 100 chunks, where a scan would read them all.
 */
export async function locateLine(
	db: PartnerDeskDatabase,
	revisionId: string,
	line: number
): Promise<number | undefined> {
	const count = await guardStorage(() =>
		chunkRange(db, revisionId, 0, Number.MAX_SAFE_INTEGER).count()
	);
	let low = 0;
	let high = count - 1;
	while (low <= high) {
		const middle = (low + high) >> 1;
		const chunk: LineChunk | undefined = await guardStorage(() =>
			db.lineChunks.get([revisionId, middle])
		);
		const numbers = chunk?.columns.line;
		if (!numbers || numbers.length === 0) return undefined;
		if (line < numbers[0]) high = middle - 1;
		else if (line > numbers[numbers.length - 1]) low = middle + 1;
		else {
			const at = numbers.indexOf(line);
			return at < 0 ? undefined : middle * LINES_PER_CHUNK + at;
		}
	}
	return undefined;
}

/** A revision's lines in file order: all its chunks, decoded. */
export async function readLines(db: PartnerDeskDatabase, revisionId: string): Promise<UsageLine[]> {
	const chunks = await guardStorage(() =>
		db.lineChunks
			.where('[revisionId+index]')
			.between([revisionId, 0], [revisionId, Infinity])
			.toArray()
	);
	return chunks.flatMap((chunk) => fromLineColumns(chunk.columns));
}

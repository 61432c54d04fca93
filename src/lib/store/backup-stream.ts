import { z } from 'zod';
import {
	BACKUP_FORMAT,
	BACKUP_FORMAT_VERSION,
	BackupDataSchema,
	type BackupData
} from '$lib/domain/backup';
import { BACKED_UP_TABLES, type LineChunk, type PartnerDeskDatabase } from './db';
import { guardStorage } from './errors';
import { fromLineColumns } from './line-columns';
import { readProfile } from './settings-repo';

/*
 * The backup file written as it is read, record by record: ten years of a 2,000-customer partner
 * are 2.4 million lines, about a gigabyte of JSON, more than a JavaScript string can hold (and
 * more than a tablet should hold in memory at once). The text is exactly what `serializeBackup`
 * makes of `exportBackup` (the same key order, indentation and validation per record), so a
 * file written either way restores the same; only the pieces are handed out one by one.
 */

/**
 * Records read per request: a page of line chunks is about 20,000 lines. A bundle body is read
 * alone: each holds a month's signed lines, about 8 MB for 20,000, and a page of twenty of them
 * was the backup's whole peak of memory.
 */
const PAGE = 20;
const PAGE_OF: Partial<Record<TableKey, number>> = { bundleBodies: 1 };
/** Text is handed out in pieces of about this many UTF-16 units. */
const PIECE = 1 << 20;

type TableKey = Exclude<keyof BackupData, 'profile'>;

/** The schema of one record of a table (each is an array, some with a default of []). */
function recordSchema(key: TableKey): z.ZodType {
	let schema = BackupDataSchema.shape[key] as z.ZodType;
	if (schema instanceof z.ZodDefault) schema = schema.unwrap() as z.ZodType;
	return (schema as z.ZodArray<z.ZodType>).element;
}

/** JSON.stringify(value, null, 2) as it reads nested at `depth` levels of 2 spaces. */
function nested(value: unknown, depth: number): string {
	return JSON.stringify(value, null, 2).replaceAll('\n', `\n${'  '.repeat(depth)}`);
}

/** A stored record as the backup holds it: line chunks as lines, not columns. */
function asBackedUp(key: TableKey, record: unknown): unknown {
	if (key !== 'lineChunks') return record;
	const { columns, ...chunk } = record as LineChunk;
	return { ...chunk, lines: fromLineColumns(columns) };
}

/** Collects text and hands it to `write` as UTF-8 in pieces of about `PIECE` units. */
class PieceWriter {
	#held: string[] = [];
	#length = 0;
	readonly #encoder = new TextEncoder();
	bytes = 0;

	constructor(
		private readonly write: (piece: Uint8Array) => void,
		private readonly size = PIECE
	) {}

	add(text: string): void {
		this.#held.push(text);
		this.#length += text.length;
		if (this.#length >= this.size) this.flush();
	}

	flush(): void {
		if (this.#length === 0) return;
		// Whole texts only: a surrogate pair is never split between two pieces.
		const piece = this.#encoder.encode(this.#held.join(''));
		this.#held = [];
		this.#length = 0;
		this.bytes += piece.length;
		this.write(piece);
	}
}

/**
 * Writes the backup of everything stored, in one read transaction (a consistent snapshot), to
 * `write` piece by piece; `write` must take a piece at once (a Blob part, a count), since the
 * transaction ends when anything but the database is awaited. Returns the time it names and the
 * bytes written.
 */
export async function writeBackup(
	db: PartnerDeskDatabase,
	options: {
		write: (piece: Uint8Array) => void;
		now?: Date;
		/** About how many UTF-16 units a piece holds (1 MiB unless a test wants small ones). */
		pieceSize?: number;
	}
): Promise<{ exportedAt: string; bytes: number }> {
	const exportedAt = (options.now ?? new Date()).toISOString();
	const out = new PieceWriter(options.write, options.pieceSize);
	await guardStorage(() =>
		db.transaction('r', [...BACKED_UP_TABLES], async () => {
			out.add(
				`{\n  "format": ${JSON.stringify(BACKUP_FORMAT)},\n  "formatVersion": ${BACKUP_FORMAT_VERSION},\n` +
					`  "exportedAt": ${JSON.stringify(exportedAt)},\n  "data": {\n`
			);
			const profile = BackupDataSchema.shape.profile.parse((await readProfile(db)) ?? null);
			out.add(`    "profile": ${nested(profile, 2)}`);
			for (const key of Object.keys(BackupDataSchema.shape) as (keyof BackupData)[]) {
				if (key === 'profile') continue;
				out.add(`,\n    ${JSON.stringify(key)}: `);
				await writeTable(db, key, out);
			}
			out.add('\n  }\n}\n');
		})
	);
	out.flush();
	return { exportedAt, bytes: out.bytes };
}

/** One table as a JSON array, read a page of records at a time in primary-key order. */
async function writeTable(db: PartnerDeskDatabase, key: TableKey, out: PieceWriter) {
	if (!(BACKED_UP_TABLES as readonly string[]).includes(key))
		throw new Error(`table ${key} is in the backup format but not backed up`);
	const table = db.table(key);
	const schema = recordSchema(key);
	const keys = await table.toCollection().primaryKeys();
	if (keys.length === 0) {
		out.add('[]');
		return;
	}
	out.add('[\n');
	const page = PAGE_OF[key] ?? PAGE;
	for (let start = 0; start < keys.length; start += page) {
		const records = await table.bulkGet(keys.slice(start, start + page));
		records.forEach((record, at) => {
			const text = nested(schema.parse(asBackedUp(key, record)), 3);
			out.add(`${start + at > 0 ? ',\n' : ''}      ${text}`);
		});
	}
	out.add('\n    ]');
}

/**
 * The backup as a Blob, its JSON written piece by piece: each piece becomes a Blob of its own,
 * which the browser keeps outside the page's memory, so the page never holds the whole file.
 */
export async function backupBlob(
	db: PartnerDeskDatabase,
	now?: Date
): Promise<{ blob: Blob; exportedAt: string }> {
	const parts: Blob[] = [];
	const { exportedAt } = await writeBackup(db, {
		now,
		write: (piece) => parts.push(new Blob([piece as Uint8Array<ArrayBuffer>]))
	});
	return { blob: new Blob(parts, { type: 'application/json' }), exportedAt };
}

import { afterEach, expect, it } from 'vitest';
import { parseBackup, serializeBackup } from '$lib/domain/backup';
import { toPeriod } from '$lib/domain/period';
import { writeHistory } from '../../../tests/helpers/partner-history/write-history';
import { exportBackup } from './backup-repo';
import { backupBlob, writeBackup } from './backup-stream';
import { PartnerDeskDatabase } from './db';
import { dropDatabase } from '../../../tests/helpers/store';

let db: PartnerDeskDatabase;

afterEach(() => dropDatabase(db));

const at = new Date('2026-12-05T10:00:00Z');

/** Four months of a 15-customer partner through the app's write paths: reports, a correction
 * (June), acknowledgements, signed and delivered bundles, the chained audit log. */
async function history(): Promise<PartnerDeskDatabase> {
	db = new PartnerDeskDatabase(`backup-stream-${crypto.randomUUID()}`);
	await writeHistory(db, { months: 4, lastPeriod: toPeriod(2026, 7), customers: 15 });
	return db;
}

it('writes, piece by piece, exactly the file serializeBackup makes of exportBackup', async () => {
	await history();
	expect(await db.bundleBodies.count()).toBe(5);
	expect(await db.lineChunks.count()).toBeGreaterThan(0);
	const pieces: Uint8Array[] = [];
	const written = await writeBackup(db, {
		now: at,
		pieceSize: 4096,
		write: (piece) => pieces.push(piece)
	});
	// Small pieces: the file is handed out in many, none much over the size asked for (one
	// record of a bundle body is larger than 4,096 units and goes out as one piece).
	expect(pieces.length).toBeGreaterThan(10);
	const bytes = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
	let offset = 0;
	for (const piece of pieces) {
		bytes.set(piece, offset);
		offset += piece.length;
	}
	expect(written).toEqual({ exportedAt: at.toISOString(), bytes: bytes.length });
	const text = new TextDecoder().decode(bytes);
	expect(text).toBe(serializeBackup(await exportBackup(db, at)));
	const parsed = parseBackup({ text, file: 'streamed.json' });
	expect(parsed.ok).toBe(true);
});

it('an empty database backs up as empty tables, as exportBackup writes them', async () => {
	db = new PartnerDeskDatabase(`backup-stream-${crypto.randomUUID()}`);
	const { blob } = await backupBlob(db, at);
	expect(await blob.text()).toBe(serializeBackup(await exportBackup(db, at)));
	expect(await blob.text()).toContain('"profile": null,\n    "enrollments": [],');
});

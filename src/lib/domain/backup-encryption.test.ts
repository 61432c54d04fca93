import { describe, expect, it } from 'vitest';
import {
	collectBytes,
	decryptBackup,
	decryptBackupText,
	encryptBackup,
	isEncryptedBackup,
	MIN_PBKDF2_ITERATIONS
} from './backup-encryption';

const encoder = new TextEncoder();
const text = JSON.stringify({ format: 'partner-desk-backup', note: 'Bäckerei Hüttner KG' }).repeat(
	50
);
const PASSPHRASE = 'korrekt Pferd Batterie Heftklammer';

/** Encrypted with small segments, so a file has several and a cut can fall between two. */
async function encrypted(plain = text, chunkSize = 256): Promise<Uint8Array> {
	return collectBytes(
		encryptBackup({ passphrase: PASSPHRASE, chunks: [encoder.encode(plain)], chunkSize })
	);
}

function headerOf(bytes: Uint8Array): Record<string, Record<string, unknown>> {
	const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(10);
	return JSON.parse(new TextDecoder().decode(bytes.subarray(14, 14 + length)));
}

describe('encrypted backups', () => {
	it('round-trips, with the KDF parameters, salt and IV in the header', async () => {
		const bytes = await encrypted();
		expect(isEncryptedBackup(bytes)).toBe(true);
		expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe('PDESKENC');
		const header = headerOf(bytes);
		expect(header.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 });
		expect(header.cipher).toMatchObject({ name: 'AES-GCM', length: 256, chunkSize: 256 });
		// 16 random bytes of salt and 7 of IV prefix, as unpadded base64url.
		expect(header.kdf.salt).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect(header.cipher.iv).toMatch(/^[A-Za-z0-9_-]{10}$/);
		expect(new TextDecoder().decode(bytes)).not.toContain('Hüttner');
		expect(await decryptBackupText({ passphrase: PASSPHRASE, bytes, file: 'b.pdbackup' })).toEqual({
			ok: true,
			text
		});
		// Two encryptions of the same text differ (fresh salt and IV).
		expect(headerOf(await encrypted()).kdf.salt).not.toBe(header.kdf.salt);
	});

	it('round-trips an empty backup and one of exactly one segment, fed in odd pieces', async () => {
		expect(
			await decryptBackupText({ passphrase: PASSPHRASE, bytes: await encrypted(''), file: 'e' })
		).toEqual({ ok: true, text: '' });
		const plain = encoder.encode('x'.repeat(512));
		const pieces = [plain.subarray(0, 3), plain.subarray(3, 300), plain.subarray(300)];
		const bytes = await collectBytes(
			encryptBackup({ passphrase: PASSPHRASE, chunks: pieces, chunkSize: 256 })
		);
		const out = await collectBytes(
			decryptBackup({
				passphrase: PASSPHRASE,
				// The file read back 100 bytes at a time.
				bytes: Array.from({ length: Math.ceil(bytes.length / 100) }, (_, i) =>
					bytes.subarray(i * 100, i * 100 + 100)
				),
				file: 'p'
			})
		);
		expect(new TextDecoder().decode(out)).toBe('x'.repeat(512));
	});

	it('refuses a wrong passphrase', async () => {
		const bytes = await encrypted();
		expect(
			await decryptBackupText({ passphrase: 'korrekt Pferd Batterie', bytes, file: 'b.pdbackup' })
		).toEqual({ ok: false, problem: { code: 'backup-wrong-passphrase', file: 'b.pdbackup' } });
	});

	it('refuses a file cut anywhere: in the header, inside a segment, between segments', async () => {
		const bytes = await encrypted();
		const headerEnd = 14 + new DataView(bytes.buffer).getUint32(10);
		// Segments of 256 bytes sealed are 4 + 256 + 16 = 276 bytes long.
		for (const cut of [5, headerEnd - 3, headerEnd + 100, headerEnd + 276, bytes.length - 1]) {
			expect(
				await decryptBackupText({ passphrase: PASSPHRASE, bytes: bytes.slice(0, cut), file: 'c' }),
				`cut at ${cut}`
			).toEqual({ ok: false, problem: { code: 'backup-truncated', file: 'c' } });
		}
	});

	it('names the damaged segment, swapped segments and bytes after the end', async () => {
		const bytes = await encrypted();
		const headerEnd = 14 + new DataView(bytes.buffer).getUint32(10);
		const flipped = bytes.slice();
		flipped[headerEnd + 276 + 50] ^= 1;
		expect(await decryptBackupText({ passphrase: PASSPHRASE, bytes: flipped, file: 'd' })).toEqual({
			ok: false,
			problem: { code: 'backup-damaged', file: 'd', chunk: 2 }
		});
		// Segments swapped: each authenticates its position.
		const swapped = bytes.slice();
		swapped.set(bytes.subarray(headerEnd, headerEnd + 276), headerEnd + 276);
		swapped.set(bytes.subarray(headerEnd + 276, headerEnd + 552), headerEnd);
		expect(await decryptBackupText({ passphrase: PASSPHRASE, bytes: swapped, file: 'd' })).toEqual({
			ok: false,
			problem: { code: 'backup-damaged', file: 'd', chunk: 1 }
		});
		const longer = new Uint8Array([...bytes, 0, 0, 0, 0]);
		expect(
			await decryptBackupText({ passphrase: PASSPHRASE, bytes: longer, file: 'd' })
		).toMatchObject({
			ok: false,
			problem: { code: 'backup-damaged' }
		});
	});

	it('refuses a header asking for fewer iterations or a newer format', async () => {
		const bytes = await encrypted();
		const header = headerOf(bytes);
		const weaker = { ...header, kdf: { ...header.kdf, iterations: 1000 } };
		const json = encoder.encode(JSON.stringify(weaker));
		const length = 14 + new DataView(bytes.buffer).getUint32(10);
		const forged = new Uint8Array(14 + json.length + bytes.length - length);
		forged.set(bytes.subarray(0, 10));
		new DataView(forged.buffer).setUint32(10, json.length);
		forged.set(json, 14);
		forged.set(bytes.subarray(length), 14 + json.length);
		expect(await decryptBackupText({ passphrase: PASSPHRASE, bytes: forged, file: 'w' })).toEqual({
			ok: false,
			problem: {
				code: 'backup-encryption-unsupported',
				file: 'w',
				field: 'kdf.iterations',
				value: '1000'
			}
		});
		const newer = bytes.slice();
		newer[9] = 2;
		expect(await decryptBackupText({ passphrase: PASSPHRASE, bytes: newer, file: 'n' })).toEqual({
			ok: false,
			problem: { code: 'backup-encryption-unsupported', file: 'n', field: 'version', value: '2' }
		});
		expect(MIN_PBKDF2_ITERATIONS).toBe(600_000);
	});

	it('refuses a plain file as foreign', async () => {
		expect(
			await decryptBackupText({ passphrase: PASSPHRASE, bytes: encoder.encode(text), file: 'p' })
		).toEqual({ ok: false, problem: { code: 'backup-foreign', file: 'p' } });
	});

	it('refuses every header field it does not read, naming the field and its value', async () => {
		const bytes = await encrypted();
		const header = headerOf(bytes);
		const start = 14 + new DataView(bytes.buffer).getUint32(10);
		/** The file with `changed` as its header and everything after the header as it was. */
		const withHeader = (changed: unknown) => {
			const json = encoder.encode(JSON.stringify(changed));
			const forged = new Uint8Array(14 + json.length + bytes.length - start);
			forged.set(bytes.subarray(0, 10));
			new DataView(forged.buffer).setUint32(10, json.length);
			forged.set(json, 14);
			forged.set(bytes.subarray(start), 14 + json.length);
			return forged;
		};
		const kdf = (change: object) => ({ ...header, kdf: { ...header.kdf, ...change } });
		const cipher = (change: object) => ({ ...header, cipher: { ...header.cipher, ...change } });
		const cases: [unknown, string, string][] = [
			[kdf({ name: 'scrypt' }), 'kdf.name', '"scrypt"'],
			[{ ...header, kdf: undefined }, 'kdf.name', 'undefined'],
			[kdf({ hash: 'SHA-1' }), 'kdf.hash', '"SHA-1"'],
			[kdf({ iterations: 600_000.5 }), 'kdf.iterations', '600000.5'],
			[kdf({ iterations: MIN_PBKDF2_ITERATIONS - 1 }), 'kdf.iterations', '599999'],
			[cipher({ name: 'AES-CBC' }), 'cipher.name', '"AES-CBC"'],
			[cipher({ length: 128 }), 'cipher.length', '128'],
			[cipher({ chunkSize: 0 }), 'cipher.chunkSize', '0'],
			[cipher({ chunkSize: 2.5 }), 'cipher.chunkSize', '2.5'],
			[cipher({ chunkSize: 2 ** 30 }), 'cipher.chunkSize', String(2 ** 30)],
			[kdf({ salt: 'AAAA' }), 'kdf.salt', '"AAAA"'],
			[kdf({ salt: '!'.repeat(22) }), 'kdf.salt', JSON.stringify('!'.repeat(22))],
			[cipher({ iv: 'AAAAAAAAAAAAAA' }), 'cipher.iv', '"AAAAAAAAAAAAAA"'],
			[{ ...header, check: 'AAAA' }, 'check', '"AAAA"']
		];
		for (const [changed, field, value] of cases)
			expect(
				await decryptBackupText({ passphrase: PASSPHRASE, bytes: withHeader(changed), file: 'h' })
			).toEqual({
				ok: false,
				problem: { code: 'backup-encryption-unsupported', file: 'h', field, value }
			});
		// The unchanged header, written again, still opens the file.
		expect(
			await decryptBackupText({ passphrase: PASSPHRASE, bytes: withHeader(header), file: 'h' })
		).toEqual({ ok: true, text });
	});
});

import {
	parseBackup,
	serializeBackup,
	type Backup,
	type BackupParse,
	type BackupProblem
} from './backup';
import { decryptBackupText, encryptBackup, isEncryptedBackup } from './backup-encryption';

/** Text is handed to the encryption in pieces of this many UTF-16 units. */
const PIECE = 1 << 20;

function* utf8Pieces(text: string): Generator<Uint8Array> {
	const encoder = new TextEncoder();
	let start = 0;
	while (start < text.length) {
		let end = Math.min(start + PIECE, text.length);
		// Never split a surrogate pair: each half alone would encode as U+FFFD.
		const code = text.charCodeAt(end - 1);
		if (end < text.length && code >= 0xd800 && code <= 0xdbff) end -= 1;
		yield encoder.encode(text.slice(start, end));
		start = end;
	}
}

/**
 * A backup file's bytes, piece by piece: its JSON text, encrypted when a passphrase is given
 * (backup-encryption.ts). The JSON itself is still one string (serializeBackup); the encryption
 * and the file written from it are streamed.
 */
export async function* backupFileBytes(options: {
	backup: Backup;
	passphrase?: string;
	iterations?: number;
}): AsyncGenerator<Uint8Array> {
	const text = serializeBackup(options.backup);
	if (options.passphrase === undefined) {
		yield* utf8Pieces(text);
		return;
	}
	yield* encryptBackup({
		passphrase: options.passphrase,
		chunks: utf8Pieces(text),
		iterations: options.iterations
	});
}

/**
 * Reads a chosen backup file: decrypts it when it is encrypted (then a passphrase is needed),
 * then parses and validates it whole. Nothing is written anywhere.
 */
export async function readBackupFile(options: {
	bytes: Uint8Array;
	file: string;
	passphrase?: string;
}): Promise<
	BackupParse | { ok: false; problem: { code: 'backup-passphrase-needed'; file: string } }
> {
	const { bytes, file, passphrase } = options;
	if (!isEncryptedBackup(bytes))
		return parseBackup({ text: new TextDecoder().decode(bytes), file });
	if (passphrase === undefined)
		return { ok: false, problem: { code: 'backup-passphrase-needed', file } };
	const decrypted = await decryptBackupText({ passphrase, bytes, file });
	if (!decrypted.ok) return decrypted;
	return parseBackup({ text: decrypted.text, file });
}

/**
 * The largest file a restore reads. A restore reads and checks the whole file before it writes
 * anything, as one text: a JavaScript string holds at most 2^29 - 24 UTF-16 units, about 512 MiB
 * of JSON (a year of a 2,000-customer partner is about 230 MB; ten years, 2.3 GB, cannot be
 * restored in one piece). A larger file is refused before it is read, with its size.
 */
export const RESTORABLE_BYTES = 2 ** 29 - 24;

/** The refusal of a chosen file too large to restore, before any of it is read; else undefined. */
export function tooLargeToRestore(file: {
	name: string;
	size: number;
}): Extract<BackupProblem, { code: 'backup-too-large' }> | undefined {
	if (file.size <= RESTORABLE_BYTES) return undefined;
	const megabytes = (bytes: number) => Math.ceil(bytes / 1_000_000);
	return {
		code: 'backup-too-large',
		file: file.name,
		megabytes: megabytes(file.size),
		limit: Math.floor(RESTORABLE_BYTES / 1_000_000)
	};
}

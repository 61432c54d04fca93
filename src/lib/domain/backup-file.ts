import { parseBackup, serializeBackup, type Backup, type BackupParse } from './backup';
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

import type { BackupProblem } from './backup';

/**
 * An encrypted backup file (issue 14): the backup's bytes under a key derived from a passphrase.
 *
 *   "PDESKENC"  8 bytes, the magic
 *   version     uint16 big-endian (1)
 *   length      uint32 big-endian, of the header JSON
 *   header      UTF-8 JSON: kdf {name PBKDF2, hash SHA-256, iterations, salt}, cipher {name
 *               AES-GCM, length 256, iv, chunkSize}, check (base64url)
 *   segments    each: uint32 big-endian length, then AES-GCM ciphertext with its 16-byte tag
 *
 * WebCrypto's AES-GCM is one-shot, so the plaintext goes in segments of `chunkSize` bytes, the
 * STREAM construction (Hoang, Reyhanitabar, Rogaway, Vizár 2015; as Tink's streaming AEAD): the
 * nonce of segment i is iv (7 random bytes) || i (uint32) || 1 for the last segment, else 0. A
 * file cut after any segment lacks the segment marked last and is refused as truncated; segments
 * cannot be reordered or dropped. Every segment authenticates the whole header (magic to the end
 * of the header JSON) as additional data, so no header field can be changed either. `check` is
 * the tag of an empty message under a nonce no segment uses: it tells a wrong passphrase from a
 * damaged file before any segment is read.
 */
export const ENCRYPTED_BACKUP_MAGIC = 'PDESKENC';
export const ENCRYPTED_BACKUP_VERSION = 1;
/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; a file asking for fewer is refused. */
export const MIN_PBKDF2_ITERATIONS = 600_000;
const DEFAULT_CHUNK_SIZE = 1 << 20;
const MAX_CHUNK_SIZE = 1 << 24;
const MAX_HEADER_LENGTH = 4096;
const TAG_BYTES = 16;
const CHECK_COUNTER = 0xffffffff;

const encoder = new TextEncoder();
const MAGIC = encoder.encode(ENCRYPTED_BACKUP_MAGIC);

type Header = {
	kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
	cipher: { name: 'AES-GCM'; length: 256; iv: string; chunkSize: number };
	check: string;
};

/** A decryption refused: wrong passphrase, damaged, truncated or from a newer app. */
export class BackupDecryptError extends Error {
	constructor(readonly problem: BackupProblem) {
		super(problem.code);
		this.name = 'BackupDecryptError';
	}
}

function base64url(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> | undefined {
	if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
	const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
	return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** Whether bytes start like an encrypted backup (a plain one is JSON text). */
export function isEncryptedBackup(bytes: Uint8Array): boolean {
	return bytes.length >= MAGIC.length && MAGIC.every((byte, i) => bytes[i] === byte);
}

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number) {
	// NFC: the same passphrase typed on macOS (decomposed umlauts) and Windows gives one key.
	const material = await crypto.subtle.importKey(
		'raw',
		encoder.encode(passphrase.normalize('NFC')),
		'PBKDF2',
		false,
		['deriveKey']
	);
	return crypto.subtle.deriveKey(
		{ name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
		material,
		{ name: 'AES-GCM', length: 256 },
		false,
		['encrypt', 'decrypt']
	);
}

function nonce(iv: Uint8Array, counter: number, last: boolean): Uint8Array<ArrayBuffer> {
	const bytes = new Uint8Array(12);
	bytes.set(iv, 0);
	new DataView(bytes.buffer).setUint32(7, counter);
	bytes[11] = last ? 1 : 0;
	return bytes;
}

const CHECK_DATA = encoder.encode('partner-desk key check');

function checkTag(key: CryptoKey, iv: Uint8Array): Promise<ArrayBuffer> {
	return crypto.subtle.encrypt(
		{ name: 'AES-GCM', iv: nonce(iv, CHECK_COUNTER, false), additionalData: CHECK_DATA },
		key,
		new Uint8Array(0)
	);
}

function prefixOf(headerJson: Uint8Array): Uint8Array<ArrayBuffer> {
	const prefix = new Uint8Array(MAGIC.length + 6 + headerJson.length);
	prefix.set(MAGIC, 0);
	const view = new DataView(prefix.buffer);
	view.setUint16(MAGIC.length, ENCRYPTED_BACKUP_VERSION);
	view.setUint32(MAGIC.length + 2, headerJson.length);
	prefix.set(headerJson, MAGIC.length + 6);
	return prefix;
}

function lengthPrefixed(bytes: ArrayBuffer): Uint8Array {
	const out = new Uint8Array(4 + bytes.byteLength);
	new DataView(out.buffer).setUint32(0, bytes.byteLength);
	out.set(new Uint8Array(bytes), 4);
	return out;
}

/** Gathers incoming chunks into segments of exactly `size` bytes (the last one shorter). */
async function* segmentsOf(
	chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
	size: number
): AsyncGenerator<Uint8Array<ArrayBuffer>> {
	let buffer = new Uint8Array(size);
	let filled = 0;
	for await (const chunk of chunks) {
		let offset = 0;
		while (offset < chunk.length) {
			const take = Math.min(size - filled, chunk.length - offset);
			buffer.set(chunk.subarray(offset, offset + take), filled);
			filled += take;
			offset += take;
			if (filled === size) {
				yield buffer;
				buffer = new Uint8Array(size);
				filled = 0;
			}
		}
	}
	yield buffer.slice(0, filled);
}

/**
 * Encrypts a backup's bytes as they come (`chunks`), yielding the file's bytes piece by piece:
 * the header first, then one piece per segment. Nothing holds more than two segments.
 */
export async function* encryptBackup(options: {
	passphrase: string;
	chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
	iterations?: number;
	chunkSize?: number;
}): AsyncGenerator<Uint8Array> {
	const iterations = options.iterations ?? MIN_PBKDF2_ITERATIONS;
	const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
	if (iterations < MIN_PBKDF2_ITERATIONS) throw new RangeError(`iterations ${iterations}`);
	if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) throw new RangeError(`chunkSize ${chunkSize}`);
	const salt = crypto.getRandomValues(new Uint8Array(16));
	const iv = crypto.getRandomValues(new Uint8Array(7));
	const key = await deriveKey(options.passphrase, salt, iterations);
	const header: Header = {
		kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: base64url(salt) },
		cipher: { name: 'AES-GCM', length: 256, iv: base64url(iv), chunkSize },
		check: base64url(new Uint8Array(await checkTag(key, iv)))
	};
	const prefix = prefixOf(encoder.encode(JSON.stringify(header)));
	yield prefix;
	let counter = 0;
	let held: Uint8Array<ArrayBuffer> | undefined;
	const seal = async (segment: Uint8Array<ArrayBuffer>, last: boolean) =>
		lengthPrefixed(
			await crypto.subtle.encrypt(
				{ name: 'AES-GCM', iv: nonce(iv, counter++, last), additionalData: prefix },
				key,
				segment
			)
		);
	// A segment is sealed once the next one exists: only then is it known not to be the last.
	for await (const segment of segmentsOf(options.chunks, chunkSize)) {
		if (held) yield await seal(held, false);
		held = segment;
	}
	yield await seal(held ?? new Uint8Array(0), true);
}

/** Reads exact byte counts from a stream of chunks. */
class ByteReader {
	private buffer = new Uint8Array(0);
	private done = false;
	private readonly source: AsyncIterator<Uint8Array> | Iterator<Uint8Array>;
	consumed = 0;
	constructor(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>) {
		this.source =
			Symbol.asyncIterator in chunks
				? chunks[Symbol.asyncIterator]()
				: (chunks as Iterable<Uint8Array>)[Symbol.iterator]();
	}
	/** Exactly `count` bytes, or undefined when the stream ends first. */
	async read(count: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
		while (this.buffer.length < count && !this.done) {
			const next = await this.source.next();
			if (next.done) this.done = true;
			else {
				const joined = new Uint8Array(this.buffer.length + next.value.length);
				joined.set(this.buffer, 0);
				joined.set(next.value, this.buffer.length);
				this.buffer = joined;
			}
		}
		if (this.buffer.length < count) return undefined;
		const out = this.buffer.slice(0, count);
		this.buffer = this.buffer.subarray(count);
		this.consumed += count;
		return out;
	}
	async atEnd(): Promise<boolean> {
		return (await this.read(1)) === undefined;
	}
}

function parseHeader(json: Uint8Array, file: string): Header {
	const unsupported = (field: string, value: unknown) =>
		new BackupDecryptError({
			code: 'backup-encryption-unsupported',
			file,
			field,
			value: JSON.stringify(value) ?? 'undefined'
		});
	let header: Header;
	try {
		header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json)) as Header;
	} catch {
		throw new BackupDecryptError({ code: 'backup-damaged', file, chunk: 0 });
	}
	const { kdf, cipher } = header ?? {};
	if (kdf?.name !== 'PBKDF2') throw unsupported('kdf.name', kdf?.name);
	if (kdf.hash !== 'SHA-256') throw unsupported('kdf.hash', kdf.hash);
	if (!Number.isInteger(kdf.iterations) || kdf.iterations < MIN_PBKDF2_ITERATIONS)
		throw unsupported('kdf.iterations', kdf.iterations);
	if (cipher?.name !== 'AES-GCM') throw unsupported('cipher.name', cipher?.name);
	if (cipher.length !== 256) throw unsupported('cipher.length', cipher.length);
	if (
		!Number.isInteger(cipher.chunkSize) ||
		cipher.chunkSize < 1 ||
		cipher.chunkSize > MAX_CHUNK_SIZE
	)
		throw unsupported('cipher.chunkSize', cipher.chunkSize);
	if (fromBase64url(kdf.salt)?.length !== 16) throw unsupported('kdf.salt', kdf.salt);
	if (fromBase64url(cipher.iv)?.length !== 7) throw unsupported('cipher.iv', cipher.iv);
	if (fromBase64url(header.check)?.length !== TAG_BYTES) throw unsupported('check', header.check);
	return header;
}

/**
 * Decrypts an encrypted backup as it is read, yielding the plaintext segment by segment. Throws
 * `BackupDecryptError` (wrong passphrase, damaged segment, truncated file, newer or weaker
 * format); a caller that writes only after the last segment therefore never writes a part.
 */
export async function* decryptBackup(options: {
	passphrase: string;
	bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
	file: string;
}): AsyncGenerator<Uint8Array> {
	const { file } = options;
	const reader = new ByteReader(options.bytes);
	const start = await reader.read(MAGIC.length + 6);
	if (!start) throw new BackupDecryptError({ code: 'backup-truncated', file });
	if (!isEncryptedBackup(start)) throw new BackupDecryptError({ code: 'backup-foreign', file });
	const view = new DataView(start.buffer);
	const version = view.getUint16(MAGIC.length);
	if (version !== ENCRYPTED_BACKUP_VERSION)
		throw new BackupDecryptError({
			code: 'backup-encryption-unsupported',
			file,
			field: 'version',
			value: String(version)
		});
	const headerLength = view.getUint32(MAGIC.length + 2);
	if (headerLength > MAX_HEADER_LENGTH)
		throw new BackupDecryptError({ code: 'backup-damaged', file, chunk: 0 });
	const headerJson = await reader.read(headerLength);
	if (!headerJson) throw new BackupDecryptError({ code: 'backup-truncated', file });
	const header = parseHeader(headerJson, file);
	const salt = fromBase64url(header.kdf.salt)!;
	const iv = fromBase64url(header.cipher.iv)!;
	const key = await deriveKey(options.passphrase, salt, header.kdf.iterations);
	if (base64url(new Uint8Array(await checkTag(key, iv))) !== header.check)
		throw new BackupDecryptError({ code: 'backup-wrong-passphrase', file });
	const prefix = prefixOf(headerJson);
	for (let counter = 0; ; counter++) {
		const length = await reader.read(4);
		if (!length) throw new BackupDecryptError({ code: 'backup-truncated', file });
		const size = new DataView(length.buffer).getUint32(0);
		if (size < TAG_BYTES || size > header.cipher.chunkSize + TAG_BYTES)
			throw new BackupDecryptError({ code: 'backup-damaged', file, chunk: counter + 1 });
		const sealed = await reader.read(size);
		if (!sealed) throw new BackupDecryptError({ code: 'backup-truncated', file });
		const open = (last: boolean) =>
			crypto.subtle.decrypt(
				{ name: 'AES-GCM', iv: nonce(iv, counter, last), additionalData: prefix },
				key,
				sealed
			);
		// Which it is shows only in the nonce: a segment marked last opens with last = 1.
		const plain = await open(false).then(
			(bytes) => ({ bytes, last: false }),
			() =>
				open(true).then(
					(bytes) => ({ bytes, last: true }),
					() => undefined
				)
		);
		if (!plain) throw new BackupDecryptError({ code: 'backup-damaged', file, chunk: counter + 1 });
		yield new Uint8Array(plain.bytes);
		if (plain.last) {
			if (!(await reader.atEnd()))
				throw new BackupDecryptError({ code: 'backup-damaged', file, chunk: counter + 2 });
			return;
		}
	}
}

/** All of a stream's bytes as one array. */
export async function collectBytes(
	chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>
): Promise<Uint8Array<ArrayBuffer>> {
	const parts: Uint8Array[] = [];
	let length = 0;
	for await (const chunk of chunks) {
		parts.push(chunk);
		length += chunk.length;
	}
	const out = new Uint8Array(length);
	let offset = 0;
	for (const part of parts) {
		out.set(part, offset);
		offset += part.length;
	}
	return out;
}

/** Decrypts a whole encrypted file into the backup's text, or the coded problem. */
export async function decryptBackupText(options: {
	passphrase: string;
	bytes: Uint8Array;
	file: string;
}): Promise<{ ok: true; text: string } | { ok: false; problem: BackupProblem }> {
	try {
		const plain = await collectBytes(
			decryptBackup({ passphrase: options.passphrase, bytes: [options.bytes], file: options.file })
		);
		return { ok: true, text: new TextDecoder().decode(plain) };
	} catch (error) {
		if (error instanceof BackupDecryptError) return { ok: false, problem: error.problem };
		throw error;
	}
}

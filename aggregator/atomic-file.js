import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Crash-safe files: a reader sees the old content or the new one, never half of either.
 */

let counter = 0;

/**
 * Writes through a temporary file in the same directory, fsyncs it, renames it over the target
 * (rename is atomic within one file system, POSIX) and fsyncs the directory so the rename itself
 * survives a power cut.
 * @param {string} file
 * @param {string} text
 */
export async function writeFileAtomic(file, text) {
	const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${++counter}.tmp`);
	const handle = await open(temp, 'w');
	try {
		await handle.writeFile(text, 'utf8');
		await handle.sync();
	} finally {
		await handle.close();
	}
	try {
		await rename(temp, file);
	} catch (error) {
		await rm(temp, { force: true });
		throw error;
	}
	await syncDirectory(dirname(file));
}

/** @param {string} directory */
async function syncDirectory(directory) {
	let handle;
	try {
		handle = await open(directory, 'r');
		await handle.sync();
	} catch (error) {
		// Some platforms (Windows) cannot open or fsync a directory; the rename is still atomic.
		const code = /** @type {NodeJS.ErrnoException} */ (error).code;
		if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL') throw error;
	} finally {
		await handle?.close();
	}
}

/**
 * Reads a JSON file; undefined when it does not exist yet.
 * @param {string} file
 * @returns {Promise<unknown>}
 */
export async function readJsonFile(file) {
	let text;
	try {
		text = await readFile(file, 'utf8');
	} catch (error) {
		if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return undefined;
		throw error;
	}
	try {
		return JSON.parse(text);
	} catch {
		throw new Error(`${file} is not valid JSON; restore it from a backup or remove it`);
	}
}

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Creates the data directory. It git-ignores itself (a `.gitignore` of `*` inside, as Python's
 * venv and pytest caches do): the default `./aggregator-data` lands in whatever checkout the
 * aggregator runs from, and received bundles must never end up in a commit.
 * @param {string} dataDir
 */
export async function ensureDataDir(dataDir) {
	await mkdir(dataDir, { recursive: true });
	await writeFile(join(dataDir, '.gitignore'), '*\n', { flag: 'wx' }).catch(
		(/** @type {NodeJS.ErrnoException} */ error) => {
			if (error.code !== 'EEXIST') throw error;
		}
	);
}

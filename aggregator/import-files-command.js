// `import-files`: the one step from the file-based aggregator to the database.
import { importFileStore } from './file-store-import.js';
import { openStorage } from './storage.js';
import { UsageError } from './usage-error.js';

/**
 * Imports the file store of `dataDir` into its embedded database, or into `--database`.
 * @param {{ args: string[], dataDir: string, database: string | undefined,
 *   io: import('./keys-command.js').Io }} options
 * @returns {Promise<number>}
 */
export async function importFilesCommand({ args, dataDir, database, io }) {
	if (args.length > 0) throw new UsageError('import-files takes no other argument');
	const storage = await openStorage({ dataDir, database, fileStoreAllowed: true });
	try {
		const counts = await importFileStore({ dataDir, db: storage.db });
		io.out(
			`imported ${counts.bundles} bundles, ${counts.keys} keys and ${counts.tokens} tokens from ${dataDir} into ${storage.where}; the index files are renamed *.imported, the bundle files in ${dataDir}/bundles stay for your archive`
		);
		return 0;
	} finally {
		await storage.close();
	}
}

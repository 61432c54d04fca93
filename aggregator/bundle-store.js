import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeFileAtomic } from './atomic-file.js';
import { ensureDataDir } from './data-dir.js';
import { createKeyedLock } from './keyed-lock.js';

/**
 * Accepted bundles on disk. Each bundle is kept exactly as received in `bundles/`, and
 * `bundles.json` lists them in acceptance order; that index is the commit point. A crash between
 * the two writes leaves an unlisted bundle file, which the retried send overwrites: the client
 * never got a receipt for it. Chain heads are derived from the index, so they cannot disagree.
 * The index is rewritten whole on every acceptance: simple and atomic, fine for the thousands of
 * bundles a reference receiver sees.
 */

const AcceptedBundleSchema = z.object({
	bundleId: z.string(),
	revision: z.number(),
	period: z.string(),
	supersedes: z.string().nullable(),
	kind: z.enum(['regular', 'adjustment', 'zero-usage']),
	partnerId: z.string(),
	aggregatorId: z.string(),
	programId: z.string(),
	kid: z.string(),
	previousDigest: z.string().nullable(),
	receivedAt: z.string(),
	digest: z.string()
});

const IndexFileSchema = z.object({ format: z.literal(1), bundles: z.array(AcceptedBundleSchema) });

/**
 * @typedef {z.infer<typeof AcceptedBundleSchema>} AcceptedBundle
 * @typedef {import('./verify-jws.js').FlattenedJws} FlattenedJws
 */

/** @param {string} partnerId @param {string} aggregatorId */
const chainKey = (partnerId, aggregatorId) => JSON.stringify([partnerId, aggregatorId]);

/**
 * Loads the store from `dataDir`, creating the directory on first use.
 * @param {string} dataDir
 */
export async function openBundleStore(dataDir) {
	await ensureDataDir(dataDir);
	const indexFile = join(dataDir, 'bundles.json');
	const bundleDir = join(dataDir, 'bundles');
	await removeTempFiles(dataDir, '.bundles.json.');
	await removeTempFiles(bundleDir, '.');

	const value = await readJsonFile(indexFile);
	const parsed = IndexFileSchema.safeParse(value ?? { format: 1, bundles: [] });
	if (!parsed.success) {
		const [issue] = parsed.error.issues;
		throw new Error(`${indexFile}: ${issue.path.join('.')}: ${issue.message}`);
	}
	/** @type {AcceptedBundle[]} */
	let accepted = parsed.data.bundles;
	/** @type {Map<string, AcceptedBundle>} */
	const byId = new Map();
	/** @type {Map<string, string>} */
	const heads = new Map();
	for (const bundle of accepted) remember(bundle);

	/** @param {AcceptedBundle} bundle */
	function remember(bundle) {
		byId.set(bundle.bundleId, bundle);
		heads.set(chainKey(bundle.partnerId, bundle.aggregatorId), bundle.digest);
	}

	// Partners are served in parallel, but the index is one file: its writes go one at a time,
	// each from the state all earlier writes left.
	const withLock = createKeyedLock();

	return {
		dataDir,

		/** @param {string} bundleId */
		find(bundleId) {
			return byId.get(bundleId);
		},

		/**
		 * The digest of the partner's last bundle accepted for this aggregator; null before the first.
		 * @param {string} partnerId
		 * @param {string} aggregatorId
		 */
		chainHead(partnerId, aggregatorId) {
			return heads.get(chainKey(partnerId, aggregatorId)) ?? null;
		},

		/** Accepted bundles in acceptance order. */
		list() {
			return [...accepted];
		},

		/**
		 * Stores a bundle durably, then lists it. Resolves false when another request took the
		 * bundleId first (two partners' locks do not exclude each other).
		 * @param {{ bundle: AcceptedBundle, jws: FlattenedJws }} entry
		 * @returns {Promise<boolean>}
		 */
		accept({ bundle, jws }) {
			return withLock('index', async () => {
				if (byId.has(bundle.bundleId)) return false;
				const receipt = {
					bundleId: bundle.bundleId,
					receivedAt: bundle.receivedAt,
					digest: bundle.digest
				};
				const file = join(bundleDir, `${bundle.bundleId}.${bundle.digest}.json`);
				await writeFileAtomic(file, JSON.stringify({ receipt, jws }, null, '\t') + '\n');
				const next = [...accepted, bundle];
				await writeFileAtomic(
					indexFile,
					JSON.stringify({ format: 1, bundles: next }, null, '\t') + '\n'
				);
				accepted = next;
				remember(bundle);
				return true;
			});
		},

		/** Resolves once every write begun so far is on disk. */
		flush() {
			return withLock('index', async () => {});
		}
	};
}

/** @typedef {Awaited<ReturnType<typeof openBundleStore>>} BundleStore */

/**
 * Temporary files of writes a crash interrupted (see atomic-file.js); they were never renamed
 * into place, so nothing refers to them. keys.json's are left to the CLI, which may be running.
 * @param {string} directory
 * @param {string} prefix
 */
async function removeTempFiles(directory, prefix) {
	for (const name of await readdir(directory))
		if (name.startsWith(prefix) && name.endsWith('.tmp'))
			await rm(join(directory, name), { force: true });
}

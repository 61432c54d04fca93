import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { insertBundle } from './bundle-store.js';
import { openKeyRegistry } from './key-registry.js';
import { KINDS } from './payload-schema.js';
import { bundleDigest } from './verify-jws.js';

/**
 * `import-files`: moves a data directory of the file-based aggregator (schema format 1:
 * `bundles.json`, `bundles/<bundleId>.<digest>.json`, `keys.json`, `tokens.json`) into the
 * database, in one transaction. Each bundle's digest is computed again from its stored JWS, and
 * the tables' constraints check every chain on the way in, so a damaged or tampered directory is
 * refused whole, naming the file. Afterwards the three index files are renamed `*.imported` (the
 * bundle files stay for the operator to archive), so nothing is imported twice.
 */

const FilesBundleSchema = z.object({
	bundleId: z.string(),
	revision: z.number(),
	period: z.string(),
	supersedes: z.string().nullable(),
	kind: z.enum(KINDS),
	partnerId: z.string(),
	aggregatorId: z.string(),
	programId: z.string(),
	kid: z.string(),
	previousDigest: z.string().nullable(),
	receivedAt: z.string(),
	digest: z.string()
});
const IndexFileSchema = z.object({ format: z.literal(1), bundles: z.array(FilesBundleSchema) });
const BundleFileSchema = z.object({
	receipt: z.object({ bundleId: z.string(), receivedAt: z.string(), digest: z.string() }),
	jws: z.object({ protected: z.string(), payload: z.string(), signature: z.string() })
});
const KeysFileSchema = z.object({
	format: z.literal(1),
	keys: z.array(
		z.object({
			partnerId: z.string(),
			kid: z.string(),
			jwk: z.object({
				kty: z.literal('EC'),
				crv: z.literal('P-256'),
				x: z.string(),
				y: z.string()
			}),
			addedAt: z.string(),
			source: z.enum(['cli', 'demo'])
		})
	)
});
const TokensFileSchema = z.object({
	format: z.literal(1),
	tokens: z.array(
		z.object({ id: z.string(), partnerId: z.string(), sha256: z.string(), issuedAt: z.string() })
	)
});

/**
 * @template {z.ZodType} S
 * @param {string} file
 * @param {S} schema
 * @returns {Promise<z.infer<S> | undefined>} undefined when the file does not exist
 */
async function readFileStore(file, schema) {
	let text;
	try {
		text = await readFile(file, 'utf8');
	} catch (error) {
		if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return undefined;
		throw error;
	}
	let value;
	try {
		value = JSON.parse(text);
	} catch {
		throw new Error(`${file} is not valid JSON`);
	}
	const parsed = schema.safeParse(value);
	if (!parsed.success) {
		const [issue] = parsed.error.issues;
		throw new Error(`${file}: ${issue.path.join('.')}: ${issue.message}`);
	}
	return parsed.data;
}

/**
 * @param {{ dataDir: string, db: import('./database.js').Database }} options
 * @returns {Promise<{ bundles: number, keys: number, tokens: number }>}
 */
export async function importFileStore({ dataDir, db }) {
	const indexFile = join(dataDir, 'bundles.json');
	const keysFile = join(dataDir, 'keys.json');
	const tokensFile = join(dataDir, 'tokens.json');
	const index = await readFileStore(indexFile, IndexFileSchema);
	if (!index) throw new Error(`${indexFile} does not exist: ${dataDir} holds no file store`);
	const keys = (await readFileStore(keysFile, KeysFileSchema))?.keys ?? [];
	const tokens = (await readFileStore(tokensFile, TokensFileSchema))?.tokens ?? [];

	await db.transaction(async (tx) => {
		const registry = openKeyRegistry(tx);
		for (const key of keys) await registry.add(key);
		for (const token of tokens)
			await tx.query(
				'INSERT INTO tokens (partner_id, id, sha256, issued_at) VALUES ($1, $2, $3, $4)',
				[token.partnerId, token.id, Buffer.from(token.sha256, 'base64url'), token.issuedAt]
			);
		for (const bundle of index.bundles) {
			const file = join(dataDir, 'bundles', `${bundle.bundleId}.${bundle.digest}.json`);
			const stored = await readFileStore(file, BundleFileSchema);
			if (!stored) throw new Error(`${file} is missing; ${indexFile} lists it`);
			if (bundleDigest(stored.jws) !== bundle.digest)
				throw new Error(`${file}: the JWS does not have the digest ${bundle.digest}`);
			try {
				if (!(await insertBundle(tx, { bundle, jws: stored.jws })))
					throw new Error(`bundle ${bundle.bundleId} is in the database already`);
			} catch (error) {
				throw new Error(`${file}: ${/** @type {Error} */ (error).message}`);
			}
		}
	});
	for (const file of [indexFile, keysFile, tokensFile])
		await rename(file, `${file}.imported`).catch((/** @type {NodeJS.ErrnoException} */ error) => {
			if (error.code !== 'ENOENT') throw error;
		});
	return { bundles: index.bundles.length, keys: keys.length, tokens: tokens.length };
}

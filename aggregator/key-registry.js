import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeFileAtomic } from './atomic-file.js';
import { ensureDataDir } from './data-dir.js';
import { createKeyedLock } from './keyed-lock.js';

/**
 * The operator's registry of partner signing keys (`keys.json` in the data directory): several
 * keys per partner, one per device (DESIGN.md). The file is read on every lookup, so a key added
 * with `keys add` while the server runs counts from the next request on. Keys are a flat list,
 * not an object keyed by partner id: a partner id such as "__proto__" stays plain data.
 */

const RegisteredKeySchema = z.object({
	partnerId: z.string(),
	kid: z.string(),
	jwk: z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string(), y: z.string() }),
	addedAt: z.iso.datetime({ offset: true }),
	/**
	 * `cli` for keys the operator registered, `demo` for trust on first use: a demo key is trusted
	 * only while the server runs with --demo.
	 */
	source: z.enum(['cli', 'demo'])
});

const KeysFileSchema = z.object({ format: z.literal(1), keys: z.array(RegisteredKeySchema) });

/** @typedef {z.infer<typeof RegisteredKeySchema>} RegisteredKey */

/**
 * @param {string} dataDir
 */
export function openKeyRegistry(dataDir) {
	const file = join(dataDir, 'keys.json');
	// One writer at a time in this process. A `keys add` in another process races only with a
	// demo server's trust-on-first-use write; README says to register keys before such a run.
	const withLock = createKeyedLock();

	/** @returns {Promise<RegisteredKey[]>} */
	async function read() {
		const value = await readJsonFile(file);
		if (value === undefined) return [];
		const parsed = KeysFileSchema.safeParse(value);
		if (!parsed.success) {
			const [issue] = parsed.error.issues;
			throw new Error(`${file}: ${issue.path.join('.')}: ${issue.message}`);
		}
		return parsed.data.keys;
	}

	/** @param {RegisteredKey[]} keys */
	async function write(keys) {
		await ensureDataDir(dataDir);
		await writeFileAtomic(file, JSON.stringify({ format: 1, keys }, null, '\t') + '\n');
	}

	return {
		file,

		/** Every registered key, in the order they were added. */
		list: read,

		/**
		 * @param {string} partnerId
		 * @returns {Promise<RegisteredKey[]>}
		 */
		async keysFor(partnerId) {
			return (await read()).filter((key) => key.partnerId === partnerId);
		},

		/**
		 * Registers a key for a partner; adding a key that is already there changes nothing, except
		 * that the operator's `keys add` turns a key a demo run trusted on first use into a
		 * registered one (source `demo` becomes `cli`).
		 * @param {RegisteredKey} key
		 * @returns {Promise<boolean>} false when the partner already had this key from this source
		 */
		add(key) {
			return withLock('keys', async () => {
				const keys = await read();
				const index = keys.findIndex(
					(known) => known.partnerId === key.partnerId && known.kid === key.kid
				);
				if (index === -1) {
					await write([...keys, key]);
					return true;
				}
				if (keys[index].source !== 'demo' || key.source !== 'cli') return false;
				await write(keys.with(index, key));
				return true;
			});
		},

		/**
		 * @param {{ partnerId: string, kid: string }} which
		 * @returns {Promise<boolean>} false when the partner had no such key
		 */
		remove({ partnerId, kid }) {
			return withLock('keys', async () => {
				const keys = await read();
				const kept = keys.filter((key) => key.partnerId !== partnerId || key.kid !== kid);
				if (kept.length === keys.length) return false;
				await write(kept);
				return true;
			});
		}
	};
}

/** @typedef {ReturnType<typeof openKeyRegistry>} KeyRegistry */

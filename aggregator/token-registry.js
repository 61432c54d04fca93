import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeFileAtomic } from './atomic-file.js';
import { ensureDataDir } from './data-dir.js';
import { createKeyedLock } from './keyed-lock.js';

/**
 * Bearer tokens, each belonging to one partner (`tokens.json` in the data directory). The
 * operator issues a token with `tokens issue` and hands it to the partner once; only its SHA-256
 * is stored, so the file is no list of secrets. A plain hash is enough: the token is 256 random
 * bits, there is nothing to guess that a slow hash would protect. Like keys.json, the file is read
 * on every request, so a token issued or revoked while the server runs counts from the next one.
 */

const IssuedTokenSchema = z.object({
	/** Names the token in `tokens list` and `tokens revoke`; says nothing about the secret. */
	id: z.string(),
	partnerId: z.string(),
	/** base64url SHA-256 of the token. */
	sha256: z.string(),
	issuedAt: z.iso.datetime({ offset: true })
});

const TokensFileSchema = z.object({ format: z.literal(1), tokens: z.array(IssuedTokenSchema) });

/** @typedef {z.infer<typeof IssuedTokenSchema>} IssuedToken */

/** @param {string} token */
const hashOf = (token) => createHash('sha256').update(token, 'utf8').digest();

/**
 * The token of an `Authorization` header: undefined without the header, null for another scheme.
 * The scheme is case-insensitive (RFC 9110 §11.1), the token is token68 (RFC 6750 §2.1).
 * @param {string | undefined} header
 * @returns {string | null | undefined}
 */
export function bearerToken(header) {
	if (header === undefined) return undefined;
	const match = /^bearer\s+(\S+)$/i.exec(header.trim());
	return match ? match[1] : null;
}

/**
 * @param {string} dataDir
 */
export function openTokenRegistry(dataDir) {
	const file = join(dataDir, 'tokens.json');
	const withLock = createKeyedLock();

	/** @returns {Promise<IssuedToken[]>} */
	async function read() {
		const value = await readJsonFile(file);
		if (value === undefined) return [];
		const parsed = TokensFileSchema.safeParse(value);
		if (!parsed.success) {
			const [issue] = parsed.error.issues;
			throw new Error(`${file}: ${issue.path.join('.')}: ${issue.message}`);
		}
		return parsed.data.tokens;
	}

	/** @param {IssuedToken[]} tokens */
	async function write(tokens) {
		await ensureDataDir(dataDir);
		await writeFileAtomic(file, JSON.stringify({ format: 1, tokens }, null, '\t') + '\n');
	}

	return {
		file,

		/** Every issued token (without the secrets), in the order they were issued. */
		list: read,

		/**
		 * The token a request presented, or undefined for one never issued or revoked. Every stored
		 * hash is compared in constant time, so the answer takes as long whichever matched.
		 * @param {string} token
		 * @returns {Promise<IssuedToken | undefined>}
		 */
		async find(token) {
			const hash = hashOf(token);
			let found;
			for (const issued of await read())
				if (timingSafeEqual(hash, Buffer.from(issued.sha256, 'base64url')) && !found)
					found = issued;
			return found;
		},

		/**
		 * @param {string} partnerId
		 * @returns {Promise<boolean>} whether the partner has a token, and so must send it
		 */
		async partnerHasToken(partnerId) {
			return (await read()).some((issued) => issued.partnerId === partnerId);
		},

		/**
		 * Issues a new token for a partner; the secret is returned here and never again.
		 * @param {{ partnerId: string, issuedAt: string }} options
		 * @returns {Promise<{ id: string, token: string }>}
		 */
		issue({ partnerId, issuedAt }) {
			return withLock('tokens', async () => {
				const token = `pdt_${randomBytes(32).toString('base64url')}`;
				const id = randomBytes(4).toString('hex');
				const sha256 = hashOf(token).toString('base64url');
				await write([...(await read()), { id, partnerId, sha256, issuedAt }]);
				return { id, token };
			});
		},

		/**
		 * @param {{ partnerId: string, id: string }} which
		 * @returns {Promise<boolean>} false when the partner had no such token
		 */
		revoke({ partnerId, id }) {
			return withLock('tokens', async () => {
				const tokens = await read();
				const kept = tokens.filter((issued) => issued.partnerId !== partnerId || issued.id !== id);
				if (kept.length === tokens.length) return false;
				await write(kept);
				return true;
			});
		}
	};
}

/** @typedef {ReturnType<typeof openTokenRegistry>} TokenRegistry */

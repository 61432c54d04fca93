import { createHash, randomBytes } from 'node:crypto';
import { isoString } from './database.js';

/**
 * Bearer tokens, each belonging to one partner (table `tokens`). The operator issues a token with
 * `tokens issue` and hands it to the partner once; only its SHA-256 is stored, so the table is no
 * list of secrets. A plain hash is enough: the token is 256 random bits, there is nothing to guess
 * that a slow hash would protect. A token is found by its hash through a unique index: how long
 * the lookup takes can tell at most how much of the hash of a guess matches a stored hash, which
 * says nothing about any token (SHA-256 has no known preimage shortcut).
 */

/**
 * @typedef {object} IssuedToken
 * @property {string} id names the token in `tokens list` and `tokens revoke`; says nothing about
 *   the secret
 * @property {string} partnerId
 * @property {string} issuedAt
 */

/** @param {string} token */
const hashOf = (token) => createHash('sha256').update(token, 'utf8').digest();

/** @param {Record<string, any>} row @returns {IssuedToken} */
const tokenOf = (row) => ({
	id: row.id,
	partnerId: row.partner_id,
	issuedAt: isoString(row.issued_at)
});

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
 * @param {import('./database.js').Queryable} db
 */
export function openTokenRegistry(db) {
	return {
		/**
		 * Issued tokens (without the secrets) in the order they were issued, of one partner or all.
		 * @param {{ partnerId?: string }} [filter]
		 * @returns {Promise<IssuedToken[]>}
		 */
		async list({ partnerId } = {}) {
			const rows = await db.query(
				'SELECT id, partner_id, issued_at FROM tokens WHERE $1::text IS NULL OR partner_id = $1 ORDER BY seq',
				[partnerId ?? null]
			);
			return rows.map(tokenOf);
		},

		/**
		 * The token a request presented, or undefined for one never issued or revoked.
		 * @param {string} token
		 * @returns {Promise<IssuedToken | undefined>}
		 */
		async find(token) {
			const [row] = await db.query(
				'SELECT id, partner_id, issued_at FROM tokens WHERE sha256 = $1',
				[hashOf(token)]
			);
			return row && tokenOf(row);
		},

		/**
		 * @param {string} partnerId
		 * @returns {Promise<boolean>} whether the partner has a token, and so must send it
		 */
		async partnerHasToken(partnerId) {
			const [row] = await db.query('SELECT 1 FROM tokens WHERE partner_id = $1 LIMIT 1', [
				partnerId
			]);
			return row !== undefined;
		},

		/**
		 * Issues a new token for a partner; the secret is returned here and never again.
		 * @param {{ partnerId: string, issuedAt: string }} options
		 * @returns {Promise<{ id: string, token: string }>}
		 */
		async issue({ partnerId, issuedAt }) {
			const token = `pdt_${randomBytes(32).toString('base64url')}`;
			const id = randomBytes(4).toString('hex');
			await db.query(
				'INSERT INTO tokens (partner_id, id, sha256, issued_at) VALUES ($1, $2, $3, $4)',
				[partnerId, id, hashOf(token), issuedAt]
			);
			return { id, token };
		},

		/**
		 * @param {{ partnerId: string, id: string }} which
		 * @returns {Promise<boolean>} false when the partner had no such token
		 */
		async revoke({ partnerId, id }) {
			const rows = await db.query(
				'DELETE FROM tokens WHERE partner_id = $1 AND id = $2 RETURNING id',
				[partnerId, id]
			);
			return rows.length === 1;
		}
	};
}

/** @typedef {ReturnType<typeof openTokenRegistry>} TokenRegistry */

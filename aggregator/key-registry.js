import { isoString } from './database.js';

/**
 * The operator's registry of partner signing keys (table `partner_keys`): several keys per
 * partner, one per device (DESIGN.md). Every lookup is a query on the primary key, so a key added
 * with `keys add` while servers run counts from their next request on, in every process.
 */

/**
 * @typedef {object} RegisteredKey
 * @property {string} partnerId
 * @property {string} kid
 * @property {import('./jwk.js').PublicJwk} jwk
 * @property {string} addedAt
 * @property {'cli' | 'demo'} source `cli` for keys the operator registered, `demo` for trust on
 *   first use: a demo key is trusted only while the server runs with --demo
 */

const COLUMNS = 'partner_id, kid, jwk, added_at, source';

/** @param {Record<string, any>} row @returns {RegisteredKey} */
const keyOf = (row) => ({
	partnerId: row.partner_id,
	kid: row.kid,
	jwk: row.jwk,
	addedAt: isoString(row.added_at),
	source: row.source
});

/**
 * @param {import('./database.js').Queryable} db the database, or a transaction of it
 */
export function openKeyRegistry(db) {
	return {
		/**
		 * The registered keys in the order they were added, of one partner or of all.
		 * @param {{ partnerId?: string }} [filter]
		 * @returns {Promise<RegisteredKey[]>}
		 */
		async list({ partnerId } = {}) {
			const rows = await db.query(
				`SELECT ${COLUMNS} FROM partner_keys WHERE $1::text IS NULL OR partner_id = $1 ORDER BY seq`,
				[partnerId ?? null]
			);
			return rows.map(keyOf);
		},

		/**
		 * @param {string} partnerId
		 * @returns {Promise<RegisteredKey[]>}
		 */
		keysFor(partnerId) {
			return this.list({ partnerId });
		},

		/**
		 * Registers a key for a partner; adding a key that is already there changes nothing, except
		 * that the operator's `keys add` turns a key a demo run trusted on first use into a
		 * registered one (source `demo` becomes `cli`). One statement, so it is atomic whoever else
		 * writes.
		 * @param {RegisteredKey} key
		 * @returns {Promise<boolean>} false when the partner already had this key from this source
		 */
		async add(key) {
			const rows = await db.query(
				`INSERT INTO partner_keys AS known (partner_id, kid, jwk, added_at, source)
				VALUES ($1, $2, $3, $4, $5)
				ON CONFLICT (partner_id, kid) DO UPDATE
					SET jwk = excluded.jwk, added_at = excluded.added_at, source = excluded.source
					WHERE known.source = 'demo' AND excluded.source = 'cli'
				RETURNING kid`,
				[key.partnerId, key.kid, JSON.stringify(key.jwk), key.addedAt, key.source]
			);
			return rows.length === 1;
		},

		/**
		 * @param {{ partnerId: string, kid: string }} which
		 * @returns {Promise<boolean>} false when the partner had no such key
		 */
		async remove({ partnerId, kid }) {
			const rows = await db.query(
				'DELETE FROM partner_keys WHERE partner_id = $1 AND kid = $2 RETURNING kid',
				[partnerId, kid]
			);
			return rows.length === 1;
		}
	};
}

/** @typedef {ReturnType<typeof openKeyRegistry>} KeyRegistry */

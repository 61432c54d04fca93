import { isoString } from './database.js';
import { openKeyRegistry } from './key-registry.js';

/**
 * Accepted bundles in the database (tables `bundles` and `chain_heads`, migrations/). A bundle,
 * its receipt and its chain head are written in one transaction that holds the partner's lock, so
 * whatever number of aggregator processes share the database, two sends can never both pass the
 * chain check, and an acknowledged bundle is committed before its receipt leaves.
 */

/**
 * @typedef {object} AcceptedBundle
 * @property {string} bundleId
 * @property {number} revision
 * @property {string} period
 * @property {string | null} supersedes
 * @property {'regular' | 'adjustment' | 'zero-usage'} kind
 * @property {string} partnerId
 * @property {string} aggregatorId
 * @property {string} programId
 * @property {string} kid
 * @property {string | null} previousDigest
 * @property {string} receivedAt
 * @property {string} digest
 *
 * @typedef {import('./verify-jws.js').FlattenedJws} FlattenedJws
 * @typedef {{ digest: string, bundleId: string }} ChainHead
 * @typedef {{ bundles: AcceptedBundle[], next: string | null }} BundlePage
 */

/**
 * The keys of pg_advisory_xact_lock(key1, key2) for a partner: key1 says "a partner's lock" (the
 * migration lock has another), key2 is hashtext(partner id). Two partners whose ids hash alike
 * only wait for each other.
 */
const PARTNER_LOCK = 0x5044_5041;

/** The most bundles one page lists (GET /bundles and `bundles list`). */
export const MAX_PAGE = 1000;

const COLUMNS = `seq, bundle_id, revision, period, supersedes, kind, partner_id, aggregator_id,
	program_id, kid, previous_digest, received_at, digest`;

/** @param {Record<string, any>} row @returns {AcceptedBundle} */
const bundleOf = (row) => ({
	bundleId: row.bundle_id,
	revision: row.revision,
	period: row.period,
	supersedes: row.supersedes,
	kind: row.kind,
	partnerId: row.partner_id,
	aggregatorId: row.aggregator_id,
	programId: row.program_id,
	kid: row.kid,
	previousDigest: row.previous_digest,
	receivedAt: isoString(row.received_at),
	digest: row.digest
});

/**
 * A bundle as a listing shows it to its partner (GET /bundles): what was received and when,
 * without the signing details only the operator needs (`bundles list` adds those).
 * @param {AcceptedBundle} bundle
 */
export function listedBundle(bundle) {
	return {
		bundleId: bundle.bundleId,
		revision: bundle.revision,
		period: bundle.period,
		supersedes: bundle.supersedes,
		partnerId: bundle.partnerId,
		receivedAt: bundle.receivedAt,
		digest: bundle.digest
	};
}

/**
 * A page cursor is the acceptance number of the last bundle listed: opaque to clients, stable
 * while bundles are added.
 * @param {string | undefined} cursor
 * @returns {string | undefined} undefined when it is not one
 */
export function parseCursor(cursor) {
	return cursor !== undefined && /^[0-9]{1,18}$/.test(cursor) ? cursor : undefined;
}

/**
 * @param {import('./database.js').Queryable} db
 * @param {string} bundleId
 * @returns {Promise<AcceptedBundle | undefined>}
 */
async function find(db, bundleId) {
	const [row] = await db.query(`SELECT ${COLUMNS} FROM bundles WHERE bundle_id = $1`, [bundleId]);
	return row && bundleOf(row);
}

/**
 * @param {import('./database.js').Database} db
 */
export function openBundleStore(db) {
	return {
		/** @param {string} bundleId */
		find: (bundleId) => find(db, bundleId),

		/**
		 * Accepted bundles in acceptance order, a page at a time: of one partner (GET /bundles) or
		 * of all (the operator). `next` is the cursor of the following page, null after the last.
		 * @param {{ partnerId?: string, after?: string, limit?: number }} [options]
		 * @returns {Promise<BundlePage>}
		 */
		async page({ partnerId, after, limit = MAX_PAGE } = {}) {
			const size = Math.min(Math.max(1, Math.trunc(limit)), MAX_PAGE);
			// One row more than the page says whether there is a next one.
			const rows = await db.query(
				`SELECT ${COLUMNS} FROM bundles
				WHERE ($1::text IS NULL OR partner_id = $1) AND seq > $2::bigint
				ORDER BY seq LIMIT $3`,
				[partnerId ?? null, after ?? '0', size + 1]
			);
			const more = rows.length > size;
			const shown = more ? rows.slice(0, size) : rows;
			return { bundles: shown.map(bundleOf), next: more ? String(shown.at(-1)?.seq) : null };
		},

		/**
		 * A bundle as received, with its receipt: what the operator hands on.
		 * @param {string} bundleId
		 * @returns {Promise<{ receipt: { bundleId: string, receivedAt: string, digest: string },
		 *   jws: FlattenedJws } | undefined>}
		 */
		async read(bundleId) {
			const [row] = await db.query(
				`SELECT bundle_id, received_at, digest, jws_protected, jws_payload, jws_signature
				FROM bundles WHERE bundle_id = $1`,
				[bundleId]
			);
			if (!row) return undefined;
			return {
				receipt: {
					bundleId: row.bundle_id,
					receivedAt: isoString(row.received_at),
					digest: row.digest
				},
				jws: {
					protected: row.jws_protected,
					payload: row.jws_payload,
					signature: row.jws_signature
				}
			};
		},

		/**
		 * Runs `task` in one transaction holding the partner's lock: what it reads cannot change
		 * under it, and what it writes commits together, or not at all if it throws.
		 * @template T
		 * @param {string} partnerId
		 * @param {(chain: PartnerChain) => Promise<T>} task
		 * @returns {Promise<T>}
		 */
		withPartnerLock(partnerId, task) {
			return db.transaction(async (tx) => {
				await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [PARTNER_LOCK, partnerId]);
				return task(partnerChain(tx));
			});
		}
	};
}

/**
 * What the receiving side does under a partner's lock.
 * @param {import('./database.js').Queryable} tx
 */
function partnerChain(tx) {
	return {
		keys: openKeyRegistry(tx),

		/** @param {string} bundleId */
		find: (bundleId) => find(tx, bundleId),

		/**
		 * The partner's last bundle accepted for this aggregator, its head row locked until the
		 * transaction ends (FOR UPDATE); null before the first.
		 * @param {string} partnerId
		 * @param {string} aggregatorId
		 * @returns {Promise<ChainHead | null>}
		 */
		async chainHead(partnerId, aggregatorId) {
			const [row] = await tx.query(
				`SELECT head.head_digest, bundle.bundle_id
				FROM chain_heads AS head
				JOIN bundles AS bundle ON bundle.partner_id = head.partner_id
					AND bundle.aggregator_id = head.aggregator_id AND bundle.digest = head.head_digest
				WHERE head.partner_id = $1 AND head.aggregator_id = $2
				FOR UPDATE OF head`,
				[partnerId, aggregatorId]
			);
			return row ? { digest: row.head_digest, bundleId: row.bundle_id } : null;
		},

		/** Stores a bundle and moves its chain's head (insertBundle). */
		insert: (/** @type {{ bundle: AcceptedBundle, jws: FlattenedJws }} */ entry) =>
			insertBundle(tx, entry)
	};
}

/**
 * Stores a bundle and moves its chain's head onto it, inside the caller's transaction. Resolves
 * false when the bundleId is taken (by another partner's request: partners' locks do not exclude
 * each other). The head moves only from the bundle's previousDigest: if anything else had moved
 * it, the update finds no row and the transaction fails instead of forking the chain; the
 * table's constraints refuse a fork or a link to a bundle outside the chain in any case.
 * @param {import('./database.js').Queryable} tx
 * @param {{ bundle: AcceptedBundle, jws: FlattenedJws }} entry
 * @returns {Promise<boolean>}
 */
export async function insertBundle(tx, { bundle, jws }) {
	const inserted = await tx.query(
		`INSERT INTO bundles (bundle_id, revision, period, supersedes, kind, partner_id,
			aggregator_id, program_id, kid, previous_digest, received_at, digest,
			jws_protected, jws_payload, jws_signature)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
		ON CONFLICT (bundle_id) DO NOTHING
		RETURNING seq`,
		[
			bundle.bundleId,
			bundle.revision,
			bundle.period,
			bundle.supersedes,
			bundle.kind,
			bundle.partnerId,
			bundle.aggregatorId,
			bundle.programId,
			bundle.kid,
			bundle.previousDigest,
			bundle.receivedAt,
			bundle.digest,
			jws.protected,
			jws.payload,
			jws.signature
		]
	);
	if (inserted.length === 0) return false;
	const moved =
		bundle.previousDigest === null
			? await tx.query(
					`INSERT INTO chain_heads (partner_id, aggregator_id, head_digest)
					VALUES ($1, $2, $3) RETURNING head_digest`,
					[bundle.partnerId, bundle.aggregatorId, bundle.digest]
				)
			: await tx.query(
					`UPDATE chain_heads SET head_digest = $3
					WHERE partner_id = $1 AND aggregator_id = $2 AND head_digest = $4
					RETURNING head_digest`,
					[bundle.partnerId, bundle.aggregatorId, bundle.digest, bundle.previousDigest]
				);
	if (moved.length !== 1)
		throw new Error(
			`the chain head of ${bundle.partnerId}/${bundle.aggregatorId} is not ${bundle.previousDigest}, the previousDigest of ${bundle.bundleId}`
		);
	return true;
}

/**
 * @typedef {ReturnType<typeof openBundleStore>} BundleStore
 * @typedef {ReturnType<typeof partnerChain>} PartnerChain
 */

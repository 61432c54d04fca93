import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * Versioned schema migrations: `migrations/NNNN-name.sql`, applied in order, each at most once,
 * recorded in `schema_migrations`. All pending files run in one transaction (PostgreSQL's DDL is
 * transactional: a failed migration leaves the schema as it was), under an advisory lock, so two
 * aggregator processes starting at once against one server do not both apply a file.
 */

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const FILE_NAME = /^(\d{4})-([a-z0-9-]+)\.sql$/;
/** pg_advisory_xact_lock(key1, key2) keys of the migration lock; see PARTNER_LOCK in bundle-store. */
const MIGRATION_LOCK = [0x5044_4147, 0];

/**
 * @typedef {{ version: number, name: string, sql: string }} Migration
 */

/**
 * The migration files, in version order.
 * @returns {Promise<Migration[]>}
 */
export async function readMigrations() {
	const names = (await readdir(MIGRATIONS_DIR)).filter((name) => name.endsWith('.sql')).sort();
	return Promise.all(
		names.map(async (name, index) => {
			const match = FILE_NAME.exec(name);
			if (!match) throw new Error(`${MIGRATIONS_DIR}${name}: not NNNN-name.sql`);
			const version = Number(match[1]);
			if (version !== index + 1)
				throw new Error(`${MIGRATIONS_DIR}${name}: expected version ${index + 1}`);
			return { version, name: match[2], sql: await readFile(MIGRATIONS_DIR + name, 'utf8') };
		})
	);
}

/**
 * Brings the schema to `target` (default: the newest file). Refuses a database whose schema is
 * newer than this code knows: an older aggregator must not write into tables it does not
 * understand.
 * @param {import('./database.js').Database} db
 * @param {{ target?: number }} [options]
 * @returns {Promise<{ from: number, to: number }>}
 */
export async function migrate(db, { target } = {}) {
	const migrations = await readMigrations();
	const newest = target ?? migrations.length;
	return db.transaction(async (tx) => {
		await tx.query('SELECT pg_advisory_xact_lock($1, $2)', MIGRATION_LOCK);
		await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
			version integer PRIMARY KEY,
			name text NOT NULL,
			applied_at timestamptz NOT NULL DEFAULT now()
		)`);
		const [{ version }] = await tx.query(
			'SELECT coalesce(max(version), 0)::integer AS version FROM schema_migrations'
		);
		if (version > migrations.length)
			throw new Error(
				`the database has schema version ${version}, newer than this aggregator knows (${migrations.length}); run the newer aggregator`
			);
		for (const migration of migrations.slice(version, newest)) {
			await tx.exec(migration.sql);
			await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
				migration.version,
				migration.name
			]);
		}
		return { from: version, to: Math.max(version, newest) };
	});
}

/**
 * The schema version a database is at (0: never migrated).
 * @param {import('./database.js').Queryable} db
 */
export async function schemaVersion(db) {
	const [{ exists }] = await db.query(
		"SELECT to_regclass('schema_migrations') IS NOT NULL AS exists"
	);
	if (!exists) return 0;
	const [{ version }] = await db.query(
		'SELECT coalesce(max(version), 0)::integer AS version FROM schema_migrations'
	);
	return version;
}

import pg from 'pg';

/**
 * One face for the two places the aggregator keeps its tables: PGlite (PostgreSQL compiled to
 * WebAssembly, in a data directory, nothing to install) and a PostgreSQL server reached with
 * node-postgres. The SQL is the same; only opening, closing and transactions differ.
 *
 * node-postgres (`pg`) rather than `postgres` (porsager): its `query(text, params)` with `$1`
 * placeholders and `{ rows }` results is the shape PGlite has too, so one adapter of a few lines
 * covers both and every statement is written once; it is the most used PostgreSQL client for
 * Node, maintained since 2010, with a built-in pool.
 */

/**
 * @typedef {object} Queryable
 * @property {(text: string, params?: unknown[]) => Promise<Record<string, any>[]>} query one
 *   statement with `$1` parameters; resolves with its rows
 * @property {(text: string) => Promise<void>} exec several statements without parameters (the
 *   migration files)
 *
 * @typedef {Queryable & {
 *   kind: 'pglite' | 'postgres',
 *   transaction: <T>(task: (tx: Queryable) => Promise<T>) => Promise<T>,
 *   close: () => Promise<void>
 * }} Database
 */

/** PostgreSQL's SQLSTATE for a unique violation. */
export const UNIQUE_VIOLATION = '23505';

/**
 * @param {unknown} error
 * @param {string} constraint
 */
export function violates(error, constraint) {
	const { code, constraint: name } = /** @type {{ code?: string, constraint?: string }} */ (
		error ?? {}
	);
	return code === UNIQUE_VIOLATION && name === constraint;
}

/**
 * A PostgreSQL server. `schema` (tests: one schema each) is set as the search path of every
 * connection; in production the URL's own `options` can do the same.
 * @param {string} url postgres://user:password@host:port/database
 * @param {{ schema?: string, max?: number, log?: (line: string) => void }} [options]
 * @returns {Database}
 */
export function postgresDatabase(url, { schema, max = 10, log = () => {} } = {}) {
	const pool = new pg.Pool({
		connectionString: url,
		max,
		...(schema === undefined ? {} : { options: `-c search_path=${schema}` })
	});
	// An idle connection the server closed (a restart, a failover) is an event, not a crash: the
	// pool opens a new one for the next query.
	pool.on('error', (error) => log(`database: idle connection lost: ${error.message}`));

	/** @param {pg.Pool | pg.PoolClient} client @returns {Queryable} */
	const queryable = (client) => ({
		query: async (text, params) => (await client.query(text, params)).rows,
		exec: async (text) => {
			await client.query(text);
		}
	});

	return {
		kind: 'postgres',
		...queryable(pool),
		async transaction(task) {
			const client = await pool.connect();
			let broken;
			try {
				await client.query('BEGIN');
				const result = await task(queryable(client));
				await client.query('COMMIT');
				return result;
			} catch (error) {
				await client.query('ROLLBACK').catch((/** @type {Error} */ rollbackError) => {
					broken = rollbackError;
				});
				throw error;
			} finally {
				// A connection that could not even roll back is dropped, not reused.
				client.release(broken);
			}
		},
		close: () => pool.end()
	};
}

/**
 * PGlite in `directory` (created on first use), or an open PGlite instance (tests share one and
 * give each test a schema of its own; `close` then leaves the instance open). PGlite is a single
 * session: its `query` and `transaction` take one mutex, so a query never lands inside another
 * caller's transaction and transactions run one at a time.
 * @param {string | import('@electric-sql/pglite').PGlite} source
 * @param {{ schema?: string }} [options]
 * @returns {Promise<Database>}
 */
export async function pgliteDatabase(source, { schema } = {}) {
	const owned = typeof source === 'string';
	const instance = owned
		? await import('@electric-sql/pglite').then(({ PGlite }) => PGlite.create({ dataDir: source }))
		: source;
	if (schema !== undefined) await instance.exec(`SET search_path TO ${schema}`);

	/** @param {import('@electric-sql/pglite').PGliteInterface | import('@electric-sql/pglite').Transaction} client @returns {Queryable} */
	const queryable = (client) => ({
		query: async (text, params) => (await client.query(text, params)).rows,
		exec: async (text) => {
			await client.exec(text);
		}
	});

	return {
		kind: 'pglite',
		...queryable(instance),
		transaction: (task) => instance.transaction((tx) => task(queryable(tx))),
		close: async () => {
			if (owned) await instance.close();
		}
	};
}

/**
 * A timestamp column as the ISO string the receipt and the listings carry (both drivers give a
 * Date).
 * @param {unknown} value
 */
export function isoString(value) {
	return (value instanceof Date ? value : new Date(String(value))).toISOString();
}

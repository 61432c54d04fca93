import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { openBundleStore } from './bundle-store.js';
import { ensureDataDir } from './data-dir.js';
import { pgliteDatabase, postgresDatabase } from './database.js';
import { openKeyRegistry } from './key-registry.js';
import { migrate } from './migrate.js';
import { claimDataDir, connectOperator } from './operator-socket.js';
import { openTokenRegistry } from './token-registry.js';

/**
 * Where the aggregator's tables live, opened and migrated: a PostgreSQL server (`--database
 * postgres://…`, shared by any number of aggregator processes), or by default PGlite in the data
 * directory (`pglite/`), held by one process at a time (operator-socket.js).
 */

/** PGlite's files inside the data directory. */
export const PGLITE_DIR = 'pglite';
/** The file store's index: a data directory that has it was never imported. */
export const FILE_STORE_INDEX = 'bundles.json';

/**
 * @typedef {import('./database.js').Database} Database
 * @typedef {string | Database} DatabaseOption a postgres:// URL, or an open database (tests)
 * @typedef {{ db: Database, where: string, answer(operator: import('./operator-socket.js').Operator): void,
 *   close(): Promise<void> }} Storage
 */

/** @param {string} value */
export const isPostgresUrl = (value) => /^postgres(ql)?:\/\//.test(value);

/** @param {string} file */
const exists = (file) =>
	access(file).then(
		() => true,
		() => false
	);

/**
 * @param {{ dataDir: string, database?: DatabaseOption, fileStoreAllowed?: boolean,
 *   log?: (line: string) => void }} options `fileStoreAllowed`: the import command opens a data
 *   directory that still holds the file store
 * @returns {Promise<Storage>}
 */
export async function openStorage({ dataDir, database, fileStoreAllowed = false, log }) {
	if (typeof database === 'object') {
		await migrate(database);
		return { db: database, where: 'the given database', answer() {}, async close() {} };
	}
	if (database !== undefined) {
		if (!isPostgresUrl(database))
			throw new RangeError(`database must be a postgres:// URL, not ${JSON.stringify(database)}`);
		const db = postgresDatabase(database, { log });
		try {
			await migrate(db);
		} catch (error) {
			await db.close();
			throw error;
		}
		return { db, where: redact(database), answer() {}, close: () => db.close() };
	}

	await ensureDataDir(dataDir);
	if (!fileStoreAllowed && (await exists(join(dataDir, FILE_STORE_INDEX))))
		throw new Error(
			`${dataDir} holds the bundles of an older aggregator as files (${FILE_STORE_INDEX}); import them once with \`npm run aggregator -- import-files --data ${dataDir}\``
		);
	const claim = await claimDataDir(dataDir);
	/** @type {Database | undefined} */
	let db;
	try {
		db = await pgliteDatabase(join(dataDir, PGLITE_DIR));
		await migrate(db);
	} catch (error) {
		await db?.close();
		await claim.release();
		throw error;
	}
	const opened = db;
	return {
		db: opened,
		where: join(dataDir, PGLITE_DIR),
		answer: (operator) => claim.answer(operator),
		async close() {
			await claim.release();
			await opened.close();
		}
	};
}

/**
 * The URL without its password, for logs and messages.
 * @param {string} url
 */
export function redact(url) {
	try {
		const parsed = new URL(url);
		if (parsed.password) parsed.password = '***';
		return parsed.toString();
	} catch {
		return 'the database URL';
	}
}

/**
 * The registries of a database, as the operator's commands and the socket use them.
 * @param {Database} db
 * @returns {import('./operator-socket.js').Operator}
 */
export function operatorOf(db) {
	return { keys: openKeyRegistry(db), tokens: openTokenRegistry(db), bundles: openBundleStore(db) };
}

/**
 * The registries for an operator's command: of the database at `database`, or of the data
 * directory's PGlite: through the running aggregator that holds it, or opened here when none
 * does.
 * @param {{ dataDir: string, database?: DatabaseOption }} options
 * @returns {Promise<import('./operator-socket.js').Operator & { where: string, close(): Promise<void> }>}
 */
export async function openOperator({ dataDir, database }) {
	if (database === undefined) {
		const running = await connectOperator(dataDir);
		if (running) return { ...running, where: join(dataDir, PGLITE_DIR) };
	}
	const storage = await openStorage({ dataDir, database });
	storage.answer(operatorOf(storage.db));
	return { ...operatorOf(storage.db), where: storage.where, close: () => storage.close() };
}

/**
 * Every accepted bundle in acceptance order, as the operator's `bundles list` reads them, beside
 * a running aggregator or not (what `readBundleIndex(dataDir)` read from the file store).
 * @param {{ dataDir: string, database?: DatabaseOption }} options
 * @returns {Promise<import('./bundle-store.js').AcceptedBundle[]>}
 */
export async function readHeldBundles({ dataDir, database }) {
	const operator =
		typeof database === 'object'
			? { ...operatorOf(database), close: async () => {} }
			: await openOperator({ dataDir, database });
	try {
		/** @type {import('./bundle-store.js').AcceptedBundle[]} */
		const held = [];
		/** @type {string | undefined} */
		let after;
		do {
			const page = await operator.bundles.page({ after });
			held.push(...page.bundles);
			after = page.next ?? undefined;
		} while (after !== undefined);
		return held;
	} finally {
		await operator.close();
	}
}

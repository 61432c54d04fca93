// Test helper: a fresh, isolated database for each aggregator test, on the backend the test run
// names. PGlite by default; the PostgreSQL server of PARTNER_DESK_TEST_DATABASE_URL when
// PARTNER_DESK_TEST_BACKEND is `postgres` (the `aggregator-postgres` vitest project sets it).
// No vitest import: the e2e tests use it too.
import { PGlite } from '@electric-sql/pglite';
import { cp, mkdir, mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pgliteDatabase, postgresDatabase, type Database } from './database.js';
import { migrate } from './migrate.js';
import { PGLITE_DIR, type DatabaseOption } from './storage.js';

export const TEST_BACKEND: 'pglite' | 'postgres' =
	process.env.PARTNER_DESK_TEST_BACKEND === 'postgres' ? 'postgres' : 'pglite';

/** Where a test's aggregator keeps its tables, for startAggregator and for the command line. */
export type TestTarget = {
	/** startAggregator's `database` (undefined: PGlite in dataDir). */
	database: DatabaseOption | undefined;
	dataDir: string;
	/** The same place for `node aggregator/cli.js`: `--data DIR` and maybe `--database URL`. */
	cliArgs: string[];
	/** Drops the schema, removes the directory. */
	close(): Promise<void>;
};

function serverUrl(): string {
	const url = process.env.PARTNER_DESK_TEST_DATABASE_URL;
	if (!url)
		throw new Error(
			'PARTNER_DESK_TEST_BACKEND=postgres needs PARTNER_DESK_TEST_DATABASE_URL=postgres://…'
		);
	return url;
}

/** The server URL whose connections use `schema` (libpq's `options`). */
function urlWithSchema(schema: string): string {
	const url = new URL(serverUrl());
	url.searchParams.set('options', `-c search_path=${schema}`);
	return url.toString();
}

let admin: Database | undefined;

/** A schema of its own on the server: tests in parallel workers never see each other's rows. */
async function serverSchema(dataDir: string): Promise<TestTarget> {
	admin ??= postgresDatabase(serverUrl(), { max: 2 });
	const schema = `pdt_${crypto.randomUUID().replaceAll('-', '')}`;
	await admin.exec(`CREATE SCHEMA ${schema}`);
	const database = urlWithSchema(schema);
	const db = postgresDatabase(database, { max: 1 });
	await migrate(db).finally(() => db.close());
	return {
		database,
		dataDir,
		cliArgs: ['--data', dataDir, '--database', database],
		async close() {
			await admin?.exec(`DROP SCHEMA ${schema} CASCADE`);
			await rm(dataDir, { recursive: true, force: true });
		}
	};
}

/**
 * An initialized PGlite directory, made once per machine and PGlite version and copied for each
 * use: initdb in WebAssembly takes seconds, a copy a few milliseconds.
 */
async function pgliteTemplate(): Promise<string> {
	const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
	const { version } = JSON.parse(
		await readFile(join(dirname(entry), '..', 'package.json'), 'utf8')
	);
	const template = join(tmpdir(), `partner-desk-pglite-template-${version}`);
	if (
		await stat(template).then(
			() => true,
			() => false
		)
	)
		return template;
	const building = await mkdtemp(`${template}.building-`);
	const instance = await PGlite.create({ dataDir: building });
	await instance.close();
	// Another worker may have made it meanwhile: either copy is as good.
	await rename(building, template).catch(() => rm(building, { recursive: true, force: true }));
	return template;
}

export function makeDataDir(): Promise<string> {
	return mkdtemp(join(tmpdir(), 'partner-desk-aggregator-'));
}

/**
 * A data directory the aggregator opens itself (PGlite files made from the template), or on the
 * server a schema of its own: for restarts, kill -9 and the command line. `embedded`: PGlite
 * whatever the backend (tests of the embedded mode itself).
 */
export async function testDataDir({ embedded = false } = {}): Promise<TestTarget> {
	const dataDir = await makeDataDir();
	if (TEST_BACKEND === 'postgres' && !embedded) return serverSchema(dataDir);
	await mkdir(dataDir, { recursive: true });
	await cp(await pgliteTemplate(), join(dataDir, PGLITE_DIR), { recursive: true });
	return {
		database: undefined,
		dataDir,
		cliArgs: ['--data', dataDir],
		close: () => rm(dataDir, { recursive: true, force: true })
	};
}

let shared: Promise<PGlite> | undefined;

/**
 * A fresh database for one test. On PGlite, one instance per test file, each test in a schema of
 * its own, handed to the aggregator open (tests in a file run one after another, and PGlite is
 * one session, so the search path set here holds until the next test sets its own).
 */
export async function testDatabase(): Promise<TestTarget> {
	const dataDir = await makeDataDir();
	if (TEST_BACKEND === 'postgres') return serverSchema(dataDir);
	shared ??= pgliteTemplate().then(async (template) => {
		const copy = join(await makeDataDir(), PGLITE_DIR);
		await cp(template, copy, { recursive: true });
		return PGlite.create({ dataDir: copy });
	});
	const instance = await shared;
	const schema = `pdt_${crypto.randomUUID().replaceAll('-', '')}`;
	await instance.exec(`CREATE SCHEMA ${schema}`);
	const database = await pgliteDatabase(instance, { schema });
	await migrate(database);
	return {
		database,
		dataDir,
		cliArgs: [],
		async close() {
			await instance.exec(`DROP SCHEMA ${schema} CASCADE`);
			await rm(dataDir, { recursive: true, force: true });
		}
	};
}

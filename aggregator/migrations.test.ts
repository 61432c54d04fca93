import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postgresDatabase, type Database } from './database.js';
import { migrate, readMigrations, schemaVersion } from './migrate.js';
import { SETUP_TIMEOUT, testDatabase, type TestTarget } from './test-server.js';

// One describe per migration file: what the schema at that version must refuse. The rows are
// written with SQL directly, past the aggregator's own checks: the constraints alone must hold.

let target: TestTarget;
let db: Database;

beforeEach(async () => {
	// testDatabase() migrates to the newest version; these tests start from an empty schema.
	target = await testDatabase();
	db =
		typeof target.database === 'object'
			? target.database
			: postgresDatabase(String(target.database), { max: 1 });
	await db.exec(
		'DROP TABLE chain_heads, tokens, partner_keys, schema_migrations CASCADE; DROP TABLE bundles CASCADE'
	);
}, SETUP_TIMEOUT);

afterEach(async () => {
	if (db !== target.database) await db.close();
	await target.close();
});

const DIGEST = (letter: string) => letter.repeat(43);

/** A bundles row with the values a test changes. */
function bundleRow(values: Record<string, unknown> = {}) {
	const row: Record<string, unknown> = {
		bundle_id: crypto.randomUUID(),
		partner_id: 'SP-4711',
		aggregator_id: 'AGG-EXD-DE',
		program_id: 'omnissa-sp',
		period: '2026-10',
		revision: 1,
		supersedes: null,
		kind: 'regular',
		kid: DIGEST('k'),
		previous_digest: null,
		digest: DIGEST('a'),
		received_at: '2026-11-13T08:00:00.000Z',
		jws_protected: 'e30',
		jws_payload: 'e30',
		jws_signature: 'sig',
		...values
	};
	const names = Object.keys(row);
	return db.query(
		`INSERT INTO bundles (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})`,
		Object.values(row)
	);
}

/** The constraint (or check) a statement violates, or undefined when it passes. */
async function violation(statement: Promise<unknown>) {
	return statement.then(
		() => undefined,
		(error: { code?: string; constraint?: string; message: string }) =>
			error.constraint ?? error.code ?? error.message
	);
}

describe('the migration files', () => {
	it('are numbered 1, 2, ... without gaps, each NNNN-name.sql', async () => {
		const migrations = await readMigrations();
		expect(migrations.map((migration) => migration.version)).toEqual(
			migrations.map((_, index) => index + 1)
		);
		expect(migrations[0].name).toBe('initial');
	});

	it('apply once: a second run changes nothing; a newer database is refused', async () => {
		const newest = (await readMigrations()).length;
		expect(await schemaVersion(db)).toBe(0);
		expect(await migrate(db)).toEqual({ from: 0, to: newest });
		expect(await migrate(db)).toEqual({ from: newest, to: newest });
		expect(await schemaVersion(db)).toBe(newest);
		await db.query("INSERT INTO schema_migrations (version, name) VALUES ($1, 'future')", [
			newest + 1
		]);
		await expect(migrate(db)).rejects.toThrow(
			`the database has schema version ${newest + 1}, newer than this aggregator knows (${newest})`
		);
	});

	it('roll back whole: a failing file leaves the version and the tables as they were', async () => {
		await db.exec('CREATE TABLE bundles (squatter integer)');
		await expect(migrate(db)).rejects.toThrow(/bundles/);
		expect(await schemaVersion(db)).toBe(0);
		expect(await db.query("SELECT to_regclass('partner_keys') AS t")).toEqual([{ t: null }]);
	});
});

describe('version 1: the initial schema', () => {
	beforeEach(async () => {
		await migrate(db, { target: 1 });
	});

	it('keeps a bundle id once', async () => {
		const bundleId = crypto.randomUUID();
		expect(await violation(bundleRow({ bundle_id: bundleId }))).toBeUndefined();
		expect(await violation(bundleRow({ bundle_id: bundleId, partner_id: 'SP-9999' }))).toBe(
			'bundles_bundle_id_key'
		);
	});

	it('refuses a fork: two bundles after the same one, or two starts of one chain', async () => {
		await bundleRow({ digest: DIGEST('a') });
		expect(await violation(bundleRow({ digest: DIGEST('b') }))).toBe('bundles_no_fork');
		await bundleRow({ digest: DIGEST('b'), previous_digest: DIGEST('a') });
		expect(await violation(bundleRow({ digest: DIGEST('c'), previous_digest: DIGEST('a') }))).toBe(
			'bundles_no_fork'
		);
		// Another aggregator's chain of the same partner starts on its own.
		expect(
			await violation(bundleRow({ digest: DIGEST('c'), aggregator_id: 'AGG-OTHER' }))
		).toBeUndefined();
	});

	it('refuses a link to a bundle outside the chain', async () => {
		await bundleRow({ digest: DIGEST('a'), partner_id: 'SP-9999' });
		expect(await violation(bundleRow({ digest: DIGEST('b'), previous_digest: DIGEST('a') }))).toBe(
			'bundles_previous_in_chain'
		);
	});

	it('checks revision and supersedes, kind, period and the digest form', async () => {
		const checks = [
			{ revision: 2 },
			{ supersedes: crypto.randomUUID() },
			{ kind: 'credit' },
			{ period: '2026-13' },
			{ digest: 'short' }
		];
		for (const values of checks)
			expect(await violation(bundleRow(values))).toMatch(/^bundles_(\w+_)?check$/);
	});

	it('keeps one head per partner and aggregator, pointing at a bundle of that chain', async () => {
		await bundleRow({ digest: DIGEST('a') });
		const head = (digest: string, partner = 'SP-4711') =>
			db.query(
				'INSERT INTO chain_heads (partner_id, aggregator_id, head_digest) VALUES ($1, $2, $3)',
				[partner, 'AGG-EXD-DE', digest]
			);
		expect(await violation(head(DIGEST('z')))).toBe(
			'chain_heads_partner_id_aggregator_id_head_digest_fkey'
		);
		expect(await violation(head(DIGEST('a')))).toBeUndefined();
		expect(await violation(head(DIGEST('a')))).toBe('chain_heads_pkey');
	});

	it('keeps at most one demo key per partner, never a private key', async () => {
		const key = (
			kid: string,
			source: string,
			jwk: object = { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' }
		) =>
			db.query(
				`INSERT INTO partner_keys (partner_id, kid, jwk, added_at, source)
				VALUES ('SP-4711', $1, $2, now(), $3)`,
				[kid, JSON.stringify(jwk), source]
			);
		expect(await violation(key(DIGEST('a'), 'demo'))).toBeUndefined();
		expect(await violation(key(DIGEST('b'), 'demo'))).toBe('partner_keys_one_demo_key');
		expect(await violation(key(DIGEST('b'), 'cli'))).toBeUndefined();
		expect(
			await violation(key(DIGEST('c'), 'cli', { kty: 'EC', crv: 'P-256', x: 'x', y: 'y', d: 'd' }))
		).toBe('partner_keys_jwk_check');
	});

	it('keeps a token as a 32-byte hash, each hash once', async () => {
		const token = (id: string, bytes: number) =>
			db.query(
				"INSERT INTO tokens (partner_id, id, sha256, issued_at) VALUES ('SP-4711', $1, $2, now())",
				[id, new Uint8Array(bytes).fill(7)]
			);
		expect(await violation(token('a1', 32))).toBeUndefined();
		expect(await violation(token('a2', 32))).toBe('tokens_sha256_key');
		expect(await violation(token('a3', 20))).toBe('tokens_sha256_check');
	});

	it('names each receipt in the receipts view', async () => {
		await bundleRow({ bundle_id: '6f1c1a52-9a3e-4c55-8d0e-2c8f0f3b6a11', digest: DIGEST('r') });
		const [receipt] = await db.query('SELECT bundle_id, digest FROM receipts');
		expect(receipt).toEqual({
			bundle_id: '6f1c1a52-9a3e-4c55-8d0e-2c8f0f3b6a11',
			digest: DIGEST('r')
		});
	});
});

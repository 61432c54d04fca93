import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAggregator } from './server.js';
import { buildPayload, createSigner, postBundle, signBundle, type Signer } from './test-bundle.js';
import { SETUP_TIMEOUT, sql, testDataDir, type TestTarget } from './test-server.js';

const CLI = fileURLToPath(new URL('./cli.js', import.meta.url));

let target: TestTarget;
let dataDir: string;
let signer: Signer;

beforeEach(async () => {
	target = await testDataDir();
	dataDir = target.dataDir;
	signer = await createSigner();
}, SETUP_TIMEOUT);

afterEach(() => target.close());

/** The test's aggregator on its database, in this process. */
const start = (options: { demo?: boolean } = {}) =>
	startAggregator({ port: 0, dataDir, database: target.database, ...options });

/**
 * Runs `node aggregator/cli.js ...args` to its end, on the test's database (`--data DIR`, and
 * `--database URL` on a server); a non-zero exit is a result, not a throw.
 */
async function cli(...args: string[]) {
	const end = args.includes('--') ? args.indexOf('--') : args.length;
	const full = [...args.slice(0, end), ...target.cliArgs, ...args.slice(end)];
	return promisify(execFile)(process.execPath, [CLI, ...full]).then(
		({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
		(error: { code: number; stdout: string; stderr: string }) => error
	);
}

/** The public JWK as WebCrypto exports it, with its `ext` and `key_ops` members. */
async function writeKeyFile(jwk: object = { ...signer.publicJwk, ext: true, key_ops: ['verify'] }) {
	const file = join(dataDir, 'laptop.jwk');
	await writeFile(file, JSON.stringify(jwk));
	return file;
}

// Each case starts node processes; on a loaded machine that takes seconds, not a failure.
const SLOW = { timeout: 60_000 };

describe('keys', SLOW, () => {
	it('add registers a key file for a partner; the server then accepts its bundles', async () => {
		const added = await cli('keys', 'add', '--partner', 'SP-4711', await writeKeyFile());
		expect(added.code).toBe(0);
		expect(added.stdout).toContain(`registered key ${signer.kid} for partner SP-4711`);

		const again = await cli('keys', 'add', '--partner', 'SP-4711', await writeKeyFile());
		expect(again.stdout).toContain(`key ${signer.kid} is already registered for partner SP-4711`);

		const listed = await cli('keys', 'list');
		expect(listed.stdout).toMatch(/^partner\tkid\tsource\tadded at$/m);
		expect(listed.stdout).toMatch(new RegExp(`^SP-4711\\t${signer.kid}\\tcli\\t\\d{4}-`, 'm'));

		const aggregator = await start();
		try {
			const bundle = await signBundle(signer, buildPayload());
			expect((await postBundle(aggregator.url, bundle)).status).toBe(201);
		} finally {
			await aggregator.close();
		}
	});

	it('add refuses a private key, naming the file', async () => {
		const file = await writeKeyFile({ ...signer.publicJwk, d: 'A'.repeat(43) });
		const result = await cli('keys', 'add', '--partner', 'SP-4711', file);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain(`${file}: the JWK holds a private key`);
		expect((await cli('keys', 'list')).stdout).toContain('no keys registered');
	});

	it('add needs --partner; remove unregisters a key', async () => {
		const file = await writeKeyFile();
		const missing = await cli('keys', 'add', file);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toContain('keys add needs --partner ID');

		await cli('keys', 'add', '--partner', 'SP-4711', file);
		// A thumbprint is base64url and may begin with '-': after '--' it is never an option.
		const removed = await cli('keys', 'remove', '--partner', 'SP-4711', '--', signer.kid);
		expect(removed.stdout).toContain(`removed key ${signer.kid} of partner SP-4711`);
		const dashed = await cli('keys', 'remove', '--partner', 'SP-4711', '--', '-q9');
		expect([dashed.code, dashed.stdout.trim()]).toEqual([1, 'partner SP-4711 has no key -q9']);
		expect((await cli('keys', 'list')).stdout).toContain('no keys registered');
	});
});

describe('server', SLOW, () => {
	it('--help prints the usage with the defaults and every option', async () => {
		const { code, stdout } = await cli('--help');
		expect(code).toBe(0);
		for (const text of [
			'default 8787',
			'default 127.0.0.1',
			'./aggregator-data',
			'--demo',
			'--allow-origin',
			'--max-body-bytes-in-flight',
			'tokens issue --partner ID',
			'tokens revoke --partner ID',
			'bundles list',
			'--fail-first',
			'--drop-first',
			'--lose-receipt-first',
			'--latency',
			'--fail-rate',
			'--drop-rate',
			'--lose-receipt-rate',
			'--seed',
			'keys add --partner ID',
			'--database URL',
			'import-files --data DIR'
		])
			expect(stdout).toContain(text);
	});

	it('refuses an unknown option or a bad number with exit code 2', async () => {
		expect((await cli('--colour')).code).toBe(2);
		const bad = await cli('--fail-rate', 'lots');
		expect(bad.code).toBe(2);
		expect(bad.stderr).toContain('--fail-rate needs a number, not "lots"');
	});

	it('starts from the command line with its options and stops on SIGTERM', async () => {
		await cli('keys', 'add', '--partner', 'SP-4711', await writeKeyFile());
		const child = spawn(process.execPath, [
			CLI,
			'--port',
			'0',
			...target.cliArgs,
			'--fail-first',
			'1'
		]);
		try {
			const lines = createInterface({ input: child.stdout });
			const [line] = (await once(lines, 'line')) as [string];
			const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1];
			expect(url).toBeDefined();
			const bundle = await signBundle(signer, buildPayload());
			expect((await postBundle(url!, bundle)).status).toBe(503);
			expect((await postBundle(url!, bundle)).status).toBe(201);
		} finally {
			child.kill('SIGTERM');
		}
		const [code] = (await once(child, 'exit')) as [number];
		expect(code).toBe(0);
	});
});

describe('tokens and the operator listing', SLOW, () => {
	it('keys list shows a key trusted in a demo run as source demo, keys add makes it cli', async () => {
		const aggregator = await start({ demo: true });
		try {
			expect(
				(await postBundle(aggregator.url, await signBundle(signer, buildPayload()))).status
			).toBe(201);
		} finally {
			await aggregator.close();
		}
		const demo = await cli('keys', 'list');
		expect(demo.stdout).toMatch(new RegExp(`^SP-4711\\t${signer.kid}\\tdemo\\t`, 'm'));
		const added = await cli('keys', 'add', '--partner', 'SP-4711', await writeKeyFile());
		expect(added.stdout).toContain(`registered key ${signer.kid} for partner SP-4711`);
		const cliKey = await cli('keys', 'list');
		expect(cliKey.stdout).toMatch(new RegExp(`^SP-4711\\t${signer.kid}\\tcli\\t`, 'm'));
	});

	it('tokens issue prints a token once; it lists that partner only; revoke ends it', async () => {
		const issued = await cli('tokens', 'issue', '--partner', 'SP-4711');
		expect(issued.code).toBe(0);
		const [, id] = /issued token ([0-9a-f]{8}) for partner SP-4711/.exec(issued.stdout) ?? [];
		const token = issued.stdout.trim().split('\n').at(-1)!;
		expect(token).toMatch(/^pdt_[A-Za-z0-9_-]{43}$/);
		// The database keeps the token's SHA-256, not the token.
		const stored = await sql(target, "SELECT encode(sha256, 'hex') AS sha256 FROM tokens");
		expect(stored).toEqual([{ sha256: createHash('sha256').update(token).digest('hex') }]);

		const listed = await cli('tokens', 'list');
		expect(listed.stdout).toMatch(new RegExp(`^SP-4711\\t${id}\\t\\d{4}-`, 'm'));
		expect(listed.stdout).not.toContain(token);

		await cli('keys', 'add', '--partner', 'SP-4711', await writeKeyFile());
		const aggregator = await start();
		try {
			const bundle = await signBundle(signer, buildPayload());
			expect((await postBundle(aggregator.url, bundle, { token })).status).toBe(201);
			const list = () =>
				fetch(`${aggregator.url}/bundles`, { headers: { Authorization: `Bearer ${token}` } });
			expect((await (await list()).json()).bundles).toHaveLength(1);

			const revoked = await cli('tokens', 'revoke', '--partner', 'SP-4711', id);
			expect(revoked.stdout).toContain(`revoked token ${id} of partner SP-4711`);
			expect((await list()).status).toBe(401);
		} finally {
			await aggregator.close();
		}
		const missing = await cli('tokens', 'issue');
		expect([missing.code, missing.stderr]).toEqual([
			2,
			expect.stringContaining('tokens issue needs --partner ID')
		]);
	});

	it("bundles list shows every partner's bundles to the operator, as text or JSON", async () => {
		const other = await createSigner();
		await cli('keys', 'add', '--partner', 'SP-4711', await writeKeyFile());
		const aggregator = await start({ demo: true });
		const ours = await signBundle(signer, buildPayload());
		const theirs = await signBundle(
			other,
			buildPayload({ partner: { id: 'SP-9999', name: 'Andere GmbH' } })
		);
		try {
			expect((await postBundle(aggregator.url, ours)).status).toBe(201);
			expect((await postBundle(aggregator.url, theirs)).status).toBe(201);
		} finally {
			await aggregator.close();
		}
		const text = await cli('bundles', 'list');
		expect(text.stdout).toMatch(
			new RegExp(`^SP-4711\\tAGG-EXD-DE\\t2026-10\\t1\\tregular\\t${ours.bundleId}\\t`, 'm')
		);
		expect(text.stdout).toContain(theirs.bundleId);
		const json = JSON.parse(
			(await cli('bundles', 'list', '--json', '--partner', 'SP-9999')).stdout
		);
		expect(json.bundles).toEqual([
			expect.objectContaining({
				bundleId: theirs.bundleId,
				partnerId: 'SP-9999',
				digest: theirs.digest
			})
		]);
		// One page at a time: the first, and the cursor of the next.
		const first = await cli('bundles', 'list', '--limit', '1');
		const [, cursor] = /^more: --after (\d+)$/m.exec(first.stdout) ?? [];
		expect(first.stdout).toContain(ours.bundleId);
		expect(first.stdout).not.toContain(theirs.bundleId);
		const second = JSON.parse(
			(await cli('bundles', 'list', '--json', '--limit', '1', '--after', cursor)).stdout
		);
		expect(second).toEqual({
			bundles: [expect.objectContaining({ bundleId: theirs.bundleId })],
			next: null
		});
	});
});

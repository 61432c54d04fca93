import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { startAggregator } from './server.js';
import {
	buildPayload,
	createSigner,
	postBundle,
	signBundle,
	signChain,
	type SignedBundle,
	type Signer
} from './test-bundle.js';
import {
	heldBundles,
	SETUP_TIMEOUT,
	testDataDir,
	TEST_BACKEND,
	type TestTarget
} from './test-server.js';

// A data directory of the file-based aggregator, written as it wrote one (format 1), moves into
// the database with one command; the server refuses to start on it before.

const RECEIVED_AT = '2026-11-13T08:00:00.000Z';

let target: TestTarget;
let signer: Signer;
let chain: SignedBundle[];

beforeEach(async () => {
	target = await testDataDir();
	signer = await createSigner();
	chain = await signChain(signer, 3);
	await writeFileStore(target.dataDir, chain);
}, SETUP_TIMEOUT);

afterEach(() => target.close());

/** bundles.json, bundles/<id>.<digest>.json, keys.json and tokens.json as the file store kept them. */
async function writeFileStore(dataDir: string, bundles: SignedBundle[]) {
	await mkdir(join(dataDir, 'bundles'), { recursive: true });
	const index = bundles.map((bundle, position) => ({
		bundleId: bundle.bundleId,
		revision: 1,
		period: '2026-10',
		supersedes: null,
		kind: 'regular',
		partnerId: 'SP-4711',
		aggregatorId: 'AGG-EXD-DE',
		programId: 'omnissa-sp',
		kid: signer.kid,
		previousDigest: position === 0 ? null : bundles[position - 1].digest,
		receivedAt: RECEIVED_AT,
		digest: bundle.digest
	}));
	for (const bundle of bundles)
		await writeFile(
			join(dataDir, 'bundles', `${bundle.bundleId}.${bundle.digest}.json`),
			JSON.stringify({
				receipt: { bundleId: bundle.bundleId, receivedAt: RECEIVED_AT, digest: bundle.digest },
				jws: bundle.jws
			})
		);
	await writeFile(join(dataDir, 'bundles.json'), JSON.stringify({ format: 1, bundles: index }));
	await writeFile(
		join(dataDir, 'keys.json'),
		JSON.stringify({
			format: 1,
			keys: [
				{
					partnerId: 'SP-4711',
					kid: signer.kid,
					jwk: signer.publicJwk,
					addedAt: RECEIVED_AT,
					source: 'cli'
				}
			]
		})
	);
	await writeFile(
		join(dataDir, 'tokens.json'),
		JSON.stringify({
			format: 1,
			tokens: [
				{
					id: '0a1b2c3d',
					partnerId: 'SP-4711',
					// SHA-256 of "pdt_test-token", base64url.
					sha256: Buffer.from(
						await crypto.subtle.digest('SHA-256', new TextEncoder().encode('pdt_test-token'))
					).toString('base64url'),
					issuedAt: RECEIVED_AT
				}
			]
		})
	);
}

async function importFiles() {
	const out: string[] = [];
	const err: string[] = [];
	// As cli.js's main does: a failure is its message and exit code 1.
	const code = await runCli(['import-files', ...target.cliArgs], {
		out: (line) => out.push(line),
		err: (line) => err.push(line),
		cwd: process.cwd()
	}).catch((error: Error) => {
		err.push(`error: ${error.message}`);
		return 1;
	});
	return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('import-files', { timeout: 120_000 }, () => {
	it('moves bundles, receipts, chain heads, keys and tokens into the database, once', async () => {
		if (TEST_BACKEND === 'pglite')
			await expect(startAggregator({ port: 0, dataDir: target.dataDir })).rejects.toThrow(
				`holds the bundles of an older aggregator as files (bundles.json); import them once with \`npm run aggregator -- import-files --data ${target.dataDir}\``
			);

		const imported = await importFiles();
		expect(imported.code).toBe(0);
		expect(imported.out).toContain('imported 3 bundles, 1 keys and 1 tokens');
		expect((await readdir(target.dataDir)).sort()).toEqual(
			expect.arrayContaining([
				'bundles.json.imported',
				'keys.json.imported',
				'tokens.json.imported'
			])
		);
		expect(await readdir(target.dataDir)).not.toContain('bundles.json');

		const held = await heldBundles(target);
		expect(held.map((bundle) => bundle.bundleId)).toEqual(chain.map((bundle) => bundle.bundleId));
		const aggregator = await startAggregator({
			port: 0,
			dataDir: target.dataDir,
			database: target.database
		});
		try {
			const token = 'pdt_test-token';
			// A repeat gets the receipt the file store gave; the key and the token came along.
			const repeat = await postBundle(aggregator.url, chain[1], { token });
			expect(repeat.status).toBe(200);
			expect(await repeat.json()).toEqual({
				bundleId: chain[1].bundleId,
				receivedAt: RECEIVED_AT,
				digest: chain[1].digest
			});
			expect(await aggregator.store.read(chain[0].bundleId)).toMatchObject({ jws: chain[0].jws });
			// The chain head came along: the next bundle follows the third.
			const next = await signBundle(signer, buildPayload({ previousDigest: chain[2].digest }));
			expect((await postBundle(aggregator.url, next, { token })).status).toBe(201);
		} finally {
			await aggregator.close();
		}

		// A second import finds no file store.
		const again = await importFiles();
		expect(again.code).toBe(1);
	});

	it('refuses a directory whose bundle file does not match its digest, and imports nothing', async () => {
		const other = await signBundle(await createSigner(), buildPayload());
		await writeFile(
			join(target.dataDir, 'bundles', `${chain[1].bundleId}.${chain[1].digest}.json`),
			JSON.stringify({
				receipt: { bundleId: chain[1].bundleId, receivedAt: RECEIVED_AT, digest: chain[1].digest },
				jws: other.jws
			})
		);
		const refused = await importFiles();
		expect(refused.code).toBe(1);
		expect(refused.err).toContain(
			`${chain[1].bundleId}.${chain[1].digest}.json: the JWS does not have the digest ${chain[1].digest}`
		);
		expect(await readdir(target.dataDir)).toContain('bundles.json');
		// Nothing of the first bundle either: one transaction. (The file store moved aside, so the
		// database can be opened.)
		await rm(join(target.dataDir, 'bundles.json'));
		expect(await heldBundles(target)).toEqual([]);
	});
});

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
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
	registerKey,
	setUpAggregator,
	testDatabase,
	type TestAggregator
} from './test-server.js';

const CLI = fileURLToPath(new URL('./cli.js', import.meta.url));

let test: TestAggregator | undefined;

afterEach(async () => {
	await test?.close();
	test = undefined;
});

// Each case opens the database more than once (PGlite: seconds on a loaded machine).
describe('durable storage', { timeout: 120_000 }, () => {
	it('keeps bundles, receipts, keys and the chain head across a restart', async () => {
		test = await setUpAggregator({ directory: true });
		const [first, second, third] = await signChain(test.signer, 3);
		const receipt = await (await postBundle(test.url, first)).json();
		await postBundle(test.url, second);
		const before = await test.held();

		const { url } = await test.restart();
		expect(await test.held()).toEqual(before);
		const repeat = await postBundle(url, first);
		expect(repeat.status).toBe(200);
		expect(await repeat.json()).toEqual(receipt);
		// The chain head is the second bundle: a bundle that follows the first is a gap.
		const fork = await signBundle(test.signer, buildPayload({ previousDigest: first.digest }));
		expect((await postBundle(url, fork)).status).toBe(409);
		// The key registry survived too: the third bundle is accepted, not refused with 403.
		expect((await postBundle(url, third)).status).toBe(201);
	});

	it('keeps each bundle exactly as received, with its receipt', async () => {
		test = await setUpAggregator({ directory: true });
		const [first] = await signChain(test.signer, 1);
		const receipt = await (await postBundle(test.url, first)).json();
		await test.restart();
		expect(await test.server.store.read(first.bundleId)).toEqual({ receipt, jws: first.jws });
		expect(await test.server.store.read(crypto.randomUUID())).toBeUndefined();
	});

	it('keeps the embedded data directory out of git and to one process', async () => {
		test = await setUpAggregator({ directory: 'embedded' });
		expect(test.server.database).toBe(join(test.dataDir, 'pglite'));
		expect(await readFile(join(test.dataDir, '.gitignore'), 'utf8')).toBe('*\n');
		// PGlite opened twice loses writes: a second aggregator on the directory is refused.
		await expect(startAggregator({ port: 0, dataDir: test.dataDir })).rejects.toThrow(
			`${test.dataDir} is in use by another aggregator process`
		);
		// The first one still works.
		const [first] = await signChain(test.signer, 1);
		expect((await postBundle(test.url, first)).status).toBe(201);
	});
});

/** The CLI's server in a process of its own; resolves with its URL once it listens. */
async function spawnServer(cliArgs: string[]) {
	const child = spawn(process.execPath, [CLI, '--port', '0', ...cliArgs], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const lines = createInterface({ input: child.stdout });
	for await (const line of lines) {
		const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1];
		if (url) return { child, url };
	}
	throw new Error('the aggregator process ended before it listened');
}

describe('kill -9', { timeout: 180_000 }, () => {
	it('loses no acknowledged bundle: every receipt sent before the kill is held after it', async () => {
		test = await setUpAggregator({ directory: true, signers: 0, start: false });
		const partners = ['SP-1001', 'SP-1002', 'SP-1003', 'SP-1004'];
		const chains = new Map<string, SignedBundle[]>();
		for (const partnerId of partners) {
			const signer: Signer = await createSigner();
			await registerKey(test, signer, partnerId);
			const chain: SignedBundle[] = [];
			for (let index = 0; index < 12; index += 1)
				chain.push(
					await signBundle(
						signer,
						buildPayload({
							partner: { id: partnerId, name: `Partner ${partnerId}` },
							previousDigest: chain.at(-1)?.digest ?? null
						})
					)
				);
			chains.set(partnerId, chain);
		}

		const { child, url } = await spawnServer(test.cliArgs);
		const acknowledged: string[] = [];
		const exited = once(child, 'exit');
		// Four partners send their chains at once; the process is killed after the 10th receipt,
		// in the middle of other sends and commits.
		const senders = partners.map(async (partnerId) => {
			for (const bundle of chains.get(partnerId)!) {
				const status = await postBundle(url, bundle).then(
					(response) => response.status,
					() => 'dropped' as const
				);
				if (status === 'dropped') return;
				expect(status).toBe(201);
				acknowledged.push(bundle.bundleId);
				if (acknowledged.length === 10) child.kill('SIGKILL');
			}
		});
		await Promise.all(senders);
		const [, signal] = await exited;
		expect(signal).toBe('SIGKILL');
		expect(acknowledged.length).toBeGreaterThanOrEqual(10);
		expect(acknowledged.length).toBeLessThan(48);

		// Started again on what the killed process left (the socket file too): everything
		// acknowledged is there, and each chain is an unbroken prefix of what was sent.
		const { url: again } = await test.restart();
		const held = await heldBundles(test);
		const heldIds = new Set(held.map((bundle) => bundle.bundleId));
		for (const bundleId of acknowledged) expect(heldIds.has(bundleId)).toBe(true);
		for (const partnerId of partners) {
			const sent = chains.get(partnerId)!.map((bundle) => bundle.bundleId);
			const kept = held.filter((b) => b.partnerId === partnerId).map((b) => b.bundleId);
			expect(kept).toEqual(sent.slice(0, kept.length));
		}

		// The senders retry what has no receipt: each is stored once (200 if the kill came
		// between commit and answer), and every chain completes.
		for (const partnerId of partners)
			for (const bundle of chains.get(partnerId)!) {
				const status = (await postBundle(again, bundle)).status;
				expect(heldIds.has(bundle.bundleId) ? 200 : 201).toBe(status);
			}
		expect(await test.held()).toHaveLength(48);
	});
});

describe('processes sharing one database', { timeout: 120_000 }, () => {
	it('two aggregators never fork a chain: of 20 sends for one chain position, one is stored', async () => {
		const target = await testDatabase();
		const signer = await createSigner();
		await registerKey(target, signer);
		const [a, b] = [
			await startAggregator({ port: 0, dataDir: target.dataDir, database: target.database }),
			await startAggregator({ port: 0, dataDir: target.dataDir, database: target.database })
		];
		try {
			const [first] = await signChain(signer, 1);
			expect((await postBundle(a.url, first)).status).toBe(201);
			// Twenty different bundles, each claiming to follow the first, to both processes.
			const rivals = await Promise.all(
				Array.from({ length: 20 }, () =>
					signBundle(signer, buildPayload({ previousDigest: first.digest }))
				)
			);
			const statuses = await Promise.all(
				rivals.map((bundle, index) =>
					postBundle((index % 2 === 0 ? a : b).url, bundle).then((response) => response.status)
				)
			);
			expect(statuses.filter((status) => status === 201)).toHaveLength(1);
			expect(statuses.filter((status) => status === 409)).toHaveLength(19);
			const held = await heldBundles(target);
			expect(held).toHaveLength(2);
			expect(held[1].previousDigest).toBe(first.digest);

			// And the same new bundle to both at once: one 201, the other the 200 of a repeat.
			const next = await signBundle(signer, buildPayload({ previousDigest: held[1].digest }));
			const both = await Promise.all([postBundle(a.url, next), postBundle(b.url, next)]);
			expect(both.map((response) => response.status).sort()).toEqual([200, 201]);
		} finally {
			await a.close();
			await b.close();
			await target.close();
		}
	});
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFaults, seededRandom } from './faults.js';
import type { RunningAggregator } from './server.js';
import {
	postBundle,
	problemType,
	signChain,
	type SignedBundle,
	type Signer
} from './test-bundle.js';
import {
	SETUP_TIMEOUT,
	setUpAggregator,
	type AggregatorOptions,
	type TestAggregator
} from './test-server.js';

let test: TestAggregator;
let aggregator: RunningAggregator | undefined;
let signer: Signer;
/** The partner's token: GET /bundles lists the partner's bundles with it, and every POST sends it. */
let token: string;

beforeEach(async () => {
	test = await setUpAggregator({ token: true, start: false });
	signer = test.signer;
	token = test.token!;
}, SETUP_TIMEOUT);

afterEach(async () => {
	aggregator = undefined;
	await test.close();
});

async function start(options: Partial<AggregatorOptions>) {
	aggregator = await test.restart(options);
	return aggregator;
}

async function storedIds(url: string) {
	const response = await fetch(`${url}/bundles`, { headers: { Authorization: `Bearer ${token}` } });
	const { bundles } = (await response.json()) as {
		bundles: { bundleId: string; digest: string; receivedAt: string }[];
	};
	return bundles;
}

describe('injected faults', () => {
	it('answers the first N POSTs with 503 and then works; GET is never faulted', async () => {
		const { url } = await start({ failFirst: 2 });
		const [bundle] = await signChain(signer, 1);
		for (let attempt = 0; attempt < 2; attempt += 1) {
			const response = await postBundle(url, bundle, { token });
			expect(response.status).toBe(503);
			expect(await response.json()).toMatchObject({ type: problemType('unavailable') });
			expect(await storedIds(url)).toEqual([]);
		}
		expect((await postBundle(url, bundle, { token })).status).toBe(201);
		expect(aggregator?.faults()).toEqual({ failed: 2, dropped: 0, receiptsLost: 0 });
	});

	it('drops the connection before storing: nothing is stored, the retry is a first delivery', async () => {
		const { url } = await start({ dropFirst: 1 });
		const [bundle] = await signChain(signer, 1);
		await expect(postBundle(url, bundle, { token })).rejects.toThrow('fetch failed');
		expect(await storedIds(url)).toEqual([]);
		expect((await postBundle(url, bundle, { token })).status).toBe(201);
	});

	it('stores and then drops the reply (a lost receipt): the retry gets 200 and the same receipt', async () => {
		const { url } = await start({ loseReceiptFirst: 1 });
		const [bundle] = await signChain(signer, 1);
		await expect(postBundle(url, bundle, { token })).rejects.toThrow('fetch failed');
		const [stored] = await storedIds(url);
		expect(stored).toMatchObject({ bundleId: bundle.bundleId, digest: bundle.digest });

		const retry = await postBundle(url, bundle, { token });
		expect(retry.status).toBe(200);
		expect(await retry.json()).toEqual({
			bundleId: bundle.bundleId,
			receivedAt: stored.receivedAt,
			digest: bundle.digest
		});
		expect(await storedIds(url)).toHaveLength(1);
	});

	it('adds latency to every answer', async () => {
		const { url } = await start({ latencyMs: 200 });
		const started = performance.now();
		await fetch(`${url}/bundles`);
		expect(performance.now() - started).toBeGreaterThanOrEqual(195);
	});

	it('refuses rates outside 0 to 1 and negative counts', async () => {
		await expect(start({ failRate: 1.5 })).rejects.toThrow('failRate must be a number from 0 to 1');
		await expect(start({ dropFirst: -1 })).rejects.toThrow('dropFirst must be a whole number');
	});
});

describe('fractional faults under a retrying sender', () => {
	/** Sends a chain in order, each bundle until it has a receipt; records every outcome. */
	async function deliver(url: string, chain: SignedBundle[]) {
		const outcomes: string[] = [];
		for (const bundle of chain) {
			for (;;) {
				const status = await postBundle(url, bundle, { token }).then(
					(response) => response.status,
					() => 'dropped' as const
				);
				outcomes.push(String(status));
				if (status === 200 || status === 201) break;
				expect([503, 'dropped']).toContain(status);
			}
		}
		return outcomes;
	}

	const rates = { failRate: 0.2, dropRate: 0.1, loseReceiptRate: 0.1, seed: 42 };

	// Sixty bundles with retries, each an fsync: seconds on a shared disk, which is no failure.
	it(
		'delivers every bundle exactly once, in chain order, and repeats with the seed',
		{ timeout: 60_000 },
		async () => {
			const runs = [];
			for (let run = 0; run < 2; run += 1) {
				const { url } = await start(rates);
				const chain = await signChain(signer, 30);
				const outcomes = await deliver(url, chain);
				expect((await storedIds(url)).map((b) => b.digest)).toEqual(chain.map((b) => b.digest));
				runs.push({ outcomes, faults: aggregator?.faults() });
				// The second run starts from an empty database again, with the same key.
				await test.close();
				test = await setUpAggregator({ signers: 0, token: true, start: false });
				await test.registerKey(signer);
				token = test.token!;
			}
			expect(runs[1]).toEqual(runs[0]);
			const faults = runs[0].faults!;
			expect(faults.failed).toBeGreaterThan(0);
			expect(faults.dropped).toBeGreaterThan(0);
			expect(faults.receiptsLost).toBeGreaterThan(0);
			// A lost receipt is the only way to a 200 here: the retry finds the bundle stored.
			expect(runs[0].outcomes.filter((o) => o === '200')).toHaveLength(faults.receiptsLost);
		}
	);
});

describe('seeded PRNG', () => {
	it('gives the same sequence for a seed and another for another seed', () => {
		const take = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
		expect(take(42)).toEqual(take(42));
		expect(take(43)).not.toEqual(take(42));
		for (const value of take(7)) expect(value >= 0 && value < 1).toBe(true);
	});

	it('fires the first N of a stage, then at the rate', () => {
		const faults = createFaults({ failFirst: 2, failRate: 0 });
		expect([faults.failNow(), faults.failNow(), faults.failNow()]).toEqual([true, true, false]);
		const always = createFaults({ dropRate: 1 });
		expect([always.dropNow(), always.dropNow()]).toEqual([true, true]);
		expect(always.counts()).toEqual({ failed: 0, dropped: 2, receiptsLost: 0 });
	});
});

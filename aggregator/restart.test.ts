import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBundleIndex } from './bundle-store.js';
import { startAggregator, type RunningAggregator } from './server.js';
import {
	buildPayload,
	createSigner,
	heldBundleIds,
	makeDataDir,
	postBundle,
	registerKey,
	signBundle,
	signChain,
	type Signer
} from './test-bundle.js';

let dataDir: string;
let aggregator: RunningAggregator | undefined;
let signer: Signer;

beforeEach(async () => {
	dataDir = await makeDataDir();
	signer = await createSigner();
	await registerKey(dataDir, signer);
});

afterEach(async () => {
	await aggregator?.close();
	aggregator = undefined;
	await rm(dataDir, { recursive: true, force: true });
});

async function restart() {
	await aggregator?.close();
	aggregator = await startAggregator({ port: 0, dataDir });
	return aggregator.url;
}

describe('durable storage', () => {
	it('keeps bundles, receipts, keys and the chain head across a restart', async () => {
		const [first, second, third] = await signChain(signer, 3);
		let url = await restart();
		const receipt = await (await postBundle(url, first)).json();
		await postBundle(url, second);
		const before = await readBundleIndex(dataDir);

		url = await restart();
		expect(await readBundleIndex(dataDir)).toEqual(before);
		const repeat = await postBundle(url, first);
		expect(repeat.status).toBe(200);
		expect(await repeat.json()).toEqual(receipt);
		// The chain head is the second bundle: a bundle that follows the first is a gap.
		const fork = await signBundle(signer, buildPayload({ previousDigest: first.digest }));
		expect((await postBundle(url, fork)).status).toBe(409);
		// The key registry survived too: the third bundle is accepted, not refused with 403.
		expect((await postBundle(url, third)).status).toBe(201);
	});

	it('keeps each bundle exactly as received, beside an index in acceptance order', async () => {
		const [first] = await signChain(signer, 1);
		await postBundle(await restart(), first);
		const stored = JSON.parse(
			await readFile(join(dataDir, 'bundles', `${first.bundleId}.${first.digest}.json`), 'utf8')
		);
		expect(stored.jws).toEqual(first.jws);
		expect(stored.receipt.digest).toBe(first.digest);
		const index = JSON.parse(await readFile(join(dataDir, 'bundles.json'), 'utf8'));
		expect(index.bundles.map((b: { bundleId: string }) => b.bundleId)).toEqual([first.bundleId]);
		// The data directory keeps itself out of git.
		expect(await readFile(join(dataDir, '.gitignore'), 'utf8')).toBe('*\n');
	});

	it('ignores and removes the temporary file of a write a crash interrupted', async () => {
		const [first, second] = await signChain(signer, 2);
		await postBundle(await restart(), first);
		await aggregator?.close();
		aggregator = undefined;
		const torn = join(dataDir, '.bundles.json.4242.1.tmp');
		await writeFile(torn, '{"format":1,"bundles":[{"bundle');

		const url = await restart();
		expect(await heldBundleIds(dataDir)).toEqual([first.bundleId]);
		// The server holds what the index says: the chain continues from the first bundle.
		expect((await postBundle(url, second)).status).toBe(201);
		expect(await readdir(dataDir)).not.toContain('.bundles.json.4242.1.tmp');
	});

	it('refuses to start on a damaged index, naming the file', async () => {
		await writeFile(join(dataDir, 'bundles.json'), '{"format":1,"bundles":[{"bundleId":');
		await expect(startAggregator({ port: 0, dataDir })).rejects.toThrow(
			`${join(dataDir, 'bundles.json')} is not valid JSON`
		);
	});
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningAggregator } from './server.js';
import {
	buildPayload,
	createSigner,
	postBundle,
	problemType,
	signBundle,
	signChain,
	type Signer
} from './test-bundle.js';
import { SETUP_TIMEOUT, setUpAggregator, type TestAggregator } from './test-server.js';

// DESIGN.md: a 409 chain-gap carries the aggregator's head of the partner's chain, so that a
// second device of the same partner can re-sign its undelivered bundle onto it.

const NOW = new Date('2026-11-13T08:00:00.000Z');

let test: TestAggregator;
let aggregator: RunningAggregator;
let deviceA: Signer;
let deviceB: Signer;

beforeEach(async () => {
	// Two devices of one partner: the operator registers both keys.
	test = await setUpAggregator({ signers: 2, options: { now: () => NOW } });
	aggregator = test.server;
	[deviceA, deviceB] = test.signers;
}, SETUP_TIMEOUT);

afterEach(() => test.close());

async function chainGapOf(response: Response) {
	expect(response.status).toBe(409);
	expect(response.headers.get('Content-Type')).toBe('application/problem+json');
	const body = (await response.json()) as Record<string, unknown>;
	expect(body.type).toBe(problemType('chain-gap'));
	return body;
}

/** The operator's listing (GET /bundles needs a partner token). */
function stored() {
	return test.held();
}

describe('409 chain-gap names the head', () => {
	it("a second device's first bundle: headDigest and headBundleId of the first device's bundle", async () => {
		const [fromA] = await signChain(deviceA, 1);
		expect((await postBundle(aggregator.url, fromA)).status).toBe(201);

		const fromB = await signBundle(deviceB, buildPayload({ previousDigest: null }));
		const body = await chainGapOf(await postBundle(aggregator.url, fromB));
		expect(body).toMatchObject({
			field: 'previousDigest',
			expected: fromA.digest,
			headDigest: fromA.digest,
			headBundleId: fromA.bundleId
		});
		expect(body.detail).toContain(fromA.bundleId);
		expect(await stored()).toEqual([expect.objectContaining({ bundleId: fromA.bundleId })]);
	});

	it('the head is the newest accepted bundle, not the first', async () => {
		const chain = await signChain(deviceA, 3);
		for (const bundle of chain) expect((await postBundle(aggregator.url, bundle)).status).toBe(201);

		const stale = await signBundle(deviceB, buildPayload({ previousDigest: chain[0].digest }));
		const body = await chainGapOf(await postBundle(aggregator.url, stale));
		expect(body).toMatchObject({ headDigest: chain[2].digest, headBundleId: chain[2].bundleId });
	});

	it('re-signed onto the head with a new bundleId, the second device is accepted and chained', async () => {
		const [fromA] = await signChain(deviceA, 1);
		await postBundle(aggregator.url, fromA);
		const refused = buildPayload({ previousDigest: null });
		const body = await chainGapOf(
			await postBundle(aggregator.url, await signBundle(deviceB, refused))
		);

		const resigned = await signBundle(deviceB, {
			...refused,
			bundleId: crypto.randomUUID(),
			previousDigest: body.headDigest as string
		});
		const response = await postBundle(aggregator.url, resigned);
		expect(response.status).toBe(201);
		expect((await response.json()).digest).toBe(resigned.digest);
		expect((await stored()).map((bundle) => bundle.bundleId)).toEqual([
			fromA.bundleId,
			resigned.bundleId
		]);

		// And device A, whose own head is now behind, is told B's bundle is the head.
		const nextFromA = await signBundle(deviceA, buildPayload({ previousDigest: fromA.digest }));
		expect(await chainGapOf(await postBundle(aggregator.url, nextFromA))).toMatchObject({
			headDigest: resigned.digest,
			headBundleId: resigned.bundleId
		});
	});

	it('no bundle held yet: headDigest and headBundleId are null', async () => {
		const bundle = await signBundle(deviceA, buildPayload({ previousDigest: 'A'.repeat(43) }));
		const body = await chainGapOf(await postBundle(aggregator.url, bundle));
		expect(body).toMatchObject({ headDigest: null, headBundleId: null, expected: null });
	});

	it("another partner's bundles are never its head", async () => {
		const other = await createSigner();
		await test.registerKey(other, 'SP-0815');
		const theirs = await signBundle(
			other,
			buildPayload({ partner: { id: 'SP-0815', name: 'Andere GmbH' } })
		);
		expect((await postBundle(aggregator.url, theirs)).status).toBe(201);

		const bundle = await signBundle(deviceA, buildPayload({ previousDigest: theirs.digest }));
		const body = await chainGapOf(await postBundle(aggregator.url, bundle));
		expect(body).toMatchObject({ headDigest: null, headBundleId: null });
	});
});

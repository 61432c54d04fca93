import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningAggregator } from './server.js';
import {
	buildPayload,
	postBundle,
	problemType,
	signBundle,
	type BundlePayload,
	type SignedBundle,
	type Signer
} from './test-bundle.js';
import { SETUP_TIMEOUT, setUpAggregator, type TestAggregator } from './test-server.js';

// Each check of a correction and of the chain, on its own: a bug planted in any one of them must
// fail a test here (before, only the period check and a concurrency test noticed).

let test: TestAggregator;
let aggregator: RunningAggregator;
let signer: Signer;

beforeEach(async () => {
	test = await setUpAggregator();
	aggregator = test.server;
	signer = test.signer;
}, SETUP_TIMEOUT);

afterEach(() => test.close());

async function send(bundle: SignedBundle) {
	const response = await postBundle(aggregator.url, bundle);
	return { status: response.status, body: await response.json() };
}

/** Revision 1 and its correction at `revision`, both accepted. */
async function originalAndCorrection(revision: number) {
	const original = await signBundle(signer, buildPayload());
	expect((await send(original)).status).toBe(201);
	const correction = await signBundle(
		signer,
		buildPayload({ revision, supersedes: original.bundleId, previousDigest: original.digest })
	);
	expect((await send(correction)).status).toBe(201);
	return correction;
}

describe('a correction', () => {
	it.each([
		['keeps the revision of the bundle it corrects', 2, 2, 3],
		['lowers the revision', 3, 2, 4]
	])(
		'that %s: 422 supersedes-mismatch naming revision',
		async (_name, corrected, revision, expected) => {
			const correction = await originalAndCorrection(corrected);
			const again = buildPayload({
				revision,
				supersedes: correction.bundleId,
				previousDigest: correction.digest
			});
			const { status, body } = await send(await signBundle(signer, again));
			expect(status).toBe(422);
			expect(body).toMatchObject({
				type: problemType('supersedes-mismatch'),
				field: 'revision',
				expected
			});
			expect(body.detail).toBe(
				`revision is ${revision}, but the superseded bundle ${correction.bundleId} is revision ${corrected}: a correction raises the revision.`
			);
		}
	);

	it.each<[string, Partial<BundlePayload>, string, string]>([
		['partner', { partner: { id: 'SP-9999', name: 'Andere GmbH' } }, 'partner.id', 'SP-4711'],
		[
			'aggregator',
			{ aggregator: { id: 'AGG-OTHER', name: 'Other Distribution' } },
			'aggregator.id',
			'AGG-EXD-DE'
		],
		[
			'program',
			{ program: { id: 'genesys-appfoundry', packVersion: '1.0.0' } },
			'program.id',
			'omnissa-sp'
		]
	])('that changes the %s: 422 supersedes-mismatch', async (_name, change, field, expected) => {
		const original = await signBundle(signer, buildPayload());
		expect((await send(original)).status).toBe(201);
		await test.registerKey(signer, 'SP-9999');
		// previousDigest as the chain of the changed partner/aggregator expects it, so only the
		// supersedes check can refuse.
		const sameChain = change.program !== undefined;
		const correction = buildPayload({
			revision: 2,
			supersedes: original.bundleId,
			previousDigest: sameChain ? original.digest : null,
			...change
		});
		const { status, body } = await send(await signBundle(signer, correction));
		expect(status).toBe(422);
		expect(body).toMatchObject({ type: problemType('supersedes-mismatch'), field, expected });
		expect(await test.heldIds()).toEqual([original.bundleId]);
	});
});

describe('the chain', () => {
	it('refuses previousDigest null once the partner has a chain: 409 chain-gap', async () => {
		const first = await signBundle(signer, buildPayload());
		expect((await send(first)).status).toBe(201);
		const restart = await signBundle(signer, buildPayload({ previousDigest: null }));
		const { status, body } = await send(restart);
		expect(status).toBe(409);
		expect(body).toMatchObject({
			type: problemType('chain-gap'),
			field: 'previousDigest',
			expected: first.digest
		});
		expect(await test.heldIds()).toEqual([first.bundleId]);
	});

	it('refuses a bundle chained onto an older bundle than the head: 409 chain-gap', async () => {
		const first = await signBundle(signer, buildPayload());
		const second = await signBundle(signer, buildPayload({ previousDigest: first.digest }));
		expect((await send(first)).status).toBe(201);
		expect((await send(second)).status).toBe(201);
		const fork = await signBundle(signer, buildPayload({ previousDigest: first.digest }));
		const { status, body } = await send(fork);
		expect(status).toBe(409);
		expect(body.expected).toBe(second.digest);
	});

	it("keeps one chain per partner and aggregator: another aggregator's first bundle starts at null", async () => {
		const first = await signBundle(signer, buildPayload());
		expect((await send(first)).status).toBe(201);
		const elsewhere = await signBundle(
			signer,
			buildPayload({ aggregator: { id: 'AGG-OTHER', name: 'Other' }, previousDigest: null })
		);
		expect((await send(elsewhere)).status).toBe(201);
	});
});

import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFaults } from './faults.js';
import { openKeyRegistry } from './key-registry.js';
import { createKeyedLock } from './keyed-lock.js';
import { receiveBundle, type ReceiveContext } from './receive-bundle.js';
import { startAggregator, type RunningAggregator } from './server.js';
import {
	buildPayload,
	createSigner,
	makeDataDir,
	PARTNER_ID,
	postBundle,
	problemType,
	registerKey,
	signBundle
} from './test-bundle.js';
import { openTokenRegistry } from './token-registry.js';

let dataDir: string;
let aggregator: RunningAggregator | undefined;

beforeEach(async () => {
	dataDir = await makeDataDir();
});

afterEach(async () => {
	await aggregator?.close();
	aggregator = undefined;
	await rm(dataDir, { recursive: true, force: true });
});

async function restart(options: { demo: boolean }) {
	await aggregator?.close();
	aggregator = await startAggregator({ port: 0, dataDir, ...options });
	return aggregator.url;
}

const keysOf = async () =>
	(await openKeyRegistry(dataDir).list()).map(({ partnerId, kid, source }) => ({
		partnerId,
		kid,
		source
	}));

describe('demo mode trusts on first use', () => {
	it("only a partner's first key; a second device gets 403 until it is registered", async () => {
		const url = await restart({ demo: true });
		const laptop = await createSigner();
		const tablet = await createSigner();
		const first = await signBundle(laptop, buildPayload());
		expect((await postBundle(url, first)).status).toBe(201);

		// A web page posting as the partner with a key of its own is a second key, too.
		const second = await signBundle(tablet, buildPayload({ previousDigest: first.digest }));
		const refused = await postBundle(url, second);
		expect(refused.status).toBe(403);
		const body = await refused.json();
		expect(body).toMatchObject({ type: problemType('unregistered-key'), kid: tablet.kid });
		expect(body.detail).toContain("demo mode trusts only a partner's first key");
		expect(await keysOf()).toEqual([{ partnerId: PARTNER_ID, kid: laptop.kid, source: 'demo' }]);

		await registerKey(dataDir, tablet);
		expect((await postBundle(url, second)).status).toBe(201);
	});

	it('a key trusted in a demo run gets 403 after a restart without --demo, until keys add', async () => {
		const laptop = await createSigner();
		const first = await signBundle(laptop, buildPayload());
		expect((await postBundle(await restart({ demo: true }), first)).status).toBe(201);

		const url = await restart({ demo: false });
		const next = await signBundle(laptop, buildPayload({ previousDigest: first.digest }));
		const refused = await postBundle(url, next);
		expect(refused.status).toBe(403);
		expect((await refused.json()).detail).toContain('on first use by a demo run only');

		// The operator's keys add turns the demo key into a registered one.
		await registerKey(dataDir, laptop);
		expect(await keysOf()).toEqual([{ partnerId: PARTNER_ID, kid: laptop.kid, source: 'cli' }]);
		expect((await postBundle(url, next)).status).toBe(201);
	});

	it('registers nothing for a bundle it refuses or drops', async () => {
		const device = await createSigner();
		aggregator = await startAggregator({ port: 0, dataDir, demo: true, dropFirst: 1 });
		const gap = await signBundle(device, buildPayload({ previousDigest: 'A'.repeat(43) }));
		expect((await postBundle(aggregator.url, gap)).status).toBe(409);
		const wrongTotal = await signBundle(device, buildPayload({ totals: { amount: '1.00' } }));
		expect((await postBundle(aggregator.url, wrongTotal)).status).toBe(422);
		const dropped = await signBundle(device, buildPayload());
		await expect(postBundle(aggregator.url, dropped)).rejects.toThrow();
		expect(aggregator.faults().dropped).toBe(1);
		expect(await keysOf()).toEqual([]);
	});

	it('registers nothing when the store refuses the bundle at the last step', async () => {
		// Two partners' requests do not exclude each other: another partner may take the bundleId
		// between the conflict check and the write, and the store then refuses (accept is false).
		const device = await createSigner();
		const bundle = await signBundle(device, buildPayload());
		const context: ReceiveContext = {
			store: {
				dataDir,
				find: () => undefined,
				chainHead: () => null,
				list: () => [],
				accept: async () => false,
				flush: async () => {}
			},
			keys: openKeyRegistry(dataDir),
			tokens: openTokenRegistry(dataDir),
			faults: createFaults({}),
			withPartnerLock: createKeyedLock(),
			demo: true,
			aggregatorId: undefined,
			now: () => new Date('2026-11-13T08:00:00.000Z'),
			log: () => {}
		};
		const outcome = await receiveBundle(
			{
				contentType: 'application/jose+json',
				idempotencyKey: bundle.bundleId,
				body: bundle.body,
				tokenPartnerId: undefined
			},
			context
		);
		expect(outcome).toMatchObject({ kind: 'problem', problem: { code: 'conflict' } });
		expect(await keysOf()).toEqual([]);
	});
});

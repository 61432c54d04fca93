import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBundleStore } from './bundle-store.js';
import type { Database } from './database.js';
import { createFaults } from './faults.js';
import { openKeyRegistry } from './key-registry.js';
import { receiveBundle, type ReceiveContext } from './receive-bundle.js';
import type { RunningAggregator } from './server.js';
import { openStorage } from './storage.js';
import {
	buildPayload,
	createSigner,
	PARTNER_ID,
	postBundle,
	problemType,
	signBundle
} from './test-bundle.js';
import { operate, SETUP_TIMEOUT, setUpAggregator, type TestAggregator } from './test-server.js';
import { openTokenRegistry } from './token-registry.js';

let test: TestAggregator;
let aggregator: RunningAggregator | undefined;

beforeEach(async () => {
	test = await setUpAggregator({ signers: 0, start: false });
}, SETUP_TIMEOUT);

afterEach(async () => {
	aggregator = undefined;
	await test.close();
});

async function restart(options: { demo: boolean }) {
	aggregator = await test.restart(options);
	return aggregator.url;
}

const keysOf = async () =>
	(await operate(test, (operator) => operator.keys.list())).map(({ partnerId, kid, source }) => ({
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

		await test.registerKey(tablet);
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
		await test.registerKey(laptop);
		expect(await keysOf()).toEqual([{ partnerId: PARTNER_ID, kid: laptop.kid, source: 'cli' }]);
		expect((await postBundle(url, next)).status).toBe(201);
	});

	it('registers nothing for a bundle it refuses or drops', async () => {
		const device = await createSigner();
		aggregator = await test.restart({ demo: true, dropFirst: 1 });
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
		// between the conflict check and the insert, and the insert then says so (false). The real
		// store and transaction, with only that answer forced.
		const storage = await openStorage({ dataDir: test.dataDir, database: test.database });
		const db: Database = storage.db;
		const store = openBundleStore(db);
		const device = await createSigner();
		const bundle = await signBundle(device, buildPayload());
		const context: ReceiveContext = {
			store: {
				...store,
				withPartnerLock: (partnerId, task) =>
					store.withPartnerLock(partnerId, (chain) => task({ ...chain, insert: async () => false }))
			},
			keys: openKeyRegistry(db),
			tokens: openTokenRegistry(db),
			faults: createFaults({}),
			demo: true,
			aggregatorId: undefined,
			now: () => new Date('2026-11-13T08:00:00.000Z'),
			log: () => {}
		};
		try {
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
			expect(await openKeyRegistry(db).list()).toEqual([]);
		} finally {
			await storage.close();
		}
	});
});

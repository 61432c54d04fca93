// Not timed: proves the outbox's promise under faults, in Node with fake-indexeddb (the real
// browser's IndexedDB is covered by the browser tests and the delivery e2e).
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAggregator } from '../../../aggregator/server.js';
import { readHeldBundles } from '../../../aggregator/storage.js';
import { SETUP_TIMEOUT, testDatabase, type TestTarget } from '../../../aggregator/test-server.js';
import { toDecimal } from '$lib/domain/money';
import { shiftPeriod, toPeriod } from '$lib/domain/period';
import { postBundle } from '$lib/sync/aggregator-client';
import { signAndQueue } from './bundle-repo';
import { PartnerDeskDatabase } from './db';
import { claimBundle, dueBundles, listBundles, readBundleJws } from './outbox-repo';
import { drainOutbox } from './outbox-runner';
import { storeImportedReport } from './report-repo';
import { saveAggregator } from './settings-repo';
import { TEST_PARTNER } from '../../../tests/helpers/store';

const BUNDLES = Number(process.env.STRESS_BUNDLES ?? 1000);
const partner = TEST_PARTNER;

let aggregator: Awaited<ReturnType<typeof startAggregator>>;
let target: TestTarget;
beforeAll(async () => {
	target = await testDatabase();
	aggregator = await startAggregator({
		port: 0,
		dataDir: target.dataDir,
		database: target.database,
		demo: true,
		failRate: 0.15,
		dropRate: 0.1,
		loseReceiptRate: 0.1,
		seed: 42
	});
}, SETUP_TIMEOUT);
afterAll(async () => {
	await aggregator.close();
	await target.close();
});

describe('the outbox under failures', () => {
	it('delivers 1,000 bundles exactly once each, in chain order', { timeout: 240_000 }, async () => {
		const db = new PartnerDeskDatabase(`stress-${crypto.randomUUID()}`);
		await saveAggregator(db, { id: 'also-de', name: 'ALSO', endpoint: aggregator.url });
		let period = toPeriod(1940, 1);
		for (let n = 0; n < BUNDLES; n++) {
			const revision = await storeImportedReport(db, {
				programId: 'omnissa-sp',
				period,
				currency: 'EUR',
				lines: [
					{
						line: 2,
						sid: 'SID-4711-HZN-01',
						description: 'Horizon Standard',
						quantity: toDecimal(String(n + 1)),
						unitPrice: toDecimal('24.90'),
						total: toDecimal(((n + 1) * 24.9).toFixed(2))
					}
				],
				source: {
					fileName: `usage-${period}.csv`,
					digest: n.toString(16).padStart(64, '0'),
					encoding: 'utf-8',
					importedAt: '2026-11-12T09:00:00.000Z',
					rowsRead: 1,
					rowsSkipped: 0
				}
			});
			// The review is not what this test is about (review-flow.browser.test.ts is): a
			// thousand months of 1940s lateness would only slow it down. Ready as stored.
			await db.reports.update(revision.id, { state: 'ready', readyAt: '2026-11-12T10:00:00.000Z' });
			await signAndQueue(db, { revisionId: revision.id, aggregatorId: 'also-de', partner });
			period = shiftPeriod(period, 1);
		}

		// Now and then the tab "closes" mid-send: the bundle is claimed, the request leaves, the
		// answer is never recorded. The clock jumps past every backoff between rounds, so the test
		// waits for the network only.
		let seed = 7;
		const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
		let clock = Date.parse('2026-11-12T10:00:00Z');
		let delivered = 0;
		let tabsClosed = 0;
		for (let rounds = 0; delivered < BUNDLES && rounds < 20_000; rounds++) {
			clock += 10 * 60_000;
			const now = () => new Date(clock);
			if (random() < 0.05) {
				const [head] = await dueBundles(db, now());
				if (head) {
					const claimed = await claimBundle(db, head.bundleId);
					const target = { endpoint: aggregator.url };
					await postBundle({
						target,
						bundleId: claimed.bundleId,
						digest: claimed.digest,
						jws: await readBundleJws(db, claimed.bundleId)
					});
					tabsClosed++;
					continue;
				}
			}
			delivered += (await drainOutbox(db, { now, random })).delivered;
		}

		const ours = (await listBundles(db)).sort((a, b) => a.seq - b.seq);
		expect(ours.every((b) => b.state === 'delivered')).toBe(true);
		// The operator's listing: GET /bundles needs a partner token, which would make every send need it.
		const held = await readHeldBundles(target);
		// Once each, in the order they were signed, with the digests the device computed.
		expect(held).toHaveLength(BUNDLES);
		expect(held.map((b) => b.bundleId)).toEqual(ours.map((b) => b.bundleId));
		expect(held.map((b) => b.digest)).toEqual(ours.map((b) => b.digest));
		expect(ours.map((b) => b.receipt?.digest)).toEqual(ours.map((b) => b.digest));
		// Every kind of failure happened, many times over.
		const faults = aggregator.faults();
		expect(faults.failed).toBeGreaterThan(50);
		expect(faults.dropped).toBeGreaterThan(30);
		expect(faults.receiptsLost).toBeGreaterThan(30);
		expect(tabsClosed).toBeGreaterThan(10);
		expect(ours.some((b) => b.attempts > 1)).toBe(true);
		db.close();
	});
});

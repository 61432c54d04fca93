// Two devices of one partner against the real reference aggregator, in Node with
// fake-indexeddb: each device keeps its own chain head, the aggregator's chain-gap names its
// head, and "continue the chain" re-signs onto it (DESIGN.md protocol details).
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAggregator } from '../../../aggregator/server.js';
import { readHeldBundles } from '../../../aggregator/storage.js';
import {
	operate,
	SETUP_TIMEOUT,
	testDatabase,
	type TestTarget
} from '../../../aggregator/test-server.js';
import { toDecimal } from '$lib/domain/money';
import { toPeriod, type Period } from '$lib/domain/period';
import { chainLinkOf, checkChain } from '$lib/sync/chain';
import { signAndQueue } from './bundle-repo';
import { continueChain } from './chain-gap-repo';
import { PartnerDeskDatabase } from './db';
import { listBundles, readBundleJws } from './outbox-repo';
import { drainOutbox } from './outbox-runner';
import { storeImportedReport } from './report-repo';
import { saveAggregator } from './settings-repo';
import { activeSigningKey } from './signing-key-repo';
import { TEST_PARTNER } from '../../../tests/helpers/store';

const partner = TEST_PARTNER;

let aggregator: Awaited<ReturnType<typeof startAggregator>>;
let target: TestTarget;
beforeAll(async () => {
	target = await testDatabase();
	// Not in demo mode: each device's key is registered by the operator.
	aggregator = await startAggregator({
		port: 0,
		dataDir: target.dataDir,
		database: target.database
	});
}, SETUP_TIMEOUT);
afterAll(async () => {
	await aggregator.close();
	await target.close();
});

async function device(name: string) {
	const db = new PartnerDeskDatabase(`${name}-${crypto.randomUUID()}`);
	await saveAggregator(db, { id: 'also-de', name: 'ALSO', endpoint: aggregator.url });
	const key = await activeSigningKey(db);
	await operate(target, (operator) =>
		operator.keys.add({
			partnerId: partner.id,
			kid: key.kid,
			jwk: key.publicJwk,
			addedAt: new Date().toISOString(),
			source: 'cli'
		})
	);
	return db;
}

/** A month's report of one line at 24.90, marked ready and signed (total given exactly). */
async function signMonth(db: PartnerDeskDatabase, period: Period, quantity: string, total: string) {
	const revision = await storeImportedReport(db, {
		programId: 'omnissa-sp',
		period,
		currency: 'EUR',
		lines: [
			{
				line: 2,
				sid: 'SID-4711-HZN-01',
				description: 'Horizon Standard',
				quantity: toDecimal(quantity),
				unitPrice: toDecimal('24.90'),
				total: toDecimal(total)
			}
		],
		source: {
			fileName: `usage-${period}.csv`,
			digest: crypto.randomUUID().replaceAll('-', '').padEnd(64, '0'),
			encoding: 'utf-8',
			importedAt: '2026-11-12T09:00:00.000Z',
			rowsRead: 1,
			rowsSkipped: 0
		}
	});
	// Ready as the review would leave it: these tests are about the outbox, not the ready gate.
	await db.reports.update(revision.id, { state: 'ready', readyAt: '2026-11-12T10:00:00.000Z' });
	return signAndQueue(db, {
		revisionId: revision.id,
		aggregatorId: 'also-de',
		partner
	});
}

/** The operator's listing (GET /bundles needs a partner token). */
function held() {
	return readHeldBundles(target);
}

describe('a second device of the same partner', () => {
	it(
		'A delivers; B is refused with the head, continues two bundles onto it; then A again',
		{ timeout: 60_000 },
		async () => {
			const a = await device('device-a');
			const b = await device('device-b');

			const fromA = await signMonth(a, toPeriod(2026, 8), '10', '249.00');
			expect(await drainOutbox(a)).toEqual({ delivered: 1 });

			// B has never seen A's bundle: its first names null. Two are queued.
			const septB = await signMonth(b, toPeriod(2026, 9), '20', '498.00');
			const octB = await signMonth(b, toPeriod(2026, 10), '30', '747.00');
			expect(septB.previousDigest).toBeNull();
			expect(await drainOutbox(b)).toEqual({ delivered: 0 });
			const refused = await b.bundles.get(septB.bundleId);
			expect(refused).toMatchObject({
				state: 'failed',
				problem: {
					type: 'urn:partner-desk:problem:chain-gap',
					status: 409,
					headDigest: fromA.digest,
					headBundleId: fromA.bundleId
				}
			});
			expect((await b.bundles.get(octB.bundleId))?.state).toBe('queued');
			expect((await b.reports.get(septB.revisionId))?.state).toBe('queued');

			const resigned = await continueChain(b, { bundleId: septB.bundleId });
			expect(resigned.map((r) => r.previousDigest)).toEqual([fromA.digest, resigned[0].digest]);
			expect(await drainOutbox(b)).toEqual({ delivered: 2 });

			const afterB = await held();
			expect(afterB.map((x) => x.bundleId)).toEqual([
				fromA.bundleId,
				resigned[0].bundleId,
				resigned[1].bundleId
			]);
			expect(afterB.map((x) => x.period)).toEqual(['2026-08', '2026-09', '2026-10']);
			// The stored chain, from the JWSs the devices sent: one unbroken chain from null.
			const sent = [
				await readBundleJws(a, fromA.bundleId),
				await readBundleJws(b, resigned[0].bundleId),
				await readBundleJws(b, resigned[1].bundleId)
			];
			const links = await Promise.all(sent.map((jws) => chainLinkOf(jws)));
			expect(checkChain(links)).toEqual({ ok: true, head: resigned[1].digest });
			expect(afterB.map((x) => x.digest)).toEqual(links.map((link) => link.digest));
			expect(await b.chainHeads.get('also-de')).toMatchObject({
				bundleId: resigned[1].bundleId,
				digest: resigned[1].digest
			});

			// A's head is behind now: its next bundle is refused too, and continues from B's.
			const novA = await signMonth(a, toPeriod(2026, 11), '40', '996.00');
			expect(novA.previousDigest).toBe(fromA.digest);
			expect(await drainOutbox(a)).toEqual({ delivered: 0 });
			expect((await a.bundles.get(novA.bundleId))?.problem).toMatchObject({
				headDigest: resigned[1].digest,
				headBundleId: resigned[1].bundleId
			});
			const [novAgain] = await continueChain(a, { bundleId: novA.bundleId });
			expect(await drainOutbox(a)).toEqual({ delivered: 1 });
			const final = await held();
			expect(final.map((x) => x.bundleId)).toEqual([
				...afterB.map((x) => x.bundleId),
				novAgain.bundleId
			]);
			const finalLinks = [...links, await chainLinkOf(await readBundleJws(a, novAgain.bundleId))];
			expect(checkChain(finalLinks)).toEqual({ ok: true, head: novAgain.digest });
			expect((await listBundles(a)).map((x) => x.state)).toEqual(['delivered', 'delivered']);
			expect((await a.reports.get(novA.revisionId))?.state).toBe('delivered');
			a.close();
			b.close();
		}
	);
});

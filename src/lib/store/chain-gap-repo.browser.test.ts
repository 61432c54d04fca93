import type { UsageLine } from '$lib/domain/usage-line';
import { afterEach, describe, expect, it } from 'vitest';
import { toPeriod } from '$lib/domain/period';
import { chainLinkOf, checkChain } from '$lib/sync/chain';
import { verifyBundle } from '$lib/sync/verify-bundle';
import { signAndQueue } from './bundle-repo';
import { continueChain } from './chain-gap-repo';
import { PartnerDeskDatabase } from './db';
import { claimBundle, dueBundles, listBundles, readBundleJws, recordRefusal } from './outbox-repo';
import { storeImportedReport } from './report-repo';
import { saveAggregator } from './settings-repo';
import { activeSigningKey } from './signing-key-repo';
import { TEST_PARTNER, dropDatabase, horizonLine } from '../../../tests/helpers/store';

let db: PartnerDeskDatabase;
afterEach(() => dropDatabase(db));

const lines: UsageLine[] = [horizonLine()];
const partner = TEST_PARTNER;
/** The other device's bundle, the head the aggregator names. */
const HEAD = { digest: 'A'.repeat(43), bundleId: '11111111-2222-4333-8444-555555555555' };
const chainGap = {
	type: 'urn:partner-desk:problem:chain-gap',
	title: 'previousDigest is not the last accepted digest',
	status: 409,
	detail: 'previousDigest is null, but the last bundle accepted from partner "SP-4711" is …',
	headDigest: HEAD.digest,
	headBundleId: HEAD.bundleId
};

async function queuedMonth(month: number) {
	const revision = await storeImportedReport(db, {
		programId: 'omnissa-sp',
		period: toPeriod(2026, month),
		currency: 'EUR',
		lines,
		source: {
			fileName: 'usage.csv',
			digest: String(month % 10).repeat(64),
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

/** The outbox sent the first bundle and the aggregator answered with `problem`. */
async function refuse(bundleId: string, problem: object) {
	await claimBundle(db, bundleId);
	await recordRefusal(db, { bundleId, problem, now: new Date('2026-11-13T08:00:00Z') });
}

describe('continueChain in real IndexedDB', () => {
	it('re-signs the refused bundle and the one queued after it onto the head, in order', async () => {
		db = new PartnerDeskDatabase(`chain-gap-${crypto.randomUUID()}`);
		await saveAggregator(db, { id: 'also-de', name: 'ALSO Deutschland' });
		const september = await queuedMonth(9);
		const october = await queuedMonth(10);
		await refuse(september.bundleId, chainGap);
		expect(await dueBundles(db, new Date())).toEqual([]);

		const now = new Date('2026-11-14T10:00:00.000Z');
		const [first, second] = await continueChain(db, { bundleId: september.bundleId, now });

		// Same places in the chain and the same reports, new ids, queued from scratch.
		expect(first).toMatchObject({
			seq: 1,
			revisionId: september.revisionId,
			previousDigest: HEAD.digest,
			state: 'queued',
			attempts: 0,
			createdAt: '2026-11-14T10:00:00.000Z'
		});
		expect(second).toMatchObject({
			seq: 2,
			revisionId: october.revisionId,
			previousDigest: first.digest
		});
		expect(first.bundleId).not.toBe(september.bundleId);
		expect(first.problem).toBeUndefined();
		// The old ones are gone; the list shows each report once.
		expect((await listBundles(db)).map((b) => b.bundleId).sort()).toEqual(
			[first.bundleId, second.bundleId].sort()
		);
		expect(await db.bundleBodies.get(september.bundleId)).toBeUndefined();

		// The stored JWSs verify with this device's key and chain from the aggregator's head.
		const key = await activeSigningKey(db);
		const bodies = [
			await readBundleJws(db, first.bundleId),
			await readBundleJws(db, second.bundleId)
		];
		for (const [i, jws] of bodies.entries()) {
			const verified = await verifyBundle(jws, { trustedKids: [key.kid] });
			expect(verified).toMatchObject({
				ok: true,
				digest: [first, second][i].digest,
				payload: { period: ['2026-09', '2026-10'][i], totals: { amount: '946.20' } }
			});
		}
		const links = await Promise.all(bodies.map((jws) => chainLinkOf(jws)));
		expect(checkChain(links, { start: HEAD.digest as never })).toEqual({
			ok: true,
			head: second.digest
		});

		// The device's head follows, so the next report links to the re-signed chain.
		expect(await db.chainHeads.get('also-de')).toEqual({
			aggregatorId: 'also-de',
			seq: 2,
			bundleId: second.bundleId,
			digest: second.digest
		});
		const november = await queuedMonth(11);
		expect(november).toMatchObject({ seq: 3, previousDigest: second.digest });
		expect((await dueBundles(db, new Date())).map((b) => b.bundleId)).toEqual([first.bundleId]);

		// The audit log says which bundle replaced which, and onto what.
		const signed = (await db.auditLog.toArray()).filter(
			(entry) => entry.action === 'signed' && 'replaces' in entry.detail
		);
		expect(signed.map((entry) => entry.detail)).toEqual([
			{
				bundleId: first.bundleId,
				aggregator: 'also-de',
				kid: key.kid,
				digest: first.digest,
				replaces: september.bundleId,
				previousDigest: HEAD.digest,
				aggregatorHead: HEAD.bundleId
			},
			{
				bundleId: second.bundleId,
				aggregator: 'also-de',
				kid: key.kid,
				digest: second.digest,
				replaces: october.bundleId,
				previousDigest: first.digest
			}
		]);
		// The reports stay queued: they wait for delivery as before.
		expect((await db.reports.get(september.revisionId))?.state).toBe('queued');
	});

	it('onto an aggregator that holds nothing: previousDigest null', async () => {
		db = new PartnerDeskDatabase(`chain-gap-${crypto.randomUUID()}`);
		await saveAggregator(db, { id: 'also-de', name: 'ALSO Deutschland' });
		const september = await queuedMonth(9);
		await refuse(september.bundleId, { ...chainGap, headDigest: null, headBundleId: null });
		const [resigned] = await continueChain(db, { bundleId: september.bundleId });
		expect(resigned).toMatchObject({ seq: 1, previousDigest: null, state: 'queued' });
	});

	it('refuses a bundle that was not refused for a chain gap, and changes nothing', async () => {
		db = new PartnerDeskDatabase(`chain-gap-${crypto.randomUUID()}`);
		await saveAggregator(db, { id: 'also-de', name: 'ALSO Deutschland' });
		const september = await queuedMonth(9);
		await expect(continueChain(db, { bundleId: september.bundleId })).rejects.toThrow(
			'was not refused for a chain gap'
		);
		await refuse(september.bundleId, {
			type: 'urn:partner-desk:problem:conflict',
			status: 409,
			title: 'Bundle id already used for other content'
		});
		await expect(continueChain(db, { bundleId: september.bundleId })).rejects.toThrow(
			'was not refused for a chain gap'
		);
		expect((await listBundles(db)).map((b) => [b.bundleId, b.state])).toEqual([
			[september.bundleId, 'failed']
		]);
	});
});

// The outbox's answer to what the aggregator says, in Node with fake-indexeddb and a fetch that
// answers as each test needs (the real aggregator: outbox-stress.test.ts and the delivery e2e).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Receipt } from '$lib/domain/bundle';
import { toDecimal } from '$lib/domain/money';
import { toPeriod } from '$lib/domain/period';
import { RECEIPT_MISMATCH } from '$lib/sync/aggregator-client';
import { signAndQueue } from './bundle-repo';
import { PartnerDeskDatabase } from './db';
import { listBundles } from './outbox-repo';
import { drainOutbox } from './outbox-runner';
import { storeImportedReport } from './report-repo';
import { saveAggregator } from './settings-repo';

const NOW = new Date('2026-11-12T10:00:00.000Z');
const now = () => NOW;
const random = () => 1; // the longest backoff: 2 s after the first attempt

/** One signed, queued bundle for aggregator also-de; resolves with the database and its record. */
async function queuedBundle() {
	const db = new PartnerDeskDatabase(`outbox-${crypto.randomUUID()}`);
	await saveAggregator(db, { id: 'also-de', name: 'ALSO', endpoint: 'https://agg.example' });
	const revision = await storeImportedReport(db, {
		programId: 'omnissa-sp',
		period: toPeriod(2026, 10),
		currency: 'EUR',
		lines: [
			{
				line: 2,
				sid: 'SID-4711-HZN-01',
				description: 'Horizon Standard',
				quantity: toDecimal('3'),
				unitPrice: toDecimal('24.90'),
				total: toDecimal('74.70')
			}
		],
		source: {
			fileName: 'usage-2026-10.csv',
			digest: '0'.repeat(64),
			encoding: 'utf-8',
			importedAt: '2026-11-12T09:00:00.000Z',
			rowsRead: 1,
			rowsSkipped: 0
		}
	});
	// Ready as the review would leave it: these tests are about the outbox, not the ready gate.
	await db.reports.update(revision.id, { state: 'ready', readyAt: '2026-11-12T10:00:00.000Z' });
	const bundle = await signAndQueue(db, {
		revisionId: revision.id,
		aggregatorId: 'also-de',
		partner: { id: 'SP-4711', name: 'Muster IT-Services GmbH' }
	});
	return { db, bundle };
}

/** A fetch that answers every call with the next of `answers`, and counts the calls. */
function answering(...answers: (() => Response)[]) {
	const fake = Object.assign(async () => answers[Math.min(fake.calls++, answers.length - 1)](), {
		calls: 0
	});
	return fake as typeof fake & typeof fetch;
}

const receiptOf =
	(receipt: Receipt, status = 201) =>
	() =>
		new Response(JSON.stringify(receipt), {
			status,
			headers: { 'Content-Type': 'application/json' }
		});

describe('drainOutbox', () => {
	it('keeps a bundle queued after a 429 and waits the Retry-After, not the shorter backoff', async () => {
		const { db, bundle } = await queuedBundle();
		const fetch = answering(
			() =>
				new Response(JSON.stringify({ title: 'Too Many Requests', status: 429 }), {
					status: 429,
					headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '600' }
				})
		);
		expect(await drainOutbox(db, { fetch, now, random })).toEqual({ delivered: 0 });
		const [after] = await listBundles(db);
		expect(after).toMatchObject({
			bundleId: bundle.bundleId,
			state: 'queued',
			attempts: 1,
			lastError: '429 Too Many Requests',
			nextAttemptAt: '2026-11-12T10:10:00.000Z'
		});
		expect(after.receipt).toBeUndefined();
	});

	it('does not count a receipt for another bundle as delivered: refused, shown, not sent again', async () => {
		const { db, bundle } = await queuedBundle();
		const otherId = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
		const fetch = answering(
			receiptOf({ bundleId: otherId, receivedAt: NOW.toISOString(), digest: bundle.digest })
		);
		expect(await drainOutbox(db, { fetch, now, random })).toEqual({ delivered: 0 });
		expect(await drainOutbox(db, { fetch, now: () => new Date('2026-11-13T00:00:00Z') })).toEqual({
			delivered: 0
		});
		expect(fetch.calls).toBe(1);
		const [after] = await listBundles(db);
		expect(after.state).toBe('failed');
		expect(after.receipt).toBeUndefined();
		expect(after.problem).toEqual({
			type: RECEIPT_MISMATCH,
			status: 201,
			detail: `receipt: bundleId ${otherId}, digest ${bundle.digest}`
		});
	});

	it('does not count a receipt with another digest as delivered', async () => {
		const { db, bundle } = await queuedBundle();
		const fetch = answering(
			receiptOf({ bundleId: bundle.bundleId, receivedAt: NOW.toISOString(), digest: 'AAAA' })
		);
		await drainOutbox(db, { fetch, now, random });
		const [after] = await listBundles(db);
		expect(after.state).toBe('failed');
		expect(after.problem?.type).toBe(RECEIPT_MISMATCH);
	});

	it('takes the receipt that names this bundle and its digest', async () => {
		const { db, bundle } = await queuedBundle();
		const receipt = {
			bundleId: bundle.bundleId,
			receivedAt: NOW.toISOString(),
			digest: bundle.digest
		};
		const fetch = answering(receiptOf(receipt));
		expect(await drainOutbox(db, { fetch, now, random })).toEqual({ delivered: 1 });
		const [after] = await listBundles(db);
		expect(after).toMatchObject({ state: 'delivered', receipt });
	});
});

import type { UsageLine } from '$lib/domain/usage-line';
import Dexie from 'dexie';
import { verifyAuditChain } from '$lib/sync/audit-chain';
import { afterEach, describe, expect, it } from 'vitest';
import { toDecimal } from '$lib/domain/money';
import { shiftPeriod, toPeriod, type Period } from '$lib/domain/period';
import { verifyBundle } from '$lib/sync/verify-bundle';
import { serializeBackup } from '$lib/domain/backup';
import { exportBackup, restoreBackup } from './backup-repo';
import { signAndQueue } from './bundle-repo';
import { PartnerDeskDatabase } from './db';
import { canWithdraw, dueBundles, listBundles, readBundleJws, withdrawBundle } from './outbox-repo';
import { markReady, recordCreditReason, storeImportedReport } from './report-repo';
import { saveAggregator } from './settings-repo';
import { acknowledgeWarnings } from './test-review';
import { activeSigningKey, listSigningKeys, rotateSigningKey } from './signing-key-repo';
import { TEST_PARTNER, dropDatabase, horizonLine } from '../../../tests/helpers/store';

let db: PartnerDeskDatabase;
afterEach(() => dropDatabase(db));

const lines: UsageLine[] = [
	horizonLine(),
	{
		line: 3,
		sid: 'SID-4711-HZN-01',
		description: 'Published Applications',
		customerRef: 'Bäckerei Hüttner KG',
		quantity: toDecimal('18'),
		unitPrice: toDecimal('11.20'),
		total: toDecimal('201.6')
	}
];
const partner = TEST_PARTNER;

/** Inside the period's review window, before it is due: no lateness to acknowledge. */
const reviewDay = (period: string) => new Date(`${shiftPeriod(period as Period, 1)}-12T10:00:00Z`);

async function readyReport(period = toPeriod(2026, 10), digest = 'a', reportLines = lines) {
	const revision = await storeImportedReport(db, {
		programId: 'omnissa-sp',
		period,
		currency: 'EUR',
		lines: reportLines,
		source: {
			fileName: 'usage.csv',
			digest: digest.repeat(64),
			encoding: 'utf-8',
			importedAt: '2026-11-12T09:00:00.000Z',
			rowsRead: 2,
			rowsSkipped: 0
		}
	});
	const now = reviewDay(period);
	await acknowledgeWarnings(db, { revisionId: revision.id, now });
	return markReady(db, { revisionId: revision.id, now });
}

async function sign(revisionId: string) {
	return signAndQueue(db, { revisionId, aggregatorId: 'also-de', partner });
}

describe('signed bundles in real IndexedDB and WebCrypto', () => {
	it('signs a ready report with a non-extractable key; the bundle verifies and links', async () => {
		db = new PartnerDeskDatabase(`bundles-${crypto.randomUUID()}`);
		await saveAggregator(db, { id: 'also-de', name: 'ALSO Deutschland' });
		const september = await readyReport(toPeriod(2026, 9), 'a');
		const october = await readyReport(toPeriod(2026, 10), 'b');

		const first = await sign(september.id);
		const second = await sign(october.id);
		expect(first).toMatchObject({ seq: 1, previousDigest: null, state: 'queued', attempts: 0 });
		expect(second).toMatchObject({ seq: 2, previousDigest: first.digest });
		expect((await db.reports.get(october.id))?.state).toBe('queued');

		// The key came back from IndexedDB as a CryptoKey nobody can read out.
		const [key] = await listSigningKeys(db);
		expect(key.privateKey.extractable).toBe(false);
		await expect(crypto.subtle.exportKey('jwk', key.privateKey)).rejects.toThrow();

		const verified = await verifyBundle(await readBundleJws(db, second.bundleId), {
			trustedKids: [key.kid]
		});
		if (!verified.ok) throw new Error(verified.problem.detail);
		expect(verified.payload).toMatchObject({
			bundleId: second.bundleId,
			period: '2026-10',
			previousDigest: first.digest,
			totals: { amount: '1147.80' },
			partner
		});
		expect(verified.payload.lines.map((line) => line.total)).toEqual(['946.20', '201.60']);
		expect(verified.digest).toBe(second.digest);
		// The bundle commits to the audit log as it stood when it was signed: the head then was
		// the entry that recorded the first bundle's signing, and the log goes on from there.
		const log = await db.auditLog.orderBy('seq').toArray();
		const firstSigned = log.find(
			(e) => e.action === 'signed' && e.detail.bundleId === first.bundleId
		);
		expect(verified.payload.auditHead).toBe(firstSigned?.hash);
		expect(log.at(-1)).toMatchObject({ action: 'signed', prev: firstSigned?.hash, who: key.kid });
		expect(
			await verifyAuditChain({ entries: log, commitments: [verified.payload.auditHead!] })
		).toMatchObject({ ok: true });

		// The lists read records only; the signed bytes stay in their own table.
		expect((await listBundles(db)).every((bundle) => !('jws' in bundle))).toBe(true);
		// The outbox sends the chain in order: only the first is due.
		expect((await dueBundles(db, new Date())).map((b) => b.bundleId)).toEqual([first.bundleId]);
	});

	it('withdraws only the newest unsent bundle; the chain head moves back', async () => {
		db = new PartnerDeskDatabase(`bundles-${crypto.randomUUID()}`);
		await saveAggregator(db, { id: 'also-de', name: 'ALSO Deutschland' });
		const september = await readyReport(toPeriod(2026, 9), 'a');
		const october = await readyReport(toPeriod(2026, 10), 'b');
		const first = await sign(september.id);
		const second = await sign(october.id);
		const chain = await listBundles(db);
		expect(canWithdraw(first, chain)).toBe(false);
		expect(canWithdraw(second, chain)).toBe(true);
		await expect(withdrawBundle(db, { bundleId: first.bundleId, now: new Date() })).rejects.toThrow(
			'cannot be withdrawn'
		);

		await withdrawBundle(db, { bundleId: second.bundleId, now: new Date() });
		expect((await db.reports.get(october.id))?.state).toBe('ready');
		expect(await db.chainHeads.get('also-de')).toMatchObject({ digest: first.digest, seq: 2 });
		const again = await sign(october.id);
		expect(again).toMatchObject({ seq: 3, previousDigest: first.digest });
	});

	it('rotates the key: new bundles carry the new kid, the old public key stays on record', async () => {
		db = new PartnerDeskDatabase(`bundles-${crypto.randomUUID()}`);
		await saveAggregator(db, { id: 'also-de', name: 'ALSO Deutschland' });
		const old = await activeSigningKey(db);
		const fresh = await rotateSigningKey(db);
		expect(fresh.kid).not.toBe(old.kid);
		const keys = await listSigningKeys(db);
		expect(keys.map((k) => [k.kid, k.retiredAt === undefined])).toEqual([
			[fresh.kid, true],
			[old.kid, false]
		]);
		const bundle = await sign((await readyReport()).id);
		expect(bundle.kid).toBe(fresh.kid);
	});

	it('recomputes the findings from the stored lines: a blocking line refuses, nothing is stored', async () => {
		db = new PartnerDeskDatabase(`bundles-${crypto.randomUUID()}`);
		await saveAggregator(db, { id: 'also-de', name: 'ALSO Deutschland' });
		const ready = await readyReport();
		// The stored line no longer adds up (as a stale page or a bug might leave it): signing
		// checks the lines itself instead of trusting the findings a page shows.
		const chunk = (await db.lineChunks.toArray())[0];
		chunk.columns.total[0] = toDecimal('999.99');
		await db.lineChunks.put(chunk);
		await expect(sign(ready.id)).rejects.toMatchObject({ code: 'blocking-findings' });
		expect(await db.bundles.count()).toBe(0);
		expect(await db.chainHeads.count()).toBe(0);
		expect((await db.reports.get(ready.id))?.state).toBe('ready');
	});

	it('signs with the effective pack and carries the acknowledgements and credit reasons', async () => {
		db = new PartnerDeskDatabase(`bundles-${crypto.randomUUID()}`);
		await saveAggregator(db, { id: 'also-de', name: 'ALSO Deutschland' });
		const credit = { ...lines[1], quantity: toDecimal('-2'), total: toDecimal('-22.40') };
		const draft = await storeImportedReport(db, {
			programId: 'omnissa-sp',
			period: toPeriod(2026, 10),
			currency: 'EUR',
			lines: [lines[0], { ...credit, sku: 'OSP-APP-PUB-CCU', unit: 'User', contractId: 'SPC-1' }]
		});
		await recordCreditReason(db, { revisionId: draft.id, line: 3, reason: 'Two users cancelled' });
		const now = new Date('2026-11-20T10:00:00Z'); // five days late
		expect(await acknowledgeWarnings(db, { revisionId: draft.id, now, comment: 'Agreed' })).toBe(1);
		await markReady(db, { revisionId: draft.id, now });
		const bundle = await sign(draft.id);
		const verified = await verifyBundle(await readBundleJws(db, bundle.bundleId));
		if (!verified.ok) throw new Error(verified.problem.detail);
		expect(verified.payload.kind).toBe('regular');
		expect(verified.payload.program).toEqual({ id: 'omnissa-sp', packVersion: '1.0.0' });
		expect(verified.payload.lines[1]).toEqual({
			sid: 'SID-4711-HZN-01',
			description: 'Published Applications',
			customerRef: 'Bäckerei Hüttner KG',
			sku: 'OSP-APP-PUB-CCU',
			unit: 'User',
			contractId: 'SPC-1',
			quantity: '-2',
			unitPrice: '11.2',
			total: '-22.40',
			creditReason: 'Two users cancelled'
		});
		expect(verified.payload.findings.filter((f) => f.severity === 'warning')).toEqual([
			{
				ruleId: 'report-late',
				severity: 'warning',
				message: 'The report was submitted 5 days after the due date 15 November 2026.',
				acknowledged: { reasonCode: 'other', comment: 'Agreed' }
			}
		]);
	});

	it('after a restore on a new device: a new key to register, and the chain goes on', async () => {
		db = new PartnerDeskDatabase(`bundles-${crypto.randomUUID()}`);
		await saveAggregator(db, { id: 'also-de', name: 'ALSO Deutschland' });
		const first = await sign((await readyReport(toPeriod(2026, 9), 'a')).id);
		const oldKey = await activeSigningKey(db);
		const backup = JSON.parse(serializeBackup(await exportBackup(db)));
		expect(JSON.stringify(backup)).not.toContain('privateKey');

		// The new device: an empty database with the backup restored.
		db.close();
		await Dexie.delete(db.name);
		db = new PartnerDeskDatabase(`bundles-${crypto.randomUUID()}`);
		await restoreBackup(db, backup);
		expect(await listSigningKeys(db)).toEqual([]);
		const october = await readyReport(toPeriod(2026, 10), 'b');
		const next = await sign(october.id);
		expect(next.kid).not.toBe(oldKey.kid);
		expect(next).toMatchObject({ seq: 2, previousDigest: first.digest });
	});
});

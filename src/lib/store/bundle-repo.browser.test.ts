import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { toDecimal } from '$lib/domain/money';
import { toPeriod } from '$lib/domain/period';
import type { UsageLine } from '$lib/import/usage-row-schema';
import { verifyBundle } from '$lib/sync/verify-bundle';
import { serializeBackup } from '$lib/domain/backup';
import { exportBackup, restoreBackup } from './backup-repo';
import { signAndQueue } from './bundle-repo';
import { PartnerDeskDatabase } from './db';
import { canWithdraw, dueBundles, listBundles, readBundleJws, withdrawBundle } from './outbox-repo';
import { markReady, storeImportedReport } from './report-repo';
import { saveAggregator } from './settings-repo';
import { activeSigningKey, listSigningKeys, rotateSigningKey } from './signing-key-repo';

let db: PartnerDeskDatabase;
afterEach(async () => {
	db.close();
	await Dexie.delete(db.name);
});

const lines: UsageLine[] = [
	{
		line: 2,
		sid: 'SID-4711-HZN-01',
		description: 'Horizon Standard',
		customerRef: 'Kanzlei am Markt',
		quantity: toDecimal('38'),
		unitPrice: toDecimal('24.90'),
		total: toDecimal('946.20')
	},
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
const pack = { id: 'omnissa-sp' as const, version: '2026.1' };
const partner = { id: 'SP-4711', name: 'Muster IT-Services GmbH' };

async function readyReport(period = toPeriod(2026, 10), digest = 'a') {
	const revision = await storeImportedReport(db, {
		programId: 'omnissa-sp',
		period,
		currency: 'EUR',
		lines,
		source: {
			fileName: 'usage.csv',
			digest: digest.repeat(64),
			encoding: 'utf-8',
			importedAt: '2026-11-12T09:00:00.000Z',
			rowsRead: 2,
			rowsSkipped: 0
		}
	});
	return markReady(db, { revisionId: revision.id });
}

async function sign(revisionId: string) {
	return signAndQueue(db, { revisionId, aggregatorId: 'also-de', findings: [], pack, partner });
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

	it('refuses a draft and a report with a blocking finding, and stores nothing', async () => {
		db = new PartnerDeskDatabase(`bundles-${crypto.randomUUID()}`);
		await saveAggregator(db, { id: 'also-de', name: 'ALSO Deutschland' });
		const ready = await readyReport();
		const blocking = {
			ruleId: 'line-total-mismatch',
			severity: 'blocking',
			subject: { kind: 'line', line: 2 },
			numbers: {},
			message: { en: 'x', de: 'x' },
			fixHint: { en: 'x', de: 'x' },
			pack
		} as const;
		await expect(
			signAndQueue(db, {
				revisionId: ready.id,
				aggregatorId: 'also-de',
				findings: [blocking],
				pack,
				partner
			})
		).rejects.toThrow('blocking');
		expect(await db.bundles.count()).toBe(0);
		expect(await db.chainHeads.count()).toBe(0);
		expect((await db.reports.get(ready.id))?.state).toBe('ready');
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

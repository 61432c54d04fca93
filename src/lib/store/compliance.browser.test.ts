import { strFromU8, unzipSync } from 'fflate';
import { calculateJwkThumbprint, flattenedVerify, importJWK } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '$lib/domain/audit-entry';
import { toDecimal } from '$lib/domain/money';
import { toPeriod } from '$lib/domain/period';
import type { UsageLine } from '$lib/domain/usage-line';
import { verifyAuditChain } from '$lib/sync/audit-chain';
import type { PackManifest } from '$lib/sync/evidence-pack';
import { audit, withAuditTables } from './audit';
import { exportAuditLog, readAuditLog, verifyStoredAuditLog } from './audit-log-repo';
import { signAndQueue } from './bundle-repo';
import {
	deleteEverything,
	deletePeriod,
	deleteProgramData,
	storageByArea
} from './data-control-repo';
import { PartnerDeskDatabase } from './db';
import { exportEvidencePack } from './evidence-pack-repo';
import { recordDelivery } from './outbox-repo';
import { markReady, storeImportedReport } from './report-repo';
import { contractSchema } from '$lib/programs/omnissa-sp/commercial/contract';
import { omnissaSpProgram } from '$lib/programs/omnissa-sp/program';
import { saveProgramRecord } from './program-records-repo';
import { reviewChecklistFor } from './review-repo';
import { listReviews, saveReview } from './review-requests';
import { saveAggregator, saveSettings } from './settings-repo';
import { listSigningKeys } from './signing-key-repo';
import { acknowledgeWarnings } from './test-review';
import { TEST_PARTNER, dropDatabase } from '../../../tests/helpers/store';

let db: PartnerDeskDatabase;
afterEach(() => dropDatabase(db));

const partner = TEST_PARTNER;

function linesOf(count: number): UsageLine[] {
	return Array.from({ length: count }, (_, i) => ({
		line: i + 2,
		sid: 'SID-4711-HZN-01',
		description: i === 0 ? '=HYPERLINK("http://x")' : 'Horizon Standard',
		customerRef: `Kunde ${i}`,
		quantity: toDecimal('3'),
		unitPrice: toDecimal('12.35'),
		total: toDecimal('37.05')
	}));
}

/** Settings, an aggregator, and October 2026 imported, acknowledged, ready, signed, delivered. */
async function deliveredOctober(count = 2500) {
	db = new PartnerDeskDatabase(`compliance-${crypto.randomUUID()}`);
	await saveSettings(db, {
		profile: {
			companyName: 'Muster IT-Services GmbH',
			partnerIds: { 'omnissa-sp': 'SP-4711' },
			currency: 'EUR',
			timeZone: 'Europe/Berlin',
			language: 'de'
		},
		programs: ['omnissa-sp']
	});
	await saveAggregator(db, { id: 'also-de', name: 'ALSO Deutschland' });
	const period = toPeriod(2026, 10);
	const draft = await storeImportedReport(db, {
		programId: 'omnissa-sp',
		period,
		currency: 'EUR',
		lines: linesOf(count),
		source: {
			fileName: 'usage-2026-10.de.csv',
			digest: 'c'.repeat(64),
			encoding: 'utf-8',
			importedAt: '2026-11-12T09:00:00.000Z',
			rowsRead: count,
			rowsSkipped: 0
		}
	});
	const now = new Date('2026-11-12T10:00:00Z');
	await acknowledgeWarnings(db, { revisionId: draft.id, now, comment: 'Geprüft' });
	await markReady(db, { revisionId: draft.id, now });
	const bundle = await signAndQueue(db, { revisionId: draft.id, aggregatorId: 'also-de', partner });
	await recordDelivery(db, {
		bundleId: bundle.bundleId,
		receipt: {
			bundleId: bundle.bundleId,
			receivedAt: '2026-11-12T10:01:00Z',
			digest: bundle.digest
		},
		now: new Date('2026-11-12T10:01:00Z')
	});
	return { revisionId: draft.id, bundle, period };
}

async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
	const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
	return Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
}

describe('the evidence pack in Chromium', () => {
	it('unzips; every manifest digest matches; each bundle verifies with jose against the device key', async () => {
		const { bundle, period, revisionId } = await deliveredOctober();
		const review = await saveReview(db, {
			id: crypto.randomUUID(),
			source: 'aggregator',
			aggregatorId: 'also-de',
			programId: 'omnissa-sp',
			reference: 'CR-2026-118',
			scope: { kind: 'periods', periods: [period] },
			dueDate: '2026-12-01',
			status: 'open',
			notes: '',
			createdAt: '2026-11-20T09:00:00.000Z',
			updatedAt: '2026-11-20T09:00:00.000Z'
		});
		const parts: BlobPart[] = [];
		const manifest = await exportEvidencePack(db, {
			programId: 'omnissa-sp',
			periods: [period],
			reviewId: review.id,
			locale: 'de',
			now: new Date('2026-11-20T10:00:00Z'),
			// Blob parts, as the page collects them for a download.
			sink: (chunk) => void parts.push(chunk as Uint8Array<ArrayBuffer>)
		});
		expect(parts.length).toBeGreaterThan(5);
		const files = unzipSync(new Uint8Array(await new Blob(parts).arrayBuffer()));
		const base = `reports/omnissa-sp/2026-10/r1-regular`;
		expect(Object.keys(files).sort()).toEqual(
			[
				'README.md',
				'review.json',
				`${base}.csv`,
				`${base}-findings.json`,
				`bundles/2026-10/${bundle.bundleId}.jws.json`,
				`receipts/2026-10/${bundle.bundleId}.json`,
				'audit-log/slice.jsonl',
				'audit-log/slice.csv',
				'audit-log/chain.jsonl',
				'keys/device-keys.json',
				'contracts/NONE-RECORDED.txt',
				'customers/NONE-RECORDED.txt',
				'revenue/NONE-RECORDED.txt',
				'training/NONE-RECORDED.txt',
				'manifest.json',
				'SHA256SUMS'
			].sort()
		);
		// Every digest of the manifest is the file's, and SHA256SUMS lists the same plus the manifest.
		const stated = JSON.parse(strFromU8(files['manifest.json'])) as PackManifest;
		expect(stated.files).toEqual(manifest.files);
		expect(stated.files).toHaveLength(Object.keys(files).length - 2);
		for (const file of stated.files) {
			expect(await sha256(files[file.path] as Uint8Array<ArrayBuffer>), file.path).toBe(
				file.sha256
			);
			expect(files[file.path].length).toBe(file.bytes);
		}
		const sums = strFromU8(files['SHA256SUMS']).trimEnd().split('\n');
		expect(sums).toHaveLength(stated.files.length + 1);
		expect(sums.at(-1)).toBe(
			`${await sha256(files['manifest.json'] as Uint8Array<ArrayBuffer>)}  manifest.json`
		);

		// The report as CSV: German convention, every line, the formula cell neutralised.
		// ignoreBOM: keep the byte-order mark in the text (TextDecoder drops it by default).
		const csv = new TextDecoder('utf-8', { ignoreBOM: true })
			.decode(files[`${base}.csv`])
			.split('\r\n');
		expect(csv[0]).toBe(
			'\uFEFFService-ID (SID);Kunde;Produkt;SKU;Einheit;Menge;Einzelpreis (UVP);Gesamt (UVP);Währung'
		);
		expect(csv).toHaveLength(2500 + 2);
		expect(csv[1]).toBe('SID-4711-HZN-01;Kunde 0;"\'=HYPERLINK(""http://x"")";;;3;12,35;37,05;');

		// The bundle exactly as stored, and it verifies with jose against this device's key.
		const [key] = await listSigningKeys(db);
		const keys = JSON.parse(strFromU8(files['keys/device-keys.json']));
		expect(keys).toEqual([{ kid: key.kid, publicJwk: key.publicJwk, createdAt: key.createdAt }]);
		const text = strFromU8(files[`bundles/2026-10/${bundle.bundleId}.jws.json`]);
		const stored = await db.bundleBodies.get(bundle.bundleId);
		expect(text).toBe(JSON.stringify(stored?.jws));
		const jws = JSON.parse(text);
		const header = JSON.parse(
			new TextDecoder().decode(
				Uint8Array.from(atob(jws.protected.replaceAll('-', '+').replaceAll('_', '/')), (c) =>
					c.charCodeAt(0)
				)
			)
		);
		expect(header.kid).toBe(await calculateJwkThumbprint(keys[0].publicJwk));
		const { payload } = await flattenedVerify(jws, await importJWK(keys[0].publicJwk, 'ES256'));
		const signed = JSON.parse(new TextDecoder().decode(payload));
		expect(signed).toMatchObject({
			bundleId: bundle.bundleId,
			period: '2026-10',
			totals: { amount: '92625.00' }
		});
		expect(JSON.parse(strFromU8(files[`receipts/2026-10/${bundle.bundleId}.json`]))).toEqual({
			bundleId: bundle.bundleId,
			receivedAt: '2026-11-12T10:01:00Z',
			digest: bundle.digest
		});

		// Findings as signed, with the acknowledgements.
		const findings = JSON.parse(strFromU8(files[`${base}-findings.json`]));
		expect(findings).toMatchObject({ revisionId, source: `bundle ${bundle.bundleId}` });
		expect(findings.findings).toEqual(signed.findings);

		// The audit chain in the pack: a run that verifies, holds the bundle's auditHead and ends at
		// the manifest's head; the slice is the month's entries.
		const jsonl = (path: string) =>
			strFromU8(files[path])
				.trimEnd()
				.split('\n')
				.map((line) => JSON.parse(line) as AuditEntry);
		const chain = jsonl('audit-log/chain.jsonl');
		expect(
			await verifyAuditChain({ entries: chain, partial: true, commitments: [signed.auditHead] })
		).toEqual({ ok: true, count: chain.length, head: stated.auditHead });
		const slice = jsonl('audit-log/slice.jsonl');
		expect(slice.map((e) => e.action)).toEqual([
			'imported',
			...Array(slice.length - 4).fill('acknowledged'),
			'marked-ready',
			'signed',
			'delivered'
		]);
		expect(slice.every((e) => e.period === '2026-10' && e.program === 'omnissa-sp')).toBe(true);
	});
});

describe('audit log queries and verification on the stored log', () => {
	it('slices by kind, exports, and names an entry edited in the database by hand', async () => {
		await deliveredOctober(20);
		expect(
			(await readAuditLog(db, { kinds: ['signed', 'delivered'] })).map((e) => e.action)
		).toEqual(['signed', 'delivered']);
		expect(await readAuditLog(db, { program: 'omnissa-sp', periods: ['2026-09'] })).toEqual([]);
		const csv = await exportAuditLog(db, { format: 'csv', filter: { kinds: ['settings-saved'] } });
		expect(csv.split('\r\n')).toHaveLength(3);
		const check = await verifyStoredAuditLog(db);
		expect(check).toMatchObject({ ok: true });

		// Someone edits an entry with the browser's devtools.
		const log = await db.auditLog.orderBy('seq').toArray();
		await db.auditLog.put({ ...log[3], detail: { ...log[3].detail, comment: 'changed' } });
		expect(await verifyStoredAuditLog(db)).toEqual({
			ok: false,
			index: 3,
			seq: 4,
			reason: 'edited'
		});
		await db.auditLog.put(log[3]);
		await db.auditLog.delete(log[5].seq);
		expect(await verifyStoredAuditLog(db)).toEqual({
			ok: false,
			index: 5,
			seq: 7,
			reason: 'missing-before'
		});
	});
});

describe('audit entries commit with their change', () => {
	it('a change that fails takes its entry with it; an entry outside a transaction is refused', async () => {
		db = new PartnerDeskDatabase(`compliance-${crypto.randomUUID()}`);
		await saveAggregator(db, { id: 'also-de', name: 'ALSO Deutschland' });
		const failed = await db
			.transaction('rw', withAuditTables(db, db.aggregators), async () => {
				await db.aggregators.put({ id: 'td-synnex-de', name: 'TD SYNNEX' });
				await audit(
					db,
					{ action: 'aggregator-saved', detail: { aggregator: 'td-synnex-de' } },
					'2026-11-20T09:00:00.000Z'
				);
				throw new Error('the disk is full');
			})
			.catch((error: Error) => error.message);
		expect(failed).toBe('the disk is full');
		expect(await db.aggregators.count()).toBe(1);
		expect((await db.auditLog.toArray()).map((e) => e.action)).toEqual(['aggregator-saved']);
		await expect(
			audit(db, { action: 'settings-saved' }, '2026-11-20T09:00:00.000Z')
		).rejects.toThrow('audit() outside the transaction of its change');
		// Two writers at once: IndexedDB runs their transactions one after the other, so each links
		// to the entry the other wrote and the chain has no fork.
		await Promise.all([
			saveAggregator(db, { id: 'a-1', name: 'A 1' }),
			saveAggregator(db, { id: 'a-2', name: 'A 2' })
		]);
		const log = await db.auditLog.orderBy('seq').toArray();
		expect(log.map((e) => e.seq)).toEqual([1, 2, 3]);
		expect(await verifyStoredAuditLog(db)).toMatchObject({ ok: true, count: 3 });
	});
});

describe('reviews and data control', () => {
	it('keeps a review and computes its checklist from the store', async () => {
		const { revisionId, bundle } = await deliveredOctober(20);
		const base = {
			source: 'vendor' as const,
			programId: 'omnissa-sp',
			reference: 'OMN-CR-7',
			dueDate: '2026-12-10',
			notes: 'Per E-Mail angefragt',
			createdAt: '2026-11-20T09:00:00.000Z',
			updatedAt: '2026-11-20T09:00:00.000Z'
		};
		const review = await saveReview(db, {
			...base,
			id: crypto.randomUUID(),
			status: 'open',
			scope: { kind: 'periods', periods: [toPeriod(2026, 9), toPeriod(2026, 10)] }
		});
		expect(await listReviews(db)).toEqual([review]);
		const items = await reviewChecklistFor(db, review, new Date('2026-11-20T10:00:00Z'));
		expect(
			items.filter((i) => i.period).map((i) => [i.need, i.period, i.status, i.target?.id])
		).toEqual([
			['report', '2026-09', 'missing', undefined],
			['bundle-receipt', '2026-09', 'missing', undefined],
			['report', '2026-10', 'present', revisionId],
			['bundle-receipt', '2026-10', 'present', bundle.bundleId],
			['findings-acknowledged', '2026-10', 'present', revisionId]
		]);
		// Omnissa keeps commit contracts and a customer register (none saved yet); revenue and
		// training are not kept by this version.
		const records = (list: typeof items) =>
			list.filter((i) => !i.period).map((i) => [i.need, i.status]);
		expect(records(items)).toEqual([
			['contracts', 'missing'],
			['customer-register', 'missing'],
			['revenue', 'not-tracked'],
			['training', 'not-tracked']
		]);
		await saveProgramRecord(db, {
			program: omnissaSpProgram,
			kind: 'contract',
			value: contractSchema.parse({
				id: 'SPC-4711-2026-01',
				aggregator: { id: 'AGG-EXD-DE', name: 'Example Distribution GmbH' },
				startDate: '2026-04-01',
				termMonths: 12,
				currency: 'EUR',
				committedAmountMsrp: '900000.00',
				discountBands: {
					confirmed: false,
					bands: [{ id: 'band-1', minAmountMsrp: '100000.00', discountPercent: '5' }]
				}
			})
		});
		expect(
			records(await reviewChecklistFor(db, review, new Date('2026-11-20T10:00:00Z')))[0]
		).toEqual(['contracts', 'present']);
		const answered = await saveReview(
			db,
			{ ...review, status: 'answered' },
			new Date('2026-11-25T09:00:00Z')
		);
		expect(
			(await readAuditLog(db, { kinds: ['review-saved'] })).map((e) => [e.before, e.after])
		).toEqual([
			[undefined, { status: 'open' }],
			[{ status: 'open' }, { status: 'answered' }]
		]);
		expect(answered.updatedAt).toBe('2026-11-25T09:00:00.000Z');
	});

	it('deletes a period, a program and everything, each in one audited transaction', async () => {
		const { period } = await deliveredOctober(1500);
		const before = Object.fromEntries((await storageByArea(db)).map((a) => [a.table, a.records]));
		expect(before).toMatchObject({
			reports: 1,
			lineChunks: 2,
			bundles: 1,
			bundleBodies: 1,
			groupTotals: 1
		});

		expect(await deletePeriod(db, { programId: 'omnissa-sp', period })).toEqual({
			revisions: 1,
			bundles: 1
		});
		const after = Object.fromEntries((await storageByArea(db)).map((a) => [a.table, a.records]));
		expect(after).toMatchObject({
			reports: 0,
			lineChunks: 0,
			bundles: 0,
			bundleBodies: 0,
			groupTotals: 0,
			chainHeads: 1
		});
		const [deleted] = await readAuditLog(db, { kinds: ['period-deleted'] });
		expect(deleted).toMatchObject({
			program: 'omnissa-sp',
			period: '2026-10',
			before: { revisions: 1, bundles: 1 }
		});
		expect(await verifyStoredAuditLog(db)).toMatchObject({ ok: true });

		expect(await deleteProgramData(db, { programId: 'omnissa-sp' })).toEqual({
			revisions: 0,
			bundles: 0
		});
		expect(await readAuditLog(db, { kinds: ['program-deleted'] })).toHaveLength(1);

		const keys = await db.signingKeys.count();
		await deleteEverything(db, new Date('2026-11-30T12:00:00Z'));
		const log = await db.auditLog.toArray();
		expect(log).toHaveLength(1);
		expect(log[0]).toMatchObject({
			seq: 1,
			action: 'chain-started',
			prev: null,
			detail: { reason: 'everything-deleted' }
		});
		expect(await db.settings.count()).toBe(0);
		expect(await db.signingKeys.count()).toBe(keys);
		expect(await verifyStoredAuditLog(db)).toEqual({ ok: true, count: 1, head: log[0].hash });
	});
});

import { expect, test } from 'vitest';
import { toDecimal } from '$lib/domain/money';
import { toPeriod } from '$lib/domain/period';
import type { UsageLine } from '$lib/domain/usage-line';
import { loadBuiltInPack } from '$lib/programs/built-in-packs';
import { packRefOf } from '$lib/programs/pack-schema';
import { buildBundlePayload } from '$lib/sync/build-bundle-payload';
import { toBundleId, type BundleDigest } from '$lib/sync/bundle-payload';
import { signBundle } from '$lib/sync/sign-bundle';
import { auditHead } from '$lib/store/audit';
import { PartnerDeskDatabase } from '$lib/store/db';
import { exportEvidencePack } from '$lib/store/evidence-pack-repo';
import { storeImportedReport } from '$lib/store/report-repo';
import { saveAggregator, saveSettings } from '$lib/store/settings-repo';
import { activeSigningKey } from '$lib/store/signing-key-repo';

/**
 * The evidence pack of a calendar year of 100,000-line months (issue 14): time and peak JS heap,
 * printed, not judged (no baseline exists for it). Not part of `npm run bench`'s groups: run it
 * with `npm run bench -- --evidence-pack` (about two minutes, most of it filling the database).
 */
const MONTHS = 12;
const LINES = 100_000;

function monthLines(month: number): UsageLine[] {
	return Array.from({ length: LINES }, (_, i) => ({
		line: i + 2,
		sid: `SID-4711-HZN-${String(i % 2000).padStart(4, '0')}`,
		description: 'Horizon Cloud Virtueller Desktop Standard',
		customerRef: `Kunde ${i % 2000} GmbH`,
		sku: `OSP-HZN-STD-CCU-${i % 50}`,
		quantity: toDecimal(String(1 + ((i + month) % 40))),
		unitPrice: toDecimal('24.90'),
		total: toDecimal((((1 + ((i + month) % 40)) * 2490) / 100).toFixed(2))
	}));
}

type Memory = { usedJSHeapSize: number };
const heap = () => (performance as unknown as { memory: Memory }).memory.usedJSHeapSize;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

test('the evidence pack of twelve 100,000-line months', async () => {
	const db = new PartnerDeskDatabase(`bench-evidence-${crypto.randomUUID()}`);
	const loaded = loadBuiltInPack({ id: 'omnissa-sp' });
	if (!loaded.ok) throw new Error('built-in pack invalid');
	const partner = { id: 'SP-4711', name: 'Muster IT-Services GmbH' };
	await saveSettings(db, {
		profile: {
			companyName: partner.name,
			partnerIds: { 'omnissa-sp': partner.id },
			currency: 'EUR',
			timeZone: 'Europe/Berlin',
			language: 'de'
		},
		programs: ['omnissa-sp']
	});
	await saveAggregator(db, { id: 'also-de', name: 'ALSO Deutschland' });
	const key = await activeSigningKey(db);
	let previousDigest: BundleDigest | null = null;
	const filling = performance.now();
	for (let month = 1; month <= MONTHS; month++) {
		const period = toPeriod(2025, month);
		const lines = monthLines(month);
		const revision = await storeImportedReport(db, {
			programId: 'omnissa-sp',
			period,
			currency: 'EUR',
			lines,
			source: {
				fileName: `usage-${period}.csv`,
				digest: month.toString(16).padStart(64, '0'),
				encoding: 'utf-8',
				importedAt: `${period}-28T09:00:00.000Z`,
				rowsRead: LINES,
				rowsSkipped: 0
			}
		});
		const payload = buildBundlePayload({
			revision: { ...revision, state: 'ready' },
			lines,
			findings: [],
			pack: packRefOf(loaded.value),
			partner,
			aggregator: { id: 'also-de', name: 'ALSO Deutschland' },
			bundleId: toBundleId(crypto.randomUUID()),
			supersedes: null,
			previousDigest,
			createdAt: new Date(`${period}-28T10:00:00Z`),
			auditHead: await auditHead(db)
		});
		const signed = await signBundle({
			payload,
			privateKey: key.privateKey,
			publicJwk: key.publicJwk
		});
		previousDigest = signed.digest;
		const at = `${period}-28T10:00:00.000Z`;
		await db.bundles.add({
			bundleId: signed.bundleId,
			revisionId: revision.id,
			aggregatorId: 'also-de',
			seq: month,
			period,
			revision: 1,
			supersedes: null,
			digest: signed.digest,
			previousDigest: payload.previousDigest,
			kid: signed.kid,
			state: 'delivered',
			createdAt: at,
			attempts: 1,
			receipt: { bundleId: signed.bundleId, receivedAt: at, digest: signed.digest },
			deliveredAt: at
		});
		await db.bundleBodies.add({ bundleId: signed.bundleId, jws: signed.jws });
		await db.reports.put({ ...revision, state: 'delivered' });
	}
	const filled = performance.now() - filling;

	(globalThis as { gc?: () => void }).gc?.();
	const before = heap();
	let peak = before;
	let bytes = 0;
	let pieces = 0;
	const started = performance.now();
	const manifest = await exportEvidencePack(db, {
		programId: 'omnissa-sp',
		periods: Array.from({ length: MONTHS }, (_, i) => toPeriod(2025, i + 1)),
		locale: 'de',
		now: new Date('2026-01-20T09:00:00Z'),
		// A file sink that writes and forgets (a WritableStream to disk): only the size is kept.
		sink: (chunk) => {
			bytes += chunk.length;
			pieces++;
			peak = Math.max(peak, heap());
		}
	});
	const elapsed = performance.now() - started;
	const report = {
		months: MONTHS,
		linesPerMonth: LINES,
		fillSeconds: +(filled / 1000).toFixed(1),
		packSeconds: +(elapsed / 1000).toFixed(1),
		zipMB: +mb(bytes),
		uncompressedMB: +mb(manifest.files.reduce((n, f) => n + f.bytes, 0)),
		zipPieces: pieces,
		heapBeforeMB: +mb(before),
		heapPeakMB: +mb(peak),
		heapPeakAboveBeforeMB: +mb(peak - before)
	};
	console.log(`evidence pack bench: ${JSON.stringify(report)}`);
	expect(
		manifest.files.filter((f) => f.path.endsWith('.csv') && f.path.startsWith('reports/'))
	).toHaveLength(MONTHS);
	db.close();
	await new Promise((done) => {
		const request = indexedDB.deleteDatabase(db.name);
		request.onsuccess = request.onerror = done;
	});
}, 900_000);

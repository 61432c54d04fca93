import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import { base64url, flattenedVerify, importJWK, type JWK } from 'jose';
import { createHash } from 'node:crypto';
import {
	bundleEntry,
	downloadPublicKey,
	markSeptemberReady,
	registerKey,
	runAggregator,
	setUpPartner
} from './pages/delivery';
import { AuditLogPage, ReviewsPage, editAuditEntry } from './pages/compliance';

/** The calendar day `days` from today in Berlin (the partner's zone in these tests), as YYYY-MM-DD. */
function berlinDay(days: number): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(
		new Date(Date.now() + days * 86_400_000)
	);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

// The real clock: the outbox delivers when it runs, and the Desk counts down from today.
test('a review of a delivered month: checklist, Desk countdown, an evidence pack that verifies, and an audit log that shows an edit', async ({
	page
}) => {
	const aggregator = await runAggregator();
	try {
		await setUpPartner(page, aggregator.url);
		await registerKey(aggregator.dataDir, await downloadPublicKey(page));
		await markSeptemberReady(page);
		await page.getByRole('link', { name: 'Sync' }).click();
		await expect(bundleEntry(page, 'September 2026')).toContainText('Delivered', {
			timeout: 20_000
		});
		const [held] = await aggregator.held();

		// The review: ALSO asks, on Omnissa's behalf, for September.
		const reviews = new ReviewsPage(page);
		await reviews.open();
		await reviews.record({
			aggregator: 'ALSO Deutschland',
			reference: 'CR-2026-118',
			months: '2026-09',
			dueDate: berlinDay(10)
		});
		const card = reviews.card('CR-2026-118');
		await expect(card).toContainText('Open · due in 10 days');
		await expect(card).toContainText('Requested by ALSO Deutschland · Omnissa Service Provider');
		await expect
			.poll(() => reviews.checklist('CR-2026-118'))
			.toEqual([
				'Usage report September 2026 Present Open the report',
				'Delivered, with the aggregator’s receipt: September 2026 Present Open in Sync',
				'Every warning acknowledged: September 2026 Present Open the report',
				'Contracts Missing Open in Contracts',
				'Customer register Missing Open in Contracts',
				'Revenue records Not kept by this version yet',
				'Training evidence Not kept by this version yet'
			]);
		expect((await new AxeBuilder({ page }).analyze()).violations, 'reviews page').toEqual([]);

		// The pack, unzipped here: every file has the digest the manifest names, and each bundle
		// verifies against the device key the pack carries.
		const pack = await reviews.exportPack('CR-2026-118');
		expect(pack.name).toMatch(/^evidence-pack-omnissa-sp-CR-2026-118-\d{4}-\d{2}-\d{2}\.zip$/);
		await expect(card).toContainText(/Evidence pack .* saved: \d+ files/);
		const files = unzipSync(pack.bytes);
		const manifest = JSON.parse(strFromU8(files['manifest.json'])) as {
			auditHead: string;
			files: { path: string; bytes: number; sha256: string }[];
		};
		expect(Object.keys(files).sort()).toEqual(
			[...manifest.files.map((f) => f.path), 'manifest.json', 'SHA256SUMS'].sort()
		);
		for (const file of manifest.files) {
			expect(sha256(files[file.path]), file.path).toBe(file.sha256);
			expect(files[file.path].length, file.path).toBe(file.bytes);
		}
		expect(strFromU8(files['SHA256SUMS'])).toBe(
			manifest.files.map((f) => `${f.sha256}  ${f.path}\n`).join('') +
				`${sha256(files['manifest.json'])}  manifest.json\n`
		);
		const keys = JSON.parse(strFromU8(files['keys/device-keys.json'])) as {
			kid: string;
			publicJwk: JWK;
		}[];
		const bundlePaths = manifest.files.map((f) => f.path).filter((p) => p.startsWith('bundles/'));
		expect(bundlePaths).toEqual([`bundles/2026-09/${held.bundleId}.jws.json`]);
		for (const path of bundlePaths) {
			const jws = JSON.parse(strFromU8(files[path]));
			const header = JSON.parse(strFromU8(base64url.decode(jws.protected))) as {
				alg: string;
				kid: string;
				jwk: JWK;
			};
			const key = keys.find((k) => k.kid === header.kid);
			expect(key, `${path}: its kid is in keys/device-keys.json`).toBeDefined();
			expect(header.jwk).toEqual(key!.publicJwk);
			const { payload } = await flattenedVerify(jws, await importJWK(key!.publicJwk, header.alg));
			const body = JSON.parse(strFromU8(payload));
			expect(body).toMatchObject({ bundleId: held.bundleId, period: '2026-09' });
			// What the aggregator holds is what was signed and packed: its digest is the SHA-256 of
			// the JWS signing input (protected header "." payload).
			const signingInput = `${jws.protected}.${jws.payload}`;
			expect(createHash('sha256').update(signingInput).digest('base64url')).toBe(held.digest);
			const receipt = JSON.parse(strFromU8(files[`receipts/2026-09/${held.bundleId}.json`]));
			expect(receipt).toMatchObject({ bundleId: held.bundleId, digest: held.digest });
		}
		expect(strFromU8(files['README.md'])).toContain('CR-2026-118');
		expect(JSON.parse(strFromU8(files['review.json']))).toMatchObject({
			reference: 'CR-2026-118',
			scope: { kind: 'periods', periods: ['2026-09'] }
		});

		// The Desk counts the review down.
		await page.getByRole('link', { name: 'Desk', exact: true }).click();
		await expect(page.getByTestId('desk-reviews')).toContainText('CR-2026-118 due in 10 days');

		// The audit log: intact, then one entry edited in IndexedDB is named.
		const audit = new AuditLogPage(page);
		await audit.open();
		await expect(page.getByRole('row').nth(1)).toContainText('Review saved');
		expect(await audit.verify()).toMatch(/^The log is intact: \d+ entries, each linked/);
		expect((await new AxeBuilder({ page }).analyze()).violations, 'audit page').toEqual([]);
		await editAuditEntry(page, 3, { lines: 1 });
		expect(await audit.verify()).toBe(
			'The log is broken at entry no. 3: its content was changed after it was written.'
		);
	} finally {
		await aggregator.stop();
	}
});

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { flattenedVerify, importJWK, type JWK } from 'jose';
import { readFile } from 'node:fs/promises';
import {
	bundleEntry,
	downloadPublicKey,
	registerKey,
	runAggregator,
	setUpPartner
} from './pages/delivery';
import { FIXTURES, ReportsPage } from './pages/reports';

// The sample data's demo day, inside October's review window (September is late by then).
// Two months imported and reviewed, and a delivery: longer than one page's flow on a busy machine.
test.describe.configure({ timeout: 180_000 });

test.beforeEach(async ({ page }) => {
	await page.clock.setFixedTime(new Date('2026-11-12T10:00:00+01:00'));
});

const expected = JSON.parse(await readFile(`${FIXTURES}/expected.json`, 'utf8')).omnissa;

/** The bundle exactly as the reference aggregator stored it, verified with jose. */
async function storedPayload(
	aggregator: Awaited<ReturnType<typeof runAggregator>>,
	bundleId: string
) {
	const { jws } = await aggregator.stored(bundleId);
	const header = JSON.parse(Buffer.from(jws.protected, 'base64url').toString('utf8'));
	const { payload } = await flattenedVerify(jws, await importJWK(header.jwk as JWK, 'ES256'));
	return JSON.parse(new TextDecoder().decode(payload));
}

/** September out of the way: imported, its lateness acknowledged, marked ready. */
async function septemberReady(reports: ReportsPage) {
	await reports.open();
	await reports.choose(`${FIXTURES}/omnissa/usage-2026-09.en.csv`);
	await reports.importAndOpen();
	const late = reports.finding(/was due by 15 October 2026/);
	await expect(late).toBeVisible();
	// The reasons offered are the ones that explain a late report.
	await expect(late.getByLabel('Reason').locator('option:not([disabled])')).toHaveText([
		'Delay agreed with the aggregator',
		'Correction follows',
		'Other'
	]);
	await reports.acknowledge(
		/was due by 15 October 2026/,
		'Delay agreed with the aggregator',
		'Agreed by phone'
	);
}

/** October reviewed: the credit reason recorded, both warnings acknowledged. */
async function reviewOctober(page: Page, reports: ReportsPage) {
	await page.getByRole('link', { name: 'All reports' }).click();
	await reports.choose(`${FIXTURES}/omnissa/usage-2026-10.de.csv`);
	await reports.importAndOpen();
	await expect(page.getByTestId('report-total')).toHaveText('€77,220.34');

	const credit = reports.finding('Line 6: the quantity -6 is negative');
	await credit.getByLabel('Credit reason').fill('Six licences cancelled in September');
	await credit.getByRole('button', { name: 'Record credit' }).click();
	// The finding is answered; the reason stays on screen, with focus on it.
	await expect(reports.finding('Line 6:')).toHaveCount(0);
	const words = page.getByTestId('credit-reasons');
	await expect(words).toContainText('Line 6');
	await expect(words).toContainText('Six licences cancelled in September');
	await expect(page.getByRole('heading', { name: 'Credit reasons' })).toBeFocused();

	await reports.acknowledge(
		/TechnoForm.*quantity 140 last month, 185 now/,
		'Customer growth',
		'New site in Kassel'
	);
	await expect(reports.finding(/TechnoForm/).getByText(/^Acknowledged:/)).toBeFocused();
	await reports.acknowledge(
		/Bäckerei Hüttner KG.*missing now/,
		'Service cancelled',
		'Published apps ended'
	);
	await expect(
		page.getByText('0 blocking, 0 warnings to acknowledge, 2 acknowledged, 1 note')
	).toBeVisible();
}

test('a credit reason and an acknowledgement are in the bundle the aggregator holds', async ({
	page
}) => {
	const aggregator = await runAggregator();
	try {
		await setUpPartner(page, aggregator.url);
		await registerKey(aggregator.dataDir, await downloadPublicKey(page));
		const reports = new ReportsPage(page);
		await septemberReady(reports);
		await reports.markReady();
		await reviewOctober(page, reports);

		// Mark ready shows what goes out first, and signs only on confirmation.
		await page.getByRole('button', { name: 'Mark ready', exact: true }).click();
		const dialog = page.getByRole('dialog', { name: 'Mark the report ready?' });
		const summary = dialog.getByTestId('confirm-summary');
		await expect(summary).toHaveText(
			'Month October 2026 Lines 46 Total (list price) €77,220.34 Acknowledged warnings 2 ' +
				'Credit lines with a reason 1 Rows left out of the import 0 ' +
				'Signed and queued for ALSO Deutschland'
		);
		expect((await new AxeBuilder({ page }).analyze()).violations, 'confirm dialog').toEqual([]);
		await dialog.getByRole('button', { name: 'Cancel' }).click();
		await expect(page.locator('h1 .badge', { hasText: 'In review' })).toBeVisible();

		await reports.markReady();
		const result = page.locator('#review-result');
		await expect(result).toContainText('Marked ready, signed and queued for ALSO Deutschland.');
		await expect(result).toBeFocused();

		await page.getByRole('link', { name: 'Sync' }).click();
		await expect(bundleEntry(page, 'October 2026')).toContainText('Delivered', {
			timeout: 20_000
		});
		// In chain order: September, then October.
		const held = await aggregator.held();
		expect(held).toHaveLength(2);
		const payload = await storedPayload(aggregator, held[1].bundleId);

		expect(payload).toMatchObject({
			period: '2026-10',
			kind: 'regular',
			totals: { amount: expected['usage-2026-10.de.csv'].total }
		});
		expect(payload.lines).toHaveLength(expected['usage-2026-10.de.csv'].rows);
		expect(payload.lines[4]).toEqual({
			sid: 'SID-4711-HZN-01',
			description: 'Veröffentlichte Anwendungen (RDSH)',
			customerRef: 'Nordlicht Logistik AG',
			sku: 'OSP-APP-PUB-CCU',
			unit: 'Gleichzeitiger Benutzer',
			contractId: 'SPC-4711-2026-01',
			quantity: '-6',
			unitPrice: '11.20',
			total: '-67.20',
			creditReason: 'Six licences cancelled in September'
		});
		expect(payload.findings.filter((f: { severity: string }) => f.severity === 'warning')).toEqual([
			{
				ruleId: 'quantity-change',
				severity: 'warning',
				message:
					'TechnoForm Kunststoffe GmbH & Co. KG on SID-4711-HZN-01, OSP-HZN-STD-CCU: quantity 140 last month, 185 now (32.14 %), beyond the 25 % threshold.',
				acknowledged: { reasonCode: 'customer-growth', comment: 'New site in Kassel' }
			},
			{
				ruleId: 'sid-dropped',
				severity: 'warning',
				message:
					'Bäckerei Hüttner KG on SID-4711-HZN-01: billed last month (1 line, €201.60), missing now.',
				acknowledged: { reasonCode: 'service-cancelled', comment: 'Published apps ended' }
			}
		]);
		// September's bundle carries its acknowledged lateness the same way.
		const september = await storedPayload(aggregator, held[0].bundleId);
		expect(september.totals).toEqual({ amount: expected['usage-2026-09.en.csv'].total });
		expect(september.findings).toContainEqual({
			ruleId: 'report-late',
			severity: 'warning',
			message: 'The report was submitted 28 days after the due date 15 October 2026.',
			acknowledged: { reasonCode: 'delay-agreed', comment: 'Agreed by phone' }
		});
	} finally {
		await aggregator.stop();
	}
});

test('a correction keeps the unchanged acknowledgements and credit reason, and shows the diff', async ({
	page
}) => {
	const reports = new ReportsPage(page);
	await septemberReady(reports);
	await reports.markReady();
	await reviewOctober(page, reports);
	await reports.markReady();
	await expect(page.getByText('Marked ready. The revision is frozen.')).toBeVisible();

	// The corrected export: Stadtwerke Brunnental used two more desktops (180 → 182).
	const original = await readFile(`${FIXTURES}/omnissa/usage-2026-10.de.csv`, 'utf8');
	const corrected = original.replace(
		'Gleichzeitiger Benutzer;180;24,90;4.482,00',
		'Gleichzeitiger Benutzer;182;24,90;4.531,80'
	);
	expect(corrected).not.toBe(original);
	await page.getByRole('link', { name: 'All reports' }).click();
	await page.getByLabel('Usage export (CSV)').setInputFiles({
		name: 'usage-2026-10.corrected.de.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(corrected, 'utf8')
	});
	await expect(page.getByRole('radio', { name: /a correction: revision 2/ })).toBeChecked();
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	// Focus goes to the result of the import, not to <body>.
	await expect(page.getByRole('status').filter({ hasText: 'Imported.' })).toBeFocused();
	await page.getByRole('link', { name: 'Open the report' }).click();
	await expect(page.getByRole('heading', { name: /Usage report October 2026/ })).toContainText(
		'Revision 2'
	);

	// What still holds is kept: both acknowledgements and the credit reason.
	await expect(
		page.getByText('0 blocking, 0 warnings to acknowledge, 2 acknowledged, 1 note')
	).toBeVisible();
	await expect(reports.finding(/TechnoForm/)).toContainText('New site in Kassel');
	await expect(reports.finding(/TechnoForm/)).toContainText(
		'Kept from revision 1: the finding is unchanged.'
	);
	await expect(reports.finding(/Bäckerei Hüttner KG/)).toContainText('Published apps ended');
	await expect(page.getByTestId('credit-reasons')).toContainText(
		'Six licences cancelled in September'
	);

	// The diff against revision 1: one line changed, the totals and their difference.
	const diff = page.getByTestId('revision-diff');
	await expect(diff.getByRole('heading', { level: 2 })).toHaveText('Changes against revision 1');
	await expect(diff.getByTestId('diff-summary')).toHaveText('0 lines added, 0 removed, 1 changed.');
	await expect(diff.getByTestId('diff-totals')).toHaveText(
		'Total €77,220.34 → €77,270.14 (difference €49.80)'
	);
	await expect(diff).toContainText('Stadtwerke Brunnental GmbH');
	await expect(diff).toContainText('Before 180 × €24.90 = €4,482.00; Now 182 × €24.90 = €4,531.80');
	expect((await new AxeBuilder({ page }).analyze()).violations, 'correction').toEqual([]);

	await reports.markReady();
	await expect(page.getByText('Marked ready. The revision is frozen.')).toBeVisible();
	await page.getByRole('link', { name: 'All reports' }).click();
	const october = page
		.locator('tbody tr')
		.filter({ has: page.getByRole('link', { name: 'October 2026' }) });
	await expect(october.filter({ hasText: 'Superseded' })).toContainText('€77,220.34');
	await expect(october.filter({ hasText: 'Ready' })).toContainText('€77,270.14');
});

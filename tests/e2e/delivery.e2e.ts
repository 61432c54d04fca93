import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { waitForServiceWorker } from './pages/app';
import {
	bundleEntry,
	downloadPublicKey,
	issueToken,
	markSeptemberReady,
	registerKey,
	runAggregator,
	setUpPartner
} from './pages/delivery';
import { ReportsPage } from './pages/reports';

// The real clock: the outbox's retries wait for it (September's report is late by then too).

test('marked ready offline: queued, then delivered once when the network is back', async ({
	page,
	context
}) => {
	const aggregator = await runAggregator();
	try {
		await page.goto('/');
		await waitForServiceWorker(page);
		await setUpPartner(page, aggregator.url);
		await registerKey(aggregator.dataDir, await downloadPublicKey(page));

		await context.setOffline(true);
		await markSeptemberReady(page);
		await page.getByRole('link', { name: 'Sync' }).click();
		const september = bundleEntry(page, 'September 2026');
		await expect(september).toContainText('Queued');
		await expect(page.getByTestId('outbox-status')).toHaveText(/^1 waiting\s*$/);
		expect(await aggregator.held()).toEqual([]);
		expect((await new AxeBuilder({ page }).analyze()).violations, 'sync page').toEqual([]);

		await context.setOffline(false);
		await expect(september).toContainText('Delivered', { timeout: 20_000 });
		await expect(september).toContainText(/Received by the aggregator on/);
		const held = await aggregator.held();
		expect(held).toHaveLength(1);
		expect(held[0]).toMatchObject({ revision: 1, supersedes: null, partnerId: 'SP-4711' });
		await expect(september.locator('code')).toHaveText(held[0].digest);

		await page.getByRole('link', { name: 'Desk', exact: true }).click();
		await expect(page.getByTestId('desk-delivery')).toContainText('Nothing waiting to be sent.');
		await expect(page.getByTestId('desk-delivery')).toContainText('last delivery');
	} finally {
		await aggregator.stop();
	}
});

test('503 twice, then accepted: delivered once', async ({ page }) => {
	const aggregator = await runAggregator({ failFirst: 2 });
	try {
		await setUpPartner(page, aggregator.url);
		await registerKey(aggregator.dataDir, await downloadPublicKey(page));
		await markSeptemberReady(page);
		await page.getByRole('link', { name: 'Sync' }).click();
		const september = bundleEntry(page, 'September 2026');
		// Backoff waits about 1-2 s, then 2-4 s.
		await expect(september).toContainText('Delivered', { timeout: 20_000 });
		expect(aggregator.faults().failed).toBe(2);
		expect(await aggregator.held()).toHaveLength(1);
	} finally {
		await aggregator.stop();
	}
});

test('a lost receipt: the bundle is sent again, answered 200, delivered once', async ({ page }) => {
	const aggregator = await runAggregator({ loseReceiptFirst: 1 });
	try {
		await setUpPartner(page, aggregator.url);
		await registerKey(aggregator.dataDir, await downloadPublicKey(page));
		await markSeptemberReady(page);
		await page.getByRole('link', { name: 'Sync' }).click();
		await expect(bundleEntry(page, 'September 2026')).toContainText('Delivered', {
			timeout: 20_000
		});
		expect(aggregator.faults().receiptsLost).toBe(1);
		expect(await aggregator.held()).toHaveLength(1);
	} finally {
		await aggregator.stop();
	}
});

test('a key the aggregator has not registered: refused with 403 and what to do', async ({
	page
}) => {
	const aggregator = await runAggregator();
	try {
		await setUpPartner(page, aggregator.url);
		await markSeptemberReady(page);
		await page.getByRole('link', { name: 'Sync' }).click();
		const september = bundleEntry(page, 'September 2026');
		await expect(september).toContainText('Refused');
		await expect(september).toContainText('Refused by the aggregator (403)');
		await expect(september).toContainText(/regist/i);
		expect(await aggregator.held()).toEqual([]);
		await page.getByRole('link', { name: 'Desk', exact: true }).click();
		await expect(page.getByText('1 refused by the aggregator')).toBeVisible();
	} finally {
		await aggregator.stop();
	}
});

test('a 422 problem is a permanent failure, shown; the bundle can be withdrawn', async ({
	page
}) => {
	// This aggregator takes bundles addressed to another id: ours are refused with 422.
	const aggregator = await runAggregator({ aggregatorId: 'td-synnex-de' });
	try {
		await setUpPartner(page, aggregator.url);
		await registerKey(aggregator.dataDir, await downloadPublicKey(page));
		await markSeptemberReady(page);
		await page.getByRole('link', { name: 'Sync' }).click();
		const september = bundleEntry(page, 'September 2026');
		await expect(september).toContainText('Refused by the aggregator (422)');
		await expect(september).toContainText('addressed to another aggregator');
		await page.waitForTimeout(3000);
		expect(await aggregator.held()).toEqual([]);
		// Nothing goes again by itself; the user can withdraw it (never stored) or retry.
		await expect(september.getByRole('button', { name: 'Withdraw' })).toBeVisible();
		await september.getByRole('button', { name: 'Withdraw' }).click();
		await expect(september).toContainText('Withdrawn');
	} finally {
		await aggregator.stop();
	}
});

test('a correction is delivered as revision 2 superseding the first bundle', async ({ page }) => {
	const aggregator = await runAggregator();
	try {
		await setUpPartner(page, aggregator.url);
		await registerKey(aggregator.dataDir, await downloadPublicKey(page));
		await markSeptemberReady(page);
		await page.getByRole('link', { name: 'Sync' }).click();
		await expect(bundleEntry(page, 'September 2026')).toContainText('Delivered', {
			timeout: 20_000
		});

		// The corrected export: one more licence on the first line.
		const reports = page.getByRole('link', { name: 'Reports' });
		await reports.click();
		await page.getByLabel('Usage export (CSV)').setInputFiles({
			name: 'usage-2026-09.corrected.en.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(
				'Period,Service Identifier (SID),Customer,Product,SKU,Quantity,Unit Price (MSRP),Total (MSRP),Currency\r\n' +
					'2026-09,SID-4711-HZN-01,Bäckerei Hüttner KG,Published Applications (RDSH),OSP-APP-PUB-CCU,19,11.20,212.80,EUR\r\n'
			)
		});
		await expect(page.getByRole('radio', { name: /a correction: revision 2/ })).toBeChecked();
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await page.getByRole('link', { name: 'Open the report' }).click();
		await expect(page.getByRole('heading', { name: /Usage report September 2026/ })).toBeVisible();
		await new ReportsPage(page).waitForCheck();
		for (const finding of await page
			.locator('li.finding')
			.filter({ has: page.getByLabel('Reason') })
			.all()) {
			await finding.getByLabel('Reason').selectOption({ index: 1 });
			await finding.getByLabel('Comment').fill('Corrected export');
			await finding.getByRole('button', { name: 'Acknowledge' }).click();
		}
		await new ReportsPage(page).markReady();
		await expect(
			page.getByText('Marked ready, signed and queued for ALSO Deutschland.')
		).toBeVisible();

		await page.getByRole('link', { name: 'Sync' }).click();
		await expect(bundleEntry(page, 'September 2026', 2)).toContainText('Delivered', {
			timeout: 20_000
		});
		const held = await aggregator.held();
		expect(held.map((b) => [b.revision, b.supersedes])).toEqual([
			[1, null],
			[2, held[0].bundleId]
		]);
	} finally {
		await aggregator.stop();
	}
});

test('test connection: a missing and a wrong token are named, the right one connects and delivers', async ({
	page
}) => {
	const aggregator = await runAggregator({ demo: true });
	const token = await issueToken(aggregator.dataDir);
	try {
		await setUpPartner(page, aggregator.url);
		const test = page.getByRole('button', { name: 'Test connection to ALSO Deutschland' });
		await test.click();
		await expect(
			page.getByText('The aggregator lists bundles only with a token (401).')
		).toBeVisible();

		const useToken = async (value: string) => {
			await page.getByRole('button', { name: 'Edit ALSO Deutschland' }).click();
			await page.getByLabel('Access token (optional)').fill(value);
			await page.getByRole('button', { name: 'Save aggregator' }).click();
			await test.click();
		};
		await useToken('pdt_not-issued');
		await expect(page.getByText('The aggregator refused the token (401).')).toBeVisible();
		await useToken(token);
		await expect(page.getByText('Connected. The aggregator holds 0 bundles.')).toBeVisible();
		expect((await new AxeBuilder({ page }).analyze()).violations, 'settings').toEqual([]);

		// Demo mode registers the partner's first key with its first bundle; the partner's token
		// goes with every send (a partner with a token must send it).
		await markSeptemberReady(page);
		await page.getByRole('link', { name: 'Sync' }).click();
		await expect(bundleEntry(page, 'September 2026')).toContainText('Delivered', {
			timeout: 20_000
		});
		expect(await aggregator.held()).toHaveLength(1);
	} finally {
		await aggregator.stop();
	}
});

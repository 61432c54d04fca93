import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import {
	bundleEntry,
	downloadPublicKey,
	markSeptemberReady,
	registerKey,
	runAggregator,
	setUpPartner
} from './pages/delivery';
import { ReportsPage } from './pages/reports';

// Two devices of one partner (issue "A second device"): two browser profiles, each with its own
// storage and its own key, both registered by the operator. Each device keeps its own chain head,
// so whichever delivers second is refused with 409 chain-gap and, once its user confirms,
// signs its report again onto the aggregator's head. The real clock: the outbox's retries wait
// for it.

const HEADER =
	'Period,Service Identifier (SID),Customer,Product,SKU,Quantity,Unit Price (MSRP),Total (MSRP),Currency\r\n';

/** A profile of its own: separate IndexedDB, separate key. */
async function newDevice(browser: Browser, baseURL: string | undefined): Promise<Page> {
	const context = await browser.newContext({
		baseURL,
		locale: 'en-GB',
		timezoneId: 'Europe/Berlin'
	});
	return context.newPage();
}

/** Imports a one-line export for `period`, acknowledges every warning and marks it ready. */
async function markMonthReady(page: Page, period: string, month: string, line: string) {
	await page.goto('/reports');
	await page.getByLabel('Usage export (CSV)').setInputFiles({
		name: `usage-${period}.en.csv`,
		mimeType: 'text/csv',
		buffer: Buffer.from(HEADER + line + '\r\n')
	});
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('link', { name: 'Open the report' }).click();
	await expect(page.getByRole('heading', { name: `Usage report ${month}` })).toBeVisible();
	const reports = new ReportsPage(page);
	await reports.waitForCheck();
	for (const finding of await page
		.locator('li.finding')
		.filter({ has: page.getByLabel('Reason') })
		.all()) {
		await finding.getByLabel('Reason').selectOption({ index: 1 });
		await finding.getByLabel('Comment').fill('Reported from the second device');
		await finding.getByRole('button', { name: 'Acknowledge' }).click();
	}
	await reports.markReady();
	await expect(
		page.getByText('Marked ready, signed and queued for ALSO Deutschland.')
	).toBeVisible();
}

/** The chain as the aggregator stored it: each accepted JWS's previousDigest, in order. */
async function storedChain(
	aggregator: Awaited<ReturnType<typeof runAggregator>>,
	held: { bundleId: string; digest: string }[]
) {
	return Promise.all(
		held.map(async ({ bundleId, digest }) => {
			const { jws } = await aggregator.stored(bundleId);
			const payload = JSON.parse(Buffer.from(jws.payload, 'base64url').toString('utf8'));
			return { bundleId, digest, previousDigest: payload.previousDigest, period: payload.period };
		})
	);
}

test('two devices deliver in turn: each continues the chain from the other after confirming', async ({
	browser,
	baseURL
}) => {
	// Two profiles set up, three reports signed and delivered: more than one test's usual work.
	test.setTimeout(240_000);
	const aggregator = await runAggregator();
	const deviceA = await newDevice(browser, baseURL);
	const deviceB = await newDevice(browser, baseURL);
	try {
		for (const page of [deviceA, deviceB]) {
			await setUpPartner(page, aggregator.url);
			await registerKey(aggregator.dataDir, await downloadPublicKey(page));
		}

		// A delivers September.
		await markSeptemberReady(deviceA);
		await deviceA.getByRole('link', { name: 'Sync' }).click();
		await expect(bundleEntry(deviceA, 'September 2026')).toContainText('Delivered', {
			timeout: 20_000
		});
		const [fromA] = await aggregator.held();

		// B has never seen A's bundle: its October is refused, and B is asked, in plain words.
		await markMonthReady(
			deviceB,
			'2026-10',
			'October 2026',
			'2026-10,SID-4711-HZN-01,Kanzlei am Markt,Horizon Standard,OSP-HZN-STD-NU,38,24.90,946.20,EUR'
		);
		await deviceB.getByRole('link', { name: 'Sync' }).click();
		const october = bundleEntry(deviceB, 'October 2026');
		await expect(october).toContainText('Needs your decision', { timeout: 20_000 });
		await expect(october).not.toContainText('Queued');
		await expect(october).not.toContainText('Refused');
		const decision = october.getByRole('group', { name: 'Another device has delivered meanwhile' });
		await expect(decision).toContainText(
			'ALSO Deutschland already has a newer report from you, sent from another device or installation.'
		);
		await expect(decision.locator('code')).toHaveText(fromA.bundleId);
		expect((await new AxeBuilder({ page: deviceB }).analyze()).violations, 'sync page').toEqual([]);
		// The report list says so too, never "Queued".
		await deviceB.getByRole('link', { name: 'Reports' }).click();
		const row = deviceB.getByRole('row').filter({ hasText: 'October 2026' });
		await expect(row).toContainText('Needs your decision');
		await expect(row).not.toContainText('Queued');
		expect(await aggregator.held()).toHaveLength(1);

		// And the report's own page; its badge leads to the decision.
		await row.getByRole('link', { name: 'October 2026' }).click();
		const heading = deviceB.getByRole('heading', { name: /Usage report October 2026/ });
		await expect(heading).toContainText('Needs your decision');
		await expect(heading).not.toContainText('Queued');
		await heading.getByRole('link', { name: 'Needs your decision' }).click();

		// B confirms: signed again onto A's head and delivered.
		await october.getByRole('button', { name: 'Sign again and send…' }).click();
		await october.getByRole('button', { name: 'Yes, sign again and send' }).click();
		await expect(october).toContainText('Delivered', { timeout: 20_000 });
		const afterB = await aggregator.held();
		expect(afterB.map((b) => b.bundleId)[0]).toBe(fromA.bundleId);
		expect(await storedChain(aggregator, afterB)).toEqual([
			{ bundleId: fromA.bundleId, digest: fromA.digest, previousDigest: null, period: '2026-09' },
			{
				bundleId: afterB[1].bundleId,
				digest: afterB[1].digest,
				previousDigest: fromA.digest,
				period: '2026-10'
			}
		]);
		await expect(october.locator('code')).toHaveText(afterB[1].digest);

		// A delivers again after B: A is refused too, and continues from B's bundle.
		await markMonthReady(
			deviceA,
			'2026-11',
			'November 2026',
			'2026-11,SID-4711-HZN-01,Kanzlei am Markt,Horizon Standard,OSP-HZN-STD-NU,40,24.90,996.00,EUR'
		);
		await deviceA.getByRole('link', { name: 'Sync' }).click();
		const november = bundleEntry(deviceA, 'November 2026');
		await expect(november).toContainText('Needs your decision', { timeout: 20_000 });
		await expect(november.locator('code')).toHaveText(afterB[1].bundleId);
		await november.getByRole('button', { name: 'Sign again and send…' }).click();
		await november.getByRole('button', { name: 'Yes, sign again and send' }).click();
		await expect(november).toContainText('Delivered', { timeout: 20_000 });

		const final = await aggregator.held();
		expect(await storedChain(aggregator, final)).toEqual([
			{ bundleId: fromA.bundleId, digest: fromA.digest, previousDigest: null, period: '2026-09' },
			{
				bundleId: afterB[1].bundleId,
				digest: afterB[1].digest,
				previousDigest: fromA.digest,
				period: '2026-10'
			},
			{
				bundleId: final[2].bundleId,
				digest: final[2].digest,
				previousDigest: afterB[1].digest,
				period: '2026-11'
			}
		]);
		// Each device's list shows each report once, delivered.
		await expect(deviceA.getByTestId('bundle')).toHaveCount(2);
		await expect(deviceB.getByTestId('bundle')).toHaveCount(1);
	} finally {
		await deviceA.context().close();
		await deviceB.context().close();
		await aggregator.stop();
	}
});

test('offline, Send now waits for a network; no answer is said in words', async ({
	page,
	context
}) => {
	// Nothing listens on port 9 here: every send ends in the browser's network error.
	await setUpPartner(page, 'http://127.0.0.1:9');
	await markSeptemberReady(page);
	await page.getByRole('link', { name: 'Sync' }).click();
	const september = bundleEntry(page, 'September 2026');
	await expect(september).toContainText(/Next try .* \(no connection to the aggregator\)\./);
	await expect(page.getByText('Failed to fetch')).toHaveCount(0);
	const sendNow = page.getByRole('button', { name: 'Send now' });
	await expect(sendNow).toBeEnabled();

	await context.setOffline(true);
	await expect(sendNow).toBeDisabled();
	await expect(sendNow).toHaveAccessibleDescription(
		'You are offline. Waiting reports are sent by themselves as soon as a network is there.'
	);
	await context.setOffline(false);
	await expect(sendNow).toBeEnabled();
	await expect(
		page.getByText('You are offline. Waiting reports are sent by themselves')
	).toHaveCount(0);
});

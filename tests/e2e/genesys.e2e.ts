import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { FIXTURES } from './pages/reports';

const expected = JSON.parse(await readFile(`${FIXTURES}/expected.json`, 'utf8')).genesys;
const usd = (amount: string) =>
	new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'USD' }).format(Number(amount));

/** Imports one of the Genesys files on the tier page and waits for its count. */
async function importFile(
	page: Page,
	kind: string,
	file: string | { name: string; mimeType: string; buffer: Buffer },
	count: number
): Promise<void> {
	await page.getByLabel('The file holds').selectOption(kind);
	await page.locator('input[type=file]').setInputFiles(file);
	const name = typeof file === 'string' ? file.split('/').pop() : file.name;
	await expect(page.getByTestId('genesys-records-status')).toHaveText(
		`${name}: ${count} ${count === 1 ? 'record' : 'records'} stored.`
	);
}

test.describe('Genesys AppFoundry: KPI, tier, annual review and grace period', () => {
	// The browser speaks en-GB in Berlin (playwright.config.ts). The tier year runs on calendar days: the demo partner's day is fixed, after the 2026 review.
	test.beforeEach(async ({ page }) => {
		await page.clock.setFixedTime(new Date('2026-12-05T10:00:00Z'));
	});

	test('enrol, import, review into a grace period, recover it', async ({ page }) => {
		await page.goto('/settings');
		await page.locator('#company-name').fill('Muster IT-Services GmbH');
		await page.locator('input[value="genesys-appfoundry"]').check();
		await page.locator('#partner-id-genesys-appfoundry').fill('AF-1001');
		await page.getByRole('button', { name: 'Save settings' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'saved' })).toBeVisible();

		await page.getByRole('link', { name: 'Tier', exact: true }).click();
		await expect(page.getByTestId('tier-held')).toHaveText('Bronze');
		await importFile(page, 'listings', `${FIXTURES}/genesys/listings.csv`, 3);
		await importFile(page, 'leads', `${FIXTURES}/genesys/leads.csv`, 25);
		await importFile(page, 'revenue', `${FIXTURES}/genesys/revenue-2026.csv`, 64);
		await importFile(page, 'training', `${FIXTURES}/genesys/training.csv`, 8);

		// The recurring KPI of the fixtures: one-time revenue and 2025's December are left out.
		const revenue = expected['revenue-2026.csv'];
		await expect(page.getByTestId('kpi-today')).toHaveText(usd(revenue.recurring2026));
		await expect(
			page.getByText(`Genesys billing: ${usd(revenue.recurringBySource['genesys-billing'])}`)
		).toBeVisible();
		await expect(
			page.getByText(`${revenue.oneTimeRecords2026} one-time records not counted`)
		).toBeVisible();
		await expect(page.getByTestId('kpi-chart')).toBeVisible();
		await page.locator('summary', { hasText: 'KPI by month (table)' }).click();
		await expect(page.getByTestId('kpi-table').locator('tbody tr')).toHaveCount(12);
		const pipeline = expected['leads.csv'].byStatus;
		await expect(page.getByTestId('lead-pipeline')).toContainText(
			`New: ${pipeline.new} · Contacted: ${pipeline.contacted} · Qualified: ${pipeline.qualified} · Won: ${pipeline.won} · Lost: ${pipeline.lost}`
		);

		await expect(
			page.getByTestId('listings').locator('li', { hasText: 'Tidewell Survey Bridge' })
		).toContainText('not an ISV app in Genesys Cloud');

		// A lead entered by hand, forwarded to both, then qualified today.
		await page.getByText('Enter a lead').click();
		await page.locator('#lead-id').fill('AFL-HAND01');
		await page.getByLabel('Created on').fill('2026-12-02');
		await page.locator('#lead-listing').selectOption({ label: 'Tidewell Queue Insights' });
		await page.locator('#lead-customer').fill('Kvarnby Energi AB');
		await page.getByLabel('Forwarded to the listing owner on').fill('2026-12-02');
		await page.getByLabel('Forwarded to the Genesys rep on').fill('2026-12-03');
		await page.getByRole('button', { name: 'Save lead' }).click();
		await expect(page.locator('#leads-status')).toHaveText('Lead AFL-HAND01 saved.');
		await page.getByLabel('Status of AFL-HAND01').selectOption('qualified');
		await expect(page.locator('#leads-status')).toHaveText(
			'Lead AFL-HAND01: Qualified from today.'
		);
		await expect(page.getByTestId('lead-pipeline')).toContainText(
			`New: ${pipeline.new} · Contacted: ${pipeline.contacted} · Qualified: ${pipeline.qualified + 1}`
		);

		// The partner holds Silver since the 2025 review (its program statement), then the 2026
		// review finds it short: KPI 122,513.50 of 150,000 and no valid onboarding training.
		await page.getByText('Record the tier you hold', { exact: true }).click();
		await page.getByLabel('Tier', { exact: true }).selectOption('silver');
		await page.getByLabel('Held since').fill('2025-12-01');
		await page.getByRole('button', { name: 'Record tier' }).click();
		await expect(page.getByTestId('tier-held')).toHaveText('Silver');
		await page.getByRole('button', { name: 'Run the review' }).click();
		await expect(page.locator('#tier-status')).toHaveText(
			'The review of 1 December 2026 is in the tier history.'
		);
		await expect(page.getByTestId('grace-running')).toContainText('through 1 March 2027');
		await expect(page.getByTestId('tier-checks')).toContainText(
			'Silver: KPI minimum US$150,000.00, short by US$27,486.50'
		);
		await expect(page.getByTestId('tier-history')).toContainText('judged by pack 1.0.0');
		expect((await new AxeBuilder({ page }).analyze()).violations, 'tier page').toEqual([]);

		await page.getByRole('link', { name: 'Desk', exact: true }).click();
		await expect(page.getByTestId('genesys-desk-grace')).toHaveText(
			'Grace period: keep Silver by meeting it again until 1 March 2027.'
		);

		// Recovery: an onboarding completed inside the grace period, then the revenue that closes
		// the KPI gap; the tier is met on the later day, 4 December.
		await page.getByRole('link', { name: 'Tier', exact: true }).click();
		await importFile(
			page,
			'training',
			{
				name: 'onboarding.csv',
				mimeType: 'text/csv',
				buffer: Buffer.from(
					'Person,Role,Course,Completed,Expires\nMira Osei,Alliance Manager,AppFoundry Partner Onboarding,2026-12-03,2027-12-03\n'
				)
			},
			1
		);
		await expect(page.getByTestId('grace-running')).toBeVisible();
		await page.getByText('Enter a revenue record').click();
		await page.getByLabel('Invoice date').fill('2026-12-04');
		await page
			.getByLabel('Listing', { exact: true })
			.selectOption({ label: 'Tidewell Callback Planner' });
		await page.getByLabel('Customer', { exact: true }).fill('Nordhavn Shipping A/S');
		await page.getByLabel('Gross amount').fill('27486.50');
		await page.getByRole('button', { name: 'Save revenue' }).click();
		await expect(page.getByTestId('grace-recovered')).toHaveText(
			'Grace period: recovered on 4 December 2026; the tier is kept.'
		);
		await expect(page.getByTestId('tier-held')).toHaveText('Silver');

		// The rep of a won lead is owed the pack's 10 % of the sale: AFL-DEE898, won on 28 January
		// at 10,680.00 a year, gives 1,068.00 owed in 2026-Q1, then paid.
		await page.getByText('Record a marketplace sale').click();
		await page.getByLabel('From a won lead').selectOption('AFL-DEE898');
		await page.getByRole('button', { name: 'Save sale' }).click();
		await expect(page.getByTestId('compensation-quarters')).toContainText(
			'2026-Q11US$1,068.00US$0.00US$1,068.00'
		);
		await page.getByRole('button', { name: 'Mark paid' }).click();
		await expect(page.getByTestId('compensation-quarters')).toContainText(
			'2026-Q11US$1,068.00US$1,068.00US$0.00'
		);

		await page.getByRole('link', { name: 'Desk', exact: true }).click();
		await expect(page.getByTestId('genesys-desk')).toContainText('Tier: Silver');
		await expect(page.getByTestId('genesys-desk-grace')).toHaveCount(0);
	});

	test('a revenue file with a bad amount is refused whole, naming file, line and field', async ({
		page
	}) => {
		await page.goto('/settings');
		await page.locator('#company-name').fill('Muster IT-Services GmbH');
		await page.locator('input[value="genesys-appfoundry"]').check();
		await page.getByRole('button', { name: 'Save settings' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'saved' })).toBeVisible();
		await page.goto('/tier');
		await importFile(page, 'listings', `${FIXTURES}/genesys/listings.csv`, 3);
		const text = (await readFile(`${FIXTURES}/genesys/revenue-2026.csv`, 'utf8')).replace(
			',1150.00,USD',
			',11x0.00,USD'
		);
		await page.getByLabel('The file holds').selectOption('revenue');
		await page
			.locator('input[type=file]')
			.setInputFiles({ name: 'revenue-bad.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
		await expect(page.getByRole('alert')).toContainText('revenue-bad.csv, line 3');
		await expect(page.getByRole('alert')).toContainText('11x0.00');
		await expect(page.getByText('0 revenue records')).toBeVisible();
		await expect(page.getByTestId('kpi-today')).toHaveText('US$0.00');
	});
});

import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { waitForServiceWorker } from './pages/app';
import { FIXTURES, ReportsPage } from './pages/reports';

// The sample data's story happens on its demo day, inside the October review window.
test.beforeEach(async ({ page }) => {
	await page.clock.setFixedTime(new Date('2026-11-12T10:00:00+01:00'));
});

test('September (English) and October (German, offline) from file to ready', async ({
	page,
	context
}) => {
	const reports = new ReportsPage(page);
	await reports.open();
	await waitForServiceWorker(page);

	// September, English export, online.
	await reports.choose(`${FIXTURES}/omnissa/usage-2026-09.en.csv`);
	await expect(page.getByText('Total of the file: €75,138.10 over 43 lines')).toBeVisible();
	await expect(
		page.getByText(/^43 rows, utf-8, separator “,”, numbers as 1,234\.56$/)
	).toBeVisible();
	await reports.importAndOpen();
	await expect(page.getByRole('heading', { name: 'Usage report September 2026' })).toBeVisible();
	await expect(page.getByTestId('report-total')).toHaveText('€75,138.10');
	await reports.acknowledge(
		/was due by 15 October 2026/,
		'Other',
		'First report kept on this device'
	);
	await reports.markReady();
	await expect(page.getByText('Marked ready. The revision is frozen.')).toBeVisible();

	// October, German export, with the network off: the worker and every page are precached.
	await context.setOffline(true);
	await page.getByRole('link', { name: 'All reports' }).click();
	await reports.choose(`${FIXTURES}/omnissa/usage-2026-10.de.csv`);
	await expect(page.getByText('Total of the file: €77,220.34 over 46 lines')).toBeVisible();
	expect((await new AxeBuilder({ page }).analyze()).violations, 'checked import').toEqual([]);
	await expect(page.getByText(/numbers as 1\.234,56$/)).toBeVisible();
	await reports.importAndOpen();
	await expect(page.getByRole('heading', { name: 'Usage report October 2026' })).toBeVisible();
	await expect(page.getByTestId('report-total')).toHaveText('€77,220.34');
	await expect(
		page.getByText('1 blocking, 2 warnings to acknowledge, 0 acknowledged, 1 note')
	).toBeVisible();
	const ready = page.getByRole('button', { name: 'Mark ready' });
	await expect(ready).toBeDisabled();
	expect((await new AxeBuilder({ page }).analyze()).violations, 'report page').toEqual([]);

	const credit = reports.finding('Line 6: the quantity -6 is negative');
	await credit.getByLabel('Credit reason').fill('Six licences cancelled in September');
	await credit.getByRole('button', { name: 'Record credit' }).click();
	await expect(reports.finding('Line 6:')).toHaveCount(0);

	await reports.acknowledge(
		/TechnoForm.*quantity 140 last month, 185 now/,
		'Customer growth',
		'New site in Kassel'
	);
	await reports.acknowledge(
		/Bäckerei Hüttner KG.*missing now/,
		'Migration',
		'Moved to published desktops'
	);
	await expect(
		page.getByText('0 blocking, 0 warnings to acknowledge, 2 acknowledged, 1 note')
	).toBeVisible();
	await reports.markReady();
	await expect(page.getByText('Marked ready. The revision is frozen.')).toBeVisible();

	await page.reload();
	await expect(page.getByRole('heading', { name: 'Usage report October 2026' })).toBeVisible();
	await expect(page.locator('h1 .badge', { hasText: 'Ready' })).toBeVisible();
	await expect(
		page.getByText(/^Acknowledged: Customer growth, .* – New site in Kassel$/)
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Mark ready' })).toHaveCount(0);

	await page.getByRole('link', { name: 'All reports' }).click();
	const rows = page.locator('tbody tr');
	await expect(rows).toHaveCount(2);
	await expect(rows.nth(0)).toContainText('October 2026');
	await expect(rows.nth(0)).toContainText('Ready');
	await expect(rows.nth(0)).toContainText('€77,220.34');
	await expect(rows.nth(1)).toContainText('September 2026');

	// The same file again is recognised by its digest and not imported twice.
	await reports.choose(`${FIXTURES}/omnissa/usage-2026-10.de.csv`);
	await expect(
		page.getByText(/This exact file was imported already: report 2026-10, revision 1/)
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);
	await expect(rows).toHaveCount(2);
});

test('a file with bad rows names every line and column; nothing is stored until the user chooses', async ({
	page
}) => {
	const reports = new ReportsPage(page);
	await reports.open();
	await reports.choose(`${FIXTURES}/import/bad-rows.de.csv`);
	const problems = page.locator('ul.problems li');
	await expect(problems.first()).toBeVisible();
	await expect(problems.filter({ hasText: 'line 17, Menge' })).toContainText('zwölf');
	await expect(
		page.getByText('No reports yet. Import the first usage export above.')
	).toBeVisible();

	await page.getByRole('button', { name: /^Import the \d+ valid rows only$/ }).click();
	await page.getByRole('link', { name: 'Open the report' }).click();
	// The kept line whose total is not quantity × price is a blocking finding to correct.
	const mismatch = reports.finding(/^Line 19/);
	await expect(mismatch).toContainText('Blocking');
	// Prefilled as stored, without grouping, so it reads back as the same number.
	await expect(mismatch.getByLabel('Unit price')).toHaveValue('24.90');
	await mismatch.getByLabel('Total').fill('4,482.00');
	await mismatch.getByRole('button', { name: 'Save correction' }).click();
	await expect(reports.finding(/^Line 19/)).toHaveCount(0);
});

test('a binary file is refused with a clear message and stores nothing', async ({ page }) => {
	const reports = new ReportsPage(page);
	await reports.open();
	await reports.choose(`${FIXTURES}/import/binary.csv`);
	await expect(page.getByText('This file cannot be imported. Nothing was stored.')).toBeVisible();
	await expect(page.getByRole('alert').filter({ hasText: 'binary.csv' })).toBeVisible();
	await expect(
		page.getByText('No reports yet. Import the first usage export above.')
	).toBeVisible();
});

test('unknown columns are mapped once and the mapping is used again for the next file', async ({
	page
}) => {
	const reports = new ReportsPage(page);
	await reports.open();
	await reports.choose(`${FIXTURES}/import/unknown-headers.de.csv`);
	await expect(page.getByRole('heading', { name: 'Map the columns of this file' })).toBeVisible();
	await page.getByLabel('Service identifier (SID) (required)').selectOption({ label: 'Artikel' });
	await page.getByLabel('Quantity (required)').selectOption({ label: 'Stück' });
	await page.getByLabel('Unit price (required)').selectOption({ label: 'Preis' });
	// Optional since a file without totals imports (they are computed); this file has them.
	await page.getByLabel('Line total', { exact: true }).selectOption({ label: 'Wert' });
	await page.getByLabel('Number format').selectOption('de');
	await page.getByRole('button', { name: 'Check again with this mapping' }).click();
	await expect(page.getByText(/^Total of the file: €[\d.,]+ over \d+ lines?$/)).toBeVisible();
	await page.getByLabel('Reporting month').fill('2026-10');
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByText('Imported.')).toBeVisible();

	// Next month's file with the same header: the saved preset maps it without asking.
	await reports.choose(`${FIXTURES}/import/unknown-headers.de.csv`);
	await expect(page.getByText(/This exact file was imported already/)).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Map the columns of this file' })).toHaveCount(0);
});

test('a month without usage is an explicit choice; late usage for a closed month is an adjustment', async ({
	page
}) => {
	const reports = new ReportsPage(page);
	await reports.open();

	// August had no usage: the report says so, with no lines, only once the user confirms it.
	await page.getByLabel('Month without usage').fill('2026-08');
	const zero = page.getByRole('button', { name: 'Report zero usage' });
	await expect(zero).toBeDisabled();
	await page.getByLabel('I confirm there was no usage in August 2026.').check();
	await zero.click();
	await expect(page.getByRole('heading', { name: 'Usage report August 2026' })).toBeVisible();
	await expect(page.getByTestId('report-total')).toHaveText('€0.00');
	await page.getByText(/^\d+ notes?: new business/).click();
	await expect(page.getByText('No usage for August 2026, as confirmed.')).toBeVisible();

	// September goes out; then a customer's usage turns up late.
	await page.getByRole('link', { name: 'All reports' }).click();
	await reports.choose(`${FIXTURES}/omnissa/usage-2026-09.en.csv`);
	await reports.importAndOpen();
	await reports.acknowledge(
		/was due by 15 October 2026/,
		'Other',
		'First report kept on this device'
	);
	await reports.markReady();
	await expect(page.getByText('Marked ready. The revision is frozen.')).toBeVisible();

	await page.getByRole('link', { name: 'All reports' }).click();
	await page.getByLabel('Usage export (CSV)').setInputFiles({
		name: 'late-usage-2026-09.en.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(
			'Period,Service Identifier (SID),Customer,Product,SKU,Quantity,Unit Price (MSRP),Total (MSRP),Currency\r\n' +
				'2026-09,SID-4711-HZN-01,Bäckerei Hüttner KG,Published Applications (RDSH),OSP-APP-PUB-CCU,2,11.20,22.40,EUR\r\n'
		)
	});
	await expect(page.getByText('Total of the file: €22.40 over 1 line')).toBeVisible();
	await expect(page.getByText('This month’s report has gone out. The file is')).toBeVisible();
	expect((await new AxeBuilder({ page }).analyze()).violations, 'kind choice').toEqual([]);
	await page.getByRole('radio', { name: /an adjustment: late usage added to the month/ }).check();
	await reports.importAndOpen();
	await expect(page.getByText('Adjustment (late usage)')).toBeVisible();
	await expect(page.getByTestId('report-total')).toHaveText('€22.40');
	// Compared with nothing: September's other SIDs are not "missing" from an adjustment.
	await expect(reports.finding(/missing now/)).toHaveCount(0);

	await page.getByRole('link', { name: 'All reports' }).click();
	const rowOf = (month: string) =>
		page.locator('tbody tr').filter({ has: page.getByRole('link', { name: month }) });
	const september = rowOf('September 2026');
	await expect(september).toHaveCount(2);
	await expect(september.filter({ hasText: 'Adjustment' })).toContainText('€22.40');
	await expect(september.filter({ hasText: 'Ready' })).toContainText('€75,138.10');
	await expect(rowOf('August 2026')).toContainText('€0.00');
});

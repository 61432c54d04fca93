import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import {
	bundleEntry,
	downloadPublicKey,
	markSeptemberReady,
	registerKey,
	runAggregator,
	setUpPartner
} from './pages/delivery';
import { FIXTURES, ReportsPage } from './pages/reports';

const expected = JSON.parse(await readFile(`${FIXTURES}/expected.json`, 'utf8')).omnissa[
	'commit-contract.json'
];
const invoiceExpected = JSON.parse(await readFile(`${FIXTURES}/expected.json`, 'utf8')).omnissa[
	'aggregator-invoice-2026-09.csv'
];
const fixture = JSON.parse(await readFile(`${FIXTURES}/omnissa/commit-contract.json`, 'utf8'));

/** October's export, with every finding answered as the sample data's story does, marked ready. */
async function markOctoberReady(page: Page): Promise<void> {
	const reports = new ReportsPage(page);
	await reports.open();
	await reports.choose(`${FIXTURES}/omnissa/usage-2026-10.de.csv`);
	await reports.importAndOpen();
	const credit = reports.finding('Line 6: the quantity -6 is negative');
	await credit.getByLabel('Credit reason').fill('Six licences cancelled in September');
	await credit.getByRole('button', { name: 'Record credit' }).click();
	await expect(reports.finding('Line 6:')).toHaveCount(0);
	await reports.acknowledge(
		/TechnoForm.*quantity 140 last month, 185 now/,
		'Customer growth',
		'New site'
	);
	await reports.acknowledge(/Bäckerei Hüttner KG.*missing now/, 'Migration', 'Published desktops');
	// The real clock (the outbox's retries wait for it): October is late by now too.
	await reports.acknowledge(/was due by 15 November 2026/, 'Other', 'Reported late');
	await reports.markReady();
	await expect(
		page.getByText('Marked ready, signed and queued for ALSO Deutschland.')
	).toBeVisible();
}

/** The contract form, filled with the fixture contract's terms for the partner's aggregator. */
async function addFixtureContract(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Add contract' }).click();
	const form = page.locator('form', { has: page.getByRole('heading', { name: 'New contract' }) });
	await form.getByLabel('Contract id').fill('SPC-4711-2026-01');
	await form.getByLabel('Aggregator', { exact: true }).selectOption('also-de');
	await form.getByLabel('First month of the term').fill('2026-04');
	await form.getByLabel('Term in months').fill('12');
	await form.getByLabel('Committed amount at list price (MSRP)').fill('900000.00');
	const bands = fixture.discountBands.bands as { minAmountMsrp: string; discountPercent: string }[];
	await form
		.getByLabel('Discount bands')
		.fill(bands.map((band) => `${band.minAmountMsrp} ${band.discountPercent}`).join('\n'));
	await form.getByRole('button', { name: 'Save contract' }).click();
	await expect(page.getByTestId('contracts-status')).toHaveText('Contract SPC-4711-2026-01 saved.');
}

const euro = (value: string) =>
	`€${Number(value).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

test('a commit contract consumed by two delivered months: figures, chart and table, what-if', async ({
	page
}) => {
	const aggregator = await runAggregator();
	try {
		await setUpPartner(page, aggregator.url);
		await registerKey(aggregator.dataDir, await downloadPublicKey(page));
		await page.goto('/contracts');
		await addFixtureContract(page);
		const card = page.locator('article.contract', { hasText: 'SPC-4711-2026-01' });
		await expect(card.locator('[data-figure="consumed"]')).toHaveText('€0.00');
		await expect(card).toContainText('Example values: confirm them with your aggregator');

		await markSeptemberReady(page);
		await markOctoberReady(page);
		await page.getByRole('link', { name: 'Sync' }).click();
		await expect(bundleEntry(page, 'October 2026')).toContainText('Delivered', { timeout: 20_000 });
		await expect(bundleEntry(page, 'September 2026')).toContainText('Delivered');

		await page.getByRole('link', { name: 'Contracts' }).click();
		const figures = expected.afterOctoberReport_fixtureReportsOnly;
		const figure = (name: string) => card.locator(`[data-figure="${name}"]`);
		await expect(figure('consumed')).toHaveText(euro(figures.consumedToDate));
		await expect(figure('percent')).toHaveText(`${figures.consumedPercent} %`);
		await expect(figure('months')).toHaveText(
			`${figures.monthsReported} · ${figures.monthsLeftInTerm}`
		);
		await expect(figure('remaining')).toHaveText(euro(figures.remainingCommit));
		await expect(figure('run-rate')).toHaveText(euro(figures.runRate));
		await expect(figure('forecast')).toHaveText(euro(figures.forecastAtTermEnd));
		await expect(figure('shortfall')).toHaveText(euro(figures.projectedShortfall));
		await expect(figure('pending')).toHaveText('none');
		await expect(figure('band-commit')).toHaveText(
			`${expected.bandByCommit}, ${expected.bandByCommitDiscountPercent} % discount · Next: ${expected.nextBandByCommit}, ${euro(expected.distanceToNextBandByCommit)} away`
		);
		await expect(figure('band-consumption')).toHaveText(
			`${figures.bandByConsumed}, 5 % discount · Next: ${figures.nextBandByConsumed}, ${euro(figures.distanceToNextBandByConsumed)} away`
		);

		// The chart is drawn, and its table says the same month by month.
		await expect(card.locator('canvas')).toBeVisible();
		await card.locator('summary', { hasText: 'The burn-down as a table' }).click();
		const rows = card.locator('.chart-table tbody tr');
		await expect(rows).toHaveCount(12);
		await expect(rows.nth(5)).toContainText('September 2026');
		await expect(rows.nth(6)).toContainText('October 2026');
		await expect(rows.nth(6)).toContainText(euro(figures.consumedToDate));
		await expect(rows.nth(11)).toContainText('March 2027');
		await expect(rows.nth(11)).toContainText(euro(figures.forecastAtTermEnd));

		// What-if: 20 % more usage a month from now on. Run rate 76,179.22 × 1.2 = 91,415.064 a
		// month; forecast 152,358.44 + 5 × 91,415.064 = 609,433.76: shortfall 290,566.24, band-3.
		await card.getByLabel('percent of the run rate').check();
		await card.getByLabel('Change', { exact: true }).fill('20');
		await card.getByRole('button', { name: 'What if' }).click();
		await expect(card.getByTestId('what-if-result')).toHaveText(
			'Forecast €609,433.76 · shortfall €290,566.24 · band band-3'
		);
		// Nothing stored changed.
		await expect(figure('forecast')).toHaveText(euro(figures.forecastAtTermEnd));
		// For one customer: 20 % of Klinikverbund Oberau's October (36,628.40) = 7,325.68 a month
		// more; 152,358.44 + 5 × (76,179.22 + 7,325.68) = 569,882.94: shortfall 330,117.06.
		await card.getByLabel('For', { exact: true }).selectOption({
			label: 'Klinikverbund Oberau gGmbH (€36,628.40)'
		});
		await card.getByRole('button', { name: 'What if' }).click();
		await expect(card.getByTestId('what-if-result')).toHaveText(
			'Forecast €569,882.94 · shortfall €330,117.06 · band band-3'
		);

		// Net price: 1,000.05 at list price, band-3's 10 %: 900.045 → 900.04 (half-even).
		await card.getByLabel('Amount at list price').fill('1000.05');
		await expect(card.getByTestId('net-price')).toHaveText('Net after 10 %: €900.04');

		// The commercial rules: the shortfall, and customers of delivered months not in the register.
		const findings = page.getByTestId('commercial-findings');
		await expect(findings).toContainText(
			`Contract SPC-4711-2026-01: at the current run rate the term ends at ${euro(figures.forecastAtTermEnd)}, ${euro(figures.projectedShortfall)} short of the €900,000.00 committed.`
		);
		await expect(findings).toContainText(
			'Customer Bäckerei Hüttner KG in the September 2026 report is not in your customer register.'
		);
		// Registered with a contract that ended in August: now that is what the finding says.
		await page.getByRole('button', { name: 'Add customer' }).click();
		await page.getByLabel('Customer as the reports name it').fill('Bäckerei Hüttner KG');
		await page.getByLabel('Name', { exact: true }).fill('Bäckerei Hüttner KG');
		await page.getByLabel('Your contract with the customer (reference)').fill('MSA-2020-014');
		await page.getByLabel('Contract start').fill('2020-01-01');
		await page.getByLabel('Contract end (empty: open-ended)').fill('2026-08-31');
		await page.getByLabel('Services (comma-separated)').fill('Horizon, UEM');
		await page.getByRole('button', { name: 'Save customer' }).click();
		await expect(page.getByTestId('customers-status')).toHaveText(
			'Customer Bäckerei Hüttner KG saved.'
		);
		await expect(findings).toContainText(
			'Customer Bäckerei Hüttner KG: your contract ended on 31 August 2026, before September 2026.'
		);
		await expect(findings).not.toContainText('Bäckerei Hüttner KG in the September 2026 report');

		// The aggregator's September invoice against the delivered September report.
		await page
			.getByLabel('Import invoice (CSV)')
			.setInputFiles(`${FIXTURES}/omnissa/aggregator-invoice-2026-09.csv`);
		await expect(page.getByTestId('invoices-status')).toHaveText(
			'aggregator-invoice-2026-09.csv: invoice EXD-RE-2026-320939 for September 2026 imported.'
		);
		const invoice = page.getByTestId('invoice');
		await expect(invoice.getByTestId('invoice-summary')).toHaveText(
			`${invoiceExpected.matchedLines} of ${invoiceExpected.rows} lines match; 2 differences beyond the tolerance of €0.05.`
		);
		await expect(invoice.getByTestId('invoice-net-total')).toHaveText(
			`Invoice net minus what the report implies: ${euro(invoiceExpected.differenceNet)}`
		);
		const differences = invoice.getByTestId('invoice-difference');
		await expect(differences).toHaveCount(2);
		for (const planted of invoiceExpected.plantedDifferences) {
			const row = differences.filter({ hasText: planted.sid }).filter({ hasText: planted.sku });
			await expect(row).toContainText(
				planted.kind === 'quantity-differs' ? 'quantity differs' : 'price or discount differs'
			);
			await expect(row).toContainText(euro(planted.netDifference));
		}
		await expect(invoice.getByTestId('invoice-finding')).toHaveText(
			'Invoice EXD-RE-2026-320939 for September 2026: 2 differences are not explained.'
		);
		// An explanation that a spreadsheet would run as a formula is exported inert.
		await invoice
			.getByLabel('Comment for position 430')
			.fill('=HYPERLINK("x") credit note 18 users');
		await invoice
			.getByTestId('invoice-explanation')
			.filter({ has: page.getByLabel('Comment for position 430') })
			.getByRole('button', { name: 'Mark explained' })
			.click();
		await expect(invoice).toContainText('Explained: =HYPERLINK("x") credit note 18 users');
		await expect(invoice.getByTestId('invoice-finding')).toHaveText(
			'Invoice EXD-RE-2026-320939 for September 2026: 1 difference is not explained.'
		);
		const download = page.waitForEvent('download');
		await invoice.getByRole('button', { name: 'Export reconciliation (CSV)' }).click();
		const exported = await readFile(await (await download).path(), 'utf8');
		const csvRows = exported.trim().split('\r\n');
		expect(csvRows).toHaveLength(1 + invoiceExpected.rows);
		expect(csvRows.filter((row) => row.includes('matched'))).toHaveLength(
			invoiceExpected.matchedLines
		);
		expect(csvRows.find((row) => row.startsWith('430,'))).toBe(
			'430,Verbandsgemeinde Lindenau,SID-4711-UEM-01,OSP-UEM-ADV-USR,quantity-differs,146,164,911.92,1024.34,112.42,"\'=HYPERLINK(""x"") credit note 18 users"'
		);

		// A tolerance of 4.00 takes the aggregator's 3.40 rounding on Pos. 120 for a match.
		await invoice.getByLabel('Tolerance for net differences').fill('4');
		await invoice.getByRole('button', { name: 'Apply tolerance' }).click();
		await expect(invoice.getByTestId('invoice-summary')).toHaveText(
			'42 of 43 lines match; 1 difference beyond the tolerance of €4.00.'
		);

		// Booking points, October against September: 4 new or expansion, 6 reductions.
		const candidates = page.getByTestId('booking-candidate');
		await expect(candidates).toHaveCount(10);
		const ledger = page.getByTestId('booking-ledger');
		// 153.60 + 871.50 + 374.40 + 1,120.50 = 2,520.00
		await expect(ledger).toContainText('SPC-4711-2026-01 · October 2026: 2,520.00 points');
		await expect(ledger).toContainText('not counted: a reduction');
		const row = (customer: RegExp, sku: string) =>
			candidates.filter({ hasText: customer }).filter({ hasText: sku });
		await row(/^Alpenblick/, 'OSP-HZN-STD-CCU')
			.getByRole('button', { name: 'Reject' })
			.click();
		await row(/^TechnoForm/, 'OSP-HZN-STD-CCU')
			.getByRole('button', { name: 'Mark renewal' })
			.click();
		// 2,520.00 − 871.50 (rejected) − 1,120.50 (a renewal) = 528.00
		await expect(ledger).toContainText('SPC-4711-2026-01 · October 2026: 528.00 points');
		await expect(ledger).toContainText('not counted: rejected by you');
		await expect(ledger).toContainText('not counted: a renewal');
		// The partner's own amount for Alpenblick's Access users: 100.00 instead of 153.60.
		const access = row(/^Alpenblick/, 'OSP-ACC-USR');
		await access.getByText('Change the amount').click();
		await access.getByLabel('Amount at list price').fill('100');
		await access.getByRole('button', { name: 'Save amount' }).click();
		// 528.00 − 153.60 + 100.00 = 474.40
		await expect(ledger).toContainText('SPC-4711-2026-01 · October 2026: 474.40 points');
		await page.reload();
		await expect(page.getByTestId('booking-ledger')).toContainText(
			'SPC-4711-2026-01 · October 2026: 474.40 points'
		);

		expect((await new AxeBuilder({ page }).analyze()).violations, 'contracts page').toEqual([]);

		await page.getByRole('link', { name: 'Desk', exact: true }).click();
		await expect(page.getByTestId('desk-contracts')).toContainText(
			`Contract SPC-4711-2026-01: ${euro(figures.remainingCommit)} of the commitment remaining`
		);
		await expect(page.getByTestId('desk-contracts')).toContainText(
			`Shortfall forecast: ${euro(figures.projectedShortfall)}`
		);
		// September's invoice is in; October's is the one to reconcile next.
		await expect(page.getByTestId('desk-contracts')).toContainText(
			'Next invoice to reconcile: October 2026'
		);
	} finally {
		await aggregator.stop();
	}
});

test('the fixture contract imported as JSON counts its months before tracking; a renewal overlapping it is refused', async ({
	page
}) => {
	await page.goto('/settings');
	await page.locator('#company-name').fill('Muster IT-Services GmbH');
	await page.locator('input[value="omnissa-sp"]').check();
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'saved' })).toBeVisible();

	await page.goto('/contracts');
	await page
		.getByLabel('Import contract (JSON)')
		.setInputFiles(`${FIXTURES}/omnissa/commit-contract.json`);
	await expect(page.getByTestId('contracts-status')).toHaveText(
		'commit-contract.json: contract SPC-4711-2026-01 imported.'
	);
	const card = page.locator('article.contract', { hasText: 'SPC-4711-2026-01' });
	// No report went to AGG-EXD-DE here: only the aggregator's statements before tracking count.
	await expect(card.locator('[data-figure="consumed"]')).toHaveText(
		euro(expected.consumptionBeforeTrackingTotal)
	);

	// The same file again: its id is taken.
	await page
		.getByLabel('Import contract (JSON)')
		.setInputFiles(`${FIXTURES}/omnissa/commit-contract.json`);
	await expect(page.getByRole('alert')).toHaveText(
		'commit-contract.json: A contract with this id exists already.'
	);
	// A "renewal" starting in the old term's last month overlaps it.
	const overlapping = {
		...fixture,
		id: 'SPC-4711-2027-03',
		startDate: '2027-03-01',
		endDate: undefined,
		termMonths: 12
	};
	await page.getByLabel('Import contract (JSON)').setInputFiles({
		name: 'renewal.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(overlapping))
	});
	await expect(page.getByRole('alert')).toHaveText(
		'renewal.json: The term overlaps another contract with the same aggregator. A renewal starts after the old term’s last month.'
	);
	await page.getByLabel('Import contract (JSON)').setInputFiles({
		name: 'broken.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify({ ...fixture, committedAmountMsrp: 'nine hundred' }))
	});
	await expect(page.getByRole('alert')).toHaveText(
		'broken.json, field committedAmountMsrp: not valid.'
	);
	await expect(page.locator('article.contract')).toHaveCount(1);
});

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Request } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { downloadPublicKey, registerKey, runAggregator, setUpPartner } from './pages/delivery';
import { FIXTURES, ReportsPage } from './pages/reports';

/**
 * Issue 9, "Rows left out": September's export (43 rows, 75,138.10 EUR) with two rows the
 * importer cannot read, at lines 45 and 46. "Import the valid rows only" must not let the report
 * be marked ready until each is corrected into a line or left out with a reason, and the reason
 * travels in the signed bundle as `excludedRows`.
 */
const september = readFileSync(`${FIXTURES}/omnissa/usage-2026-09.en.csv`, 'utf8');
const LINE_45 =
	'2026-09,SID-4711-HZN-01,Nordlicht Logistik AG,Published Applications (RDSH),OSP-APP-PUB-CCU,Concurrent User,twelve,11.20,134.40,EUR,SPC-4711-2026-01';
const LINE_46 =
	'2026-09,,Internal Lab,Published Applications (RDSH),OSP-APP-PUB-CCU,Concurrent User,3,11.20,33.60,EUR,';
const file = {
	name: 'usage-2026-09-two-bad-rows.en.csv',
	mimeType: 'text/csv',
	buffer: Buffer.from(`${september}${LINE_45}\n${LINE_46}\n`)
};

function payloadOf(request: Request) {
	const jws = JSON.parse(request.postData() ?? '{}') as { payload: string };
	return JSON.parse(Buffer.from(jws.payload, 'base64url').toString('utf8'));
}

test('a partial import cannot be marked ready until its left-out rows are dealt with; the reason goes into the bundle', async ({
	page
}) => {
	// A long flow (settings, key, import, two decisions, signing, delivery) on a shared machine.
	test.setTimeout(180_000);
	const aggregator = await runAggregator();
	try {
		await setUpPartner(page, aggregator.url);
		await registerKey(aggregator.dataDir, await downloadPublicKey(page));

		const reports = new ReportsPage(page);
		await reports.open();
		await page.getByLabel('Usage export (CSV)').setInputFiles(file);
		await page.getByRole('button', { name: 'Import the 43 valid rows only' }).click();
		await page.getByRole('link', { name: 'Open the report' }).click();
		await expect(page.getByRole('heading', { name: /^Usage report / })).toBeVisible();

		const ready = page.getByRole('button', { name: 'Mark ready', exact: true });
		const leftOut = reports.finding(/rows? of the file (is|are) not in this report/);
		await expect(leftOut).toContainText('2 rows of the file are not in this report (line 45, 46).');
		await expect(leftOut).toContainText('Blocking');
		await expect(ready).toBeDisabled();
		await expect(page.getByTestId('report-total')).toHaveText('€75,138.10');

		// Each row shows its line, the import's problem and its cells.
		const panel = page.getByTestId('left-out-rows');
		const row45 = panel.getByRole('listitem', { name: 'Line 45' });
		const row46 = panel.getByRole('listitem', { name: 'Line 46' });
		await expect(row45).toContainText("'twelve' is not a number");
		await expect(row45.getByRole('table')).toContainText('Nordlicht Logistik AG');
		await expect(row46.getByRole('table')).toContainText('Internal Lab');
		expect((await new AxeBuilder({ page }).analyze()).violations, 'report page').toEqual([]);

		// (a) Corrected cells that still do not read stay a left-out row, with the problem shown.
		await row45.getByText('Correct into a line').click();
		await row45.getByLabel('Quantity').fill('12 pcs');
		await row45.getByRole('button', { name: 'Save as a report line' }).click();
		await expect(row45.getByRole('alert')).toContainText('line 45');
		await row45.getByLabel('Quantity').fill('12');
		await row45.getByRole('button', { name: 'Save as a report line' }).click();
		await expect(row45).toContainText('Corrected into a report line');
		await expect(page.getByTestId('report-total')).toHaveText('€75,272.50');
		await expect(leftOut).toContainText('1 row of the file is not in this report (line 46).');
		await expect(ready).toBeDisabled();

		// (b) Left out on purpose: a reason from the pack and words for the aggregator.
		await row46.getByText('Leave out with a reason').click();
		await row46.getByLabel('Reason').selectOption({ label: 'Not billable (internal, test, demo)' });
		const leaveOut = row46.getByRole('button', { name: 'Leave this row out' });
		await expect(leaveOut).toBeDisabled();
		await row46
			.getByLabel('Why (sent to the aggregator)')
			.fill('Internal lab tenant, never billed');
		await leaveOut.click();
		await expect(row46).toContainText(
			'Left out: Not billable (internal, test, demo) – Internal lab tenant, never billed'
		);
		await expect(leftOut).toHaveCount(0);

		// September is late by now (the real clock): that warning is acknowledged as usual.
		await reports.acknowledge(
			/was due by 15 October 2026/,
			'Other',
			'Reported late, agreed by phone'
		);
		await expect(ready).toBeEnabled();
		const posted = page.waitForRequest(
			(request) => request.method() === 'POST' && request.url() === `${aggregator.url}/bundles`
		);
		await reports.markReady();
		await expect(
			page.getByText('Marked ready, signed and queued for ALSO Deutschland.')
		).toBeVisible();

		const payload = payloadOf(await posted);
		expect(payload.excludedRows).toEqual([
			{
				line: 46,
				reason: 'not-billable: Internal lab tenant, never billed',
				cells: [
					'2026-09',
					'',
					'Internal Lab',
					'Published Applications (RDSH)',
					'OSP-APP-PUB-CCU',
					'Concurrent User',
					'3',
					'11.20',
					'33.60',
					'EUR',
					''
				]
			}
		]);
		expect(payload.lines).toHaveLength(44);
		expect(payload.totals).toEqual({ amount: '75272.50' });
		expect(payload.lines[43]).toMatchObject({
			sid: 'SID-4711-HZN-01',
			quantity: '12',
			unitPrice: '11.20',
			total: '134.40'
		});

		await page.getByRole('link', { name: 'Sync' }).click();
		await expect(page.getByTestId('bundle').first()).toContainText('Delivered', {
			timeout: 20_000
		});
		expect(await aggregator.held()).toHaveLength(1);
	} finally {
		await aggregator.stop();
	}
});

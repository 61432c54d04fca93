import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { ReportsPage } from './pages/reports';

/**
 * A German export without a total column whose quantities read `1.480`: as German thousands
 * 1480 devices, as English 1.48. Nothing in the file tells which, so the import asks.
 */
const HEADER = 'Zeitraum;Service-ID (SID);Kunde;Produkt;Einheit;Menge;Einzelpreis (UVP);Währung';
const ROWS = [
	'2026-10;SID-4711-UEM-01;Nordlicht Logistik AG;Workspace ONE UEM Essentials;Gerät;1.480;3,12;EUR',
	'2026-10;SID-4711-UEM-01;Stadtwerke Brunnental GmbH;Workspace ONE UEM Essentials;Gerät;2.350;3,12;EUR',
	'2026-10;SID-4711-HZN-01;Bäckerei Hüttner KG;Veröffentlichte Anwendungen (RDSH);Gleichzeitiger Benutzer;18;11,20;EUR'
];

function germanCsv(name: string, rows: string[]) {
	const text = `\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`;
	return { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') };
}

test.beforeEach(async ({ page }) => {
	await page.clock.setFixedTime(new Date('2026-11-12T10:00:00+01:00'));
});

test('a German file with ambiguous thousands asks, imports 1480 and remembers the answer', async ({
	page
}) => {
	const reports = new ReportsPage(page);
	await reports.open();
	await page.getByLabel('Usage export (CSV)').setInputFiles(germanCsv('usage-oct.csv', ROWS));

	// The question, with the first rows read both ways; nothing can be imported yet.
	const question = page.getByRole('alert').filter({
		has: page.getByRole('heading', { name: 'How are the numbers in this file written?' })
	});
	await expect(question).toBeVisible();
	await expect(question.getByText(/^2 rows read differently as German numbers/)).toBeVisible();
	const firstQuantity = question.getByRole('row').filter({ hasText: '1.480' });
	await expect(firstQuantity.getByRole('cell')).toHaveText([
		'2',
		'Quantity',
		'1.480',
		'1480',
		'1.48'
	]);
	await expect(page.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);
	expect((await new AxeBuilder({ page }).analyze()).violations, 'question').toEqual([]);

	await question.getByRole('button', { name: 'German: 1.234,56' }).click();
	await expect(page.getByText('Total of the file: €12,151.20 over 3 lines')).toBeVisible();
	await expect(
		page.getByText(/^3 rows, utf-8, separator “;”, numbers as 1\.234,56$/)
	).toBeVisible();
	await expect(page.getByText(/^The file has no total column/)).toBeVisible();
	await expect(
		page.getByRole('heading', { name: 'How are the numbers in this file written?' })
	).toHaveCount(0);
	await reports.importAndOpen();

	await expect(page.getByRole('heading', { name: 'Usage report October 2026' })).toBeVisible();
	await expect(page.getByTestId('report-total')).toHaveText('€12,151.20');
	// The line rows name the SID; the per-customer summary rows do not.
	const lineOf = (customer: string) =>
		page.getByRole('row').filter({ hasText: 'SID-4711-UEM-01' }).filter({ hasText: customer });
	const nordlicht = lineOf('Nordlicht Logistik AG');
	await expect(nordlicht).toContainText('1,480');
	await expect(nordlicht).toContainText('€4,617.60');
	const stadtwerke = lineOf('Stadtwerke Brunnental GmbH');
	await expect(stadtwerke).toContainText('2,350');
	// Among the notes (folded away): the totals were computed.
	await expect(reports.finding(/^The file had no total column/)).toHaveCount(1);
	await expect(reports.finding(/is not a whole number/)).toHaveCount(0);

	// The answer is kept with these columns: the next file of this layout is not asked about.
	await page.getByRole('link', { name: 'All reports' }).click();
	const next = ROWS.map((row) => row.replace('1.480', '1.520'));
	await page.getByLabel('Usage export (CSV)').setInputFiles(germanCsv('usage-oct-2.csv', next));
	await expect(page.getByText('Total of the file: €12,276.00 over 3 lines')).toBeVisible();
	await expect(
		page.getByRole('heading', { name: 'How are the numbers in this file written?' })
	).toHaveCount(0);
});

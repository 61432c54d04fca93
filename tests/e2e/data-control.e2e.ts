import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { FIXTURES, ReportsPage } from './pages/reports';

test('a month is deleted after typing it; everything after typing the word; counts per area follow', async ({
	page
}) => {
	await page.goto('/settings');
	await page.locator('#company-name').fill('Muster IT-Services GmbH');
	await page.locator('input[value="omnissa-sp"]').check();
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'saved' })).toBeVisible();

	const reports = new ReportsPage(page);
	await reports.open();
	await reports.choose(`${FIXTURES}/omnissa/usage-2026-09.en.csv`);
	await reports.importAndOpen();

	await page.goto('/settings');
	const areas = page.getByTestId('storage-areas');
	const count = (area: string) => areas.getByRole('row', { name: area, exact: false });
	await expect(count('Report revisions')).toContainText('1');
	// 43 lines fit one chunk of about 1,000.
	await expect(count('Report lines')).toContainText('1');

	const deleteMonth = page.getByRole('group', { name: 'Delete a month' });
	await deleteMonth.getByLabel('Month', { exact: true }).fill('2026-09');
	const button = deleteMonth.getByRole('button', { name: 'Delete the month' });
	await expect(button).toBeDisabled();
	await deleteMonth.getByLabel('Type the month (2026-09) to confirm').fill('2026-08');
	await expect(button).toBeDisabled();
	await deleteMonth.getByLabel('Type the month (2026-09) to confirm').fill('2026-09');
	await button.click();
	await expect(page.getByTestId('data-status')).toHaveText(
		'2026-09 deleted: 1 revision, 0 bundles.'
	);
	await expect(count('Report revisions')).toContainText('0');
	await expect(count('Report lines')).toContainText('0');
	expect((await new AxeBuilder({ page }).analyze()).violations, 'settings').toEqual([]);

	const everything = page.getByRole('group', { name: 'Delete everything' });
	await everything.getByLabel('Type DELETE to confirm').fill('DELETE');
	await everything.getByRole('button', { name: 'Delete everything' }).click();
	await expect(page.getByTestId('data-status')).toHaveText('Everything on this device is deleted.');
	await expect(count('Profile')).toContainText('0');
	// The log starts again with the one entry that records the deletion.
	await expect(count('Audit log entries')).toContainText('1');
	await page.goto('/');
	// The Desk is at its first run again.
	await expect(page.getByRole('heading', { name: 'Set up Partner Desk' })).toBeVisible();
});

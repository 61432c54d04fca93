import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { MUSTER, SettingsPage } from './pages/app';

async function exportBackup(page: Page): Promise<string> {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Export backup' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^partner-desk-backup-\d{4}-\d{2}-\d{2}\.json$/);
	return readFile(await download.path(), 'utf8');
}

/** Everything but the export time, which differs between two exports. */
function content(text: string): string {
	return text.replace(/"exportedAt": "[^"]+"/, '"exportedAt": "-"');
}

async function wipeDevice(page: Page): Promise<void> {
	await page.evaluate(
		() =>
			new Promise<void>((done, fail) => {
				const request = indexedDB.deleteDatabase('partner-desk');
				request.onsuccess = () => done();
				request.onerror = () => fail(request.error);
			})
	);
	await page.reload();
}

async function restoreFile(page: Page, name: string, text: string): Promise<void> {
	await page.getByLabel('Restore from file').setInputFiles({
		name,
		mimeType: 'application/json',
		buffer: Buffer.from(text)
	});
}

test.beforeEach(async ({ page }) => {
	const settings = new SettingsPage(page);
	await settings.open();
	await settings.fill(MUSTER);
	await settings.save();
	await expect(page.getByText('Settings saved.')).toBeVisible();
	await settings.addAggregator('TD SYNNEX Germany', 'td-synnex-de');
	await settings.addAggregator('ALSO Deutschland', 'also-de');
});

test('export, wipe, restore, export gives identical content', async ({ page }) => {
	const first = await exportBackup(page);
	expect(JSON.parse(first).data.aggregators).toHaveLength(2);

	await wipeDevice(page);
	await expect(page.getByLabel('Company name')).toHaveValue('');
	await expect(page.getByText('No aggregator yet.')).toBeVisible();

	await restoreFile(page, 'backup.json', first);
	const question = page.getByRole('alertdialog');
	await expect(question).toContainText('Restoring replaces all data on this device');
	await question.getByRole('button', { name: 'Restore from file' }).click();
	await expect(page.getByText('Backup restored.')).toBeVisible();
	await expect(page.getByLabel('Company name')).toHaveValue('Muster IT-Services GmbH');

	// The same content, and one audit entry more: the restore, chained onto the file's head.
	const second = JSON.parse(await exportBackup(page));
	const firstLog = JSON.parse(first).data.auditLog;
	expect(second.data.auditLog.pop()).toMatchObject({
		seq: firstLog.length + 1,
		action: 'restored',
		prev: firstLog.at(-1).hash,
		detail: { file: 'backup.json' }
	});
	expect(content(`${JSON.stringify(second, null, 2)}\n`)).toBe(content(first));
});

test('a truncated or foreign backup is refused and nothing changes', async ({ page }) => {
	const before = await exportBackup(page);

	await restoreFile(page, 'cut.json', before.slice(0, before.length / 2));
	await expect(page.getByRole('alert')).toHaveText(
		'cut.json: not a Partner Desk backup (the file is not valid JSON, it may be truncated). Nothing was changed.'
	);
	await restoreFile(page, 'package.json', '{"name":"partner-desk","version":"0.1.0"}');
	await expect(page.getByRole('alert')).toHaveText(
		'package.json: not a Partner Desk backup. Nothing was changed.'
	);

	const damaged = JSON.parse(before);
	damaged.data.profile.currency = 'EURO';
	await restoreFile(page, 'damaged.json', JSON.stringify(damaged));
	await expect(page.getByRole('alert')).toHaveText(
		'damaged.json: the backup is damaged at "data.profile.currency" (value "EURO"). Nothing was changed.'
	);
	await expect(page.getByRole('alertdialog')).toHaveCount(0);

	await page.reload();
	expect(content(await exportBackup(page))).toBe(content(before));
});

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

/** Exports with a passphrase (typed twice) and returns the file's bytes. */
async function exportEncrypted(page: Page, passphrase: string): Promise<Buffer> {
	await page.getByLabel('Passphrase (optional)').fill(passphrase);
	await page.getByLabel('Passphrase again').fill(passphrase);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Export backup' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^partner-desk-backup-\d{4}-\d{2}-\d{2}\.pdbackup$/);
	await expect(page.getByText(/^Encrypted backup .* exported\./)).toBeVisible();
	await page.getByLabel('Passphrase (optional)').fill('');
	await page.getByLabel('Passphrase again').fill('');
	return readFile(await download.path());
}

async function restoreBytes(page: Page, name: string, bytes: Buffer): Promise<void> {
	await page.getByLabel('Restore from file').setInputFiles({
		name,
		mimeType: 'application/octet-stream',
		buffer: bytes
	});
}

/** Each stored table of a backup, record by record, equal to the other's (export time aside). */
function expectSameRecords(actual: string, expected: string): void {
	const a = JSON.parse(actual).data as Record<string, unknown>;
	const b = JSON.parse(expected).data as Record<string, unknown>;
	expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
	for (const [table, records] of Object.entries(b)) {
		if (!Array.isArray(records)) {
			expect(a[table], table).toEqual(records);
			continue;
		}
		expect(a[table], `${table}: count`).toHaveLength(records.length);
		records.forEach((record, i) =>
			expect((a[table] as unknown[])[i], `${table}[${i}]`).toEqual(record)
		);
	}
}

const PASSPHRASE = 'korrekt Pferd Batterie Heftklammer';

test('encrypted backup, wipe, restore: an export identical to the first', async ({ page }) => {
	const first = await exportBackup(page);
	const encrypted = await exportEncrypted(page, PASSPHRASE);
	// Nothing of the content is readable in the file: only its format header is text.
	expect(encrypted.subarray(0, 8).toString('latin1')).toBe('PDESKENC');
	expect(encrypted.includes(Buffer.from('Muster IT-Services GmbH'))).toBe(false);
	expect(encrypted.includes(Buffer.from('ALSO Deutschland'))).toBe(false);

	await wipeDevice(page);
	await expect(page.getByLabel('Company name')).toHaveValue('');

	await restoreBytes(page, 'backup.pdbackup', encrypted);
	await expect(page.getByRole('alert')).toHaveText(
		'backup.pdbackup: this backup is encrypted. Enter its passphrase to restore it. Nothing was changed.'
	);
	await page.getByLabel('Passphrase of backup.pdbackup').fill('wrong horse');
	await page.getByRole('button', { name: 'Open the backup' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'backup.pdbackup: the passphrase does not open this backup. Check it and try again. Nothing was changed.'
	);
	await expect(page.getByLabel('Company name')).toHaveValue('');

	await page.getByLabel('Passphrase of backup.pdbackup').fill(PASSPHRASE);
	await page.getByRole('button', { name: 'Open the backup' }).click();
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
		detail: { file: 'backup.pdbackup' }
	});
	expect(content(`${JSON.stringify(second, null, 2)}\n`)).toBe(content(first));
});

test('a damaged or cut-off encrypted backup leaves the data on the device untouched', async ({
	page
}) => {
	const settings = new SettingsPage(page);
	const encrypted = await exportEncrypted(page, PASSPHRASE);
	// The device moves on after the backup: a restore would lose this aggregator.
	await settings.addAggregator('Ingram Micro', 'ingram-de');
	const before = await exportBackup(page);
	expect(JSON.parse(before).data.aggregators).toHaveLength(3);

	// One byte flipped in the middle of the ciphertext: that part fails its check.
	const damaged = Buffer.from(encrypted);
	damaged[damaged.length - 40] ^= 0x01;
	await restoreBytes(page, 'damaged.pdbackup', damaged);
	await page.getByLabel('Passphrase of damaged.pdbackup').fill(PASSPHRASE);
	await page.getByRole('button', { name: 'Open the backup' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		/^damaged\.pdbackup: the encrypted backup is damaged \(part \d+ fails its check\)\. Nothing was changed\.$/
	);
	await expect(page.getByRole('alertdialog')).toHaveCount(0);

	const cut = encrypted.subarray(0, encrypted.length - 20);
	await restoreBytes(page, 'cut.pdbackup', cut);
	await page.getByLabel('Passphrase of cut.pdbackup').fill(PASSPHRASE);
	await page.getByRole('button', { name: 'Open the backup' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'cut.pdbackup: the encrypted backup is incomplete (it was cut off). Nothing was changed.'
	);
	await expect(page.getByRole('alertdialog')).toHaveCount(0);

	await page.reload();
	expectSameRecords(await exportBackup(page), before);
});

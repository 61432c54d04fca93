import { expect, test } from '@playwright/test';
import { MUSTER, SettingsPage } from './pages/app';

test('settings survive a reload and show on the Desk', async ({ page }) => {
	const settings = new SettingsPage(page);
	await settings.open();
	await settings.fill(MUSTER);
	await settings.save();
	await expect(page.getByText('Settings saved.')).toBeVisible();
	await settings.addAggregator('TD SYNNEX Germany', 'td-synnex-de');

	await page.reload();
	await expect(page.getByLabel('Company name')).toHaveValue('Muster IT-Services GmbH');
	await expect(page.getByLabel('Partner id for Omnissa Service Provider')).toHaveValue('SP-4711');
	await expect(page.getByLabel('Partner id for Genesys AppFoundry ISV')).toHaveValue('AF-0815');
	await expect(page.getByRole('checkbox', { name: /Omnissa Service Provider/ })).toBeChecked();
	await expect(page.getByRole('checkbox', { name: /Genesys AppFoundry ISV/ })).toBeChecked();
	await expect(page.getByText('td-synnex-de')).toBeVisible();

	await page.getByRole('link', { name: 'Desk', exact: true }).click();
	await expect(
		page.getByRole('heading', { name: 'Welcome, Muster IT-Services GmbH' })
	).toBeVisible();
	await expect(page.getByText('Partner id: SP-4711')).toBeVisible();
	await expect(page.getByText(/^Usage report /)).toBeVisible();
});

test('German is chosen in settings and kept', async ({ page }) => {
	const settings = new SettingsPage(page);
	await settings.open();
	await settings.fill({ ...MUSTER, language: 'de' });
	await settings.save();
	await expect(page.getByRole('heading', { name: 'Einstellungen', level: 1 })).toBeVisible();
	await page.reload();
	await expect(page.getByText('Einstellungen gespeichert.')).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Übersicht' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	await page.getByRole('link', { name: 'Übersicht' }).click();
	await expect(
		page.getByRole('heading', { name: 'Willkommen, Muster IT-Services GmbH' })
	).toBeVisible();
	await expect(page.getByText('Termine aus dem Programmpaket', { exact: false })).toBeVisible();
});

test('a malformed value is named next to its field and nothing is stored', async ({ page }) => {
	const settings = new SettingsPage(page);
	await settings.open();
	await settings.fill(MUSTER);
	await settings.save();
	await expect(page.getByText('Settings saved.')).toBeVisible();

	await settings.fill({
		...MUSTER,
		company: 'Changed GmbH',
		currency: 'EURO',
		timeZone: 'Europe/Atlantis'
	});
	await settings.save();
	await expect(page.getByLabel('Default currency')).toHaveAccessibleDescription(
		'Use a three-letter ISO 4217 code such as EUR.'
	);
	await expect(page.getByLabel('Time zone')).toHaveAccessibleDescription(
		'"Europe/Atlantis" is not a known time zone. Reporting months and deadlines are counted in this zone.'
	);
	await expect(page.getByText('Please correct the marked fields.')).toBeVisible();

	page.on('dialog', (dialog) => dialog.accept());
	await page.reload();
	await expect(page.getByLabel('Company name')).toHaveValue('Muster IT-Services GmbH');
	await expect(page.getByLabel('Default currency')).toHaveValue('EUR');
});

test('a full disk is explained and the stored settings stay as they were', async ({ page }) => {
	const settings = new SettingsPage(page);
	await settings.open();
	await settings.fill(MUSTER);
	await settings.save();
	await expect(page.getByText('Settings saved.')).toBeVisible();

	// Simulate the quota running out: every IndexedDB write fails as Chromium fails it.
	await page.evaluate(() => {
		for (const method of ['put', 'add'] as const) {
			IDBObjectStore.prototype[method] = function () {
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			};
		}
	});
	await settings.fill({ ...MUSTER, company: 'Lost GmbH' });
	await settings.save();
	await expect(page.getByRole('alert')).toHaveText(
		'The device storage is full; nothing was changed. Free space or export a backup, then try again.'
	);
	await expect(page.getByLabel('Company name')).toHaveValue('Lost GmbH');

	page.on('dialog', (dialog) => dialog.accept());
	await page.reload();
	await expect(page.getByLabel('Company name')).toHaveValue('Muster IT-Services GmbH');
});

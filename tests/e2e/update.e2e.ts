import { expect, test } from '@playwright/test';
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startOwnHost, waitForServiceWorker } from './pages/app';

test('a new version waits for the user, who is never reloaded with unsaved input', async ({
	page
}) => {
	const host = await startOwnHost();
	try {
		await page.goto(`${host.url}/settings`);
		await waitForServiceWorker(page);
		await expect(page.getByText('Partner Desk now works offline.')).toBeVisible();
		// The app as a returning user has it: loaded by the service worker. (A page
		// it does not control lets a new worker activate at once, by the spec.)
		await page.reload();
		expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

		// Deploy a new version: any byte change of sw.js is a new service worker.
		await appendFile(join(host.dir, 'sw.js'), '\n// next deployment\n');
		await page.getByLabel('Company name').fill('Typing, not saved');
		await page.evaluate(async () => {
			const registration = await navigator.serviceWorker.getRegistration();
			await registration?.update();
		});

		await expect(page.getByText('A new version of Partner Desk is ready.')).toBeVisible();
		const updateNow = page.getByRole('button', { name: 'Update now' });
		await expect(updateNow).toBeDisabled();
		await expect(page.getByText('Save or discard your unsaved changes first')).toBeVisible();
		await expect
			.poll(() =>
				page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state)
			)
			.toBe('installed');
		await expect(page.getByLabel('Company name')).toHaveValue('Typing, not saved');

		await page.getByRole('button', { name: 'Discard changes' }).click();
		await expect(updateNow).toBeEnabled();
		await Promise.all([page.waitForEvent('load'), updateNow.click()]);
		await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
		await expect(page.getByText('A new version of Partner Desk is ready.')).toHaveCount(0);
		expect(
			await page.evaluate(async () => {
				const registration = await navigator.serviceWorker.getRegistration();
				return {
					waiting: !!registration?.waiting,
					controlled: !!navigator.serviceWorker.controller
				};
			})
		).toEqual({ waiting: false, controlled: true });
	} finally {
		await host.close();
	}
});

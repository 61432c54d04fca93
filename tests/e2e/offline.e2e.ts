import { expect, test } from '@playwright/test';
import { startOwnHost, waitForServiceWorker } from './pages/app';

test('after the first visit the Desk and never-visited pages load with no network and no host', async ({
	page,
	context
}) => {
	const host = await startOwnHost();
	await page.goto(`${host.url}/`);
	await expect(page.getByRole('heading', { name: 'Desk', level: 1 })).toBeVisible();
	await waitForServiceWorker(page);

	// Both at once: the browser is offline and the static host is gone.
	await context.setOffline(true);
	await host.close();

	await page.reload();
	await expect(page.getByRole('heading', { name: 'Desk', level: 1 })).toBeVisible();
	await expect(page.getByText('Offline: working on this device')).toBeVisible();

	await page.goto(`${host.url}/tier`);
	await expect(page.getByRole('heading', { name: 'Tier', level: 1 })).toBeVisible();

	// Client-side navigation to another unvisited page.
	await page.getByRole('link', { name: 'Settings', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
	await expect(page.getByLabel('Company name')).toBeEditable();
});

import { expect, test } from '@playwright/test';
import { startOwnHost, waitForServiceWorker } from './pages/app';

// A partner's first visit is often a link two levels deep (a report someone sent, the pack
// settings). The service worker must still be registered from the root, or that visit never
// works offline and the browser shows its own error page.
test('a first visit on a nested page installs the service worker at the root, and that page and the Desk load offline', async ({
	page,
	context
}) => {
	const host = await startOwnHost();
	await page.goto(`${host.url}/settings/pack`);
	await expect(page.getByRole('heading', { name: /^Program pack: /, level: 1 })).toBeVisible();

	await expect
		.poll(() =>
			page.evaluate(async () => {
				const registration = await navigator.serviceWorker.getRegistration();
				return (
					registration && {
						scope: registration.scope,
						script: (registration.installing ?? registration.waiting ?? registration.active)
							?.scriptURL
					}
				);
			})
		)
		.toEqual({ scope: `${host.url}/`, script: `${host.url}/sw.js` });
	await waitForServiceWorker(page);

	await context.setOffline(true);
	await host.close();

	await page.reload();
	await expect(page.getByRole('heading', { name: /^Program pack: /, level: 1 })).toBeVisible();

	await page.goto(`${host.url}/`);
	await expect(page.getByRole('heading', { name: 'Desk', level: 1 })).toBeVisible();
	await expect(page.getByText('Offline: working on this device')).toBeVisible();

	// A report link that was never opened: the app answers, not the browser's error page.
	await page.goto(`${host.url}/reports/not-on-this-device`);
	await expect(page.getByText('This report does not exist on this device.')).toBeVisible();
});

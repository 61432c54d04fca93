import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { MUSTER } from './pages/app';

const ROUTES = [
	'/',
	'/reports',
	'/contracts',
	'/tier',
	'/reviews',
	'/audit',
	'/sync',
	'/settings',
	'/settings/pack'
];

for (const language of ['en', 'de'] as const) {
	test.describe(`in ${language === 'en' ? 'English' : 'German'}`, () => {
		test.use({ locale: language === 'en' ? 'en-GB' : 'de-DE' });

		test('every page has no axe violations, on first run and with data', async ({ page }) => {
			// Every page twice, each with a full axe run: about 45 s alone, more beside another test.
			test.slow();
			for (const route of ROUTES) {
				await page.goto(route);
				await expect(page.locator('h1')).toBeVisible();
				await expect(page.locator('html')).toHaveAttribute('lang', language);
				const { violations } = await new AxeBuilder({ page }).analyze();
				expect(violations, `${route} (first run)`).toEqual([]);
			}

			await page.goto('/settings');
			await page.locator('#company-name').fill(MUSTER.company);
			await page.locator('#partner-id-omnissa-sp').fill('SP-4711');
			await page.locator('input[value="omnissa-sp"]').check();
			await page.locator('#language').selectOption(language);
			await page.locator('button[type="submit"]').first().click();
			await expect(page.getByRole('status').filter({ hasText: /saved|gespeichert/ })).toBeVisible();
			await page.locator('#currency').fill('EURO');
			await page.locator('button[type="submit"]').first().click();
			await expect(page.locator('#currency-error')).toBeVisible();
			expect((await new AxeBuilder({ page }).analyze()).violations, 'settings with errors').toEqual(
				[]
			);

			for (const route of ROUTES.slice(0, 1)) {
				page.on('dialog', (dialog) => dialog.accept());
				await page.goto(route);
				await expect(page.getByText('SP-4711', { exact: false })).toBeVisible();
				expect((await new AxeBuilder({ page }).analyze()).violations, `${route} with data`).toEqual(
					[]
				);
			}
		});
	});
}

test('the keyboard reaches every page from the skip link and the navigation', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Desk', level: 1 })).toBeVisible();
	const order = [
		'Skip to content',
		'Partner Desk',
		'Desk',
		'Reports',
		'Contracts',
		'Tier',
		'Reviews',
		'Audit log',
		'Sync',
		'Settings'
	];
	for (const name of order) {
		await page.keyboard.press('Tab');
		await expect(page.getByRole('link', { name, exact: true })).toBeFocused();
	}
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
	// After a navigation focus starts over: the skip link leads into the page.
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
	await page.keyboard.press('Enter');
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Company name')).toBeFocused();
});

import { defineConfig, devices } from '@playwright/test';
import { E2E_PORT } from './tests/e2e/pages/port';
import { chromiumPath } from './scripts/chromium-path.js';

/**
 * End-to-end tests on the system Chromium (never a downloaded browser) against
 * the built app, served as a static host serves it (scripts/serve.js).
 * `npm run test:e2e` builds first.
 */
export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${E2E_PORT}`,
		locale: 'en-GB',
		timezoneId: 'Europe/Berlin',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: chromiumPath,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update'
			]
		}
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
	webServer: {
		command: `node scripts/serve.js --dir build --port ${E2E_PORT}`,
		url: `http://127.0.0.1:${E2E_PORT}/`,
		reuseExistingServer: false
	}
});

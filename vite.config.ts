import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumPath } from './scripts/chromium-path.js';

// The aggregator's tests run on PGlite in the node project; with a PostgreSQL server named here
// (.ci/run starts one) they run a second time against it, each test in a schema of its own.
const testDatabaseUrl = process.env.PARTNER_DESK_TEST_DATABASE_URL;

export default defineConfig({
	plugins: [
		sveltekit(),
		SvelteKitPWA({
			strategies: 'generateSW',
			// The app asks before it activates a new version: a reload must never
			// throw away what the user is typing.
			registerType: 'prompt',
			injectRegister: false,
			// From the root, whatever page is the first one visited: SvelteKit's relative
			// base would register `./sw.js` below /settings/pack or /reports/<id>, where
			// there is no worker, and that first visit would never work offline.
			buildBase: '/',
			scope: '/',
			manifest: {
				name: 'Partner Desk',
				short_name: 'Partner Desk',
				description: 'Partner program reports, checked on your device',
				lang: 'en',
				start_url: '/',
				scope: '/',
				display: 'standalone',
				theme_color: '#1f4e79',
				background_color: '#f6f7f9',
				icons: [
					{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
					{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
					{
						src: '/icons/icon-maskable-512.png',
						sizes: '512x512',
						type: 'image/png',
						purpose: 'maskable'
					}
				]
			},
			workbox: {
				globPatterns: ['client/**/*.{js,css,html,ico,png,svg,webmanifest,woff2}'],
				navigateFallback: '/200.html'
			},
			// Without these the fallback page is not precached and unvisited routes fail offline.
			kit: { adapterFallback: '200.html', spa: true }
		})
	],
	optimizeDeps: {
		// Listed so vitest browser mode does not reload mid-run while Vite discovers them.
		include: ['dexie', 'zod', 'big.js', 'papaparse', 'workbox-window', 'jose', 'canonicalize']
	},
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: true,
				test: {
					name: 'node',
					environment: 'node',
					include: ['src/**/*.test.ts', 'aggregator/**/*.test.ts', 'scripts/**/*.test.ts'],
					exclude: ['src/**/*.svelte.test.ts', 'src/**/*.browser.test.ts'],
					setupFiles: ['./tests/setup-messages.ts']
				}
			},
			...(testDatabaseUrl
				? [
						{
							extends: true as const,
							test: {
								name: 'aggregator-postgres',
								environment: 'node',
								include: ['aggregator/**/*.test.ts'],
								env: { PARTNER_DESK_TEST_BACKEND: 'postgres' }
							}
						}
					]
				: []),
			{
				extends: true,
				plugins: [svelteTesting()],
				test: {
					name: 'components',
					environment: 'jsdom',
					include: ['src/**/*.svelte.test.ts'],
					setupFiles: ['./tests/setup-jsdom.ts', './tests/setup-messages.ts']
				}
			},
			{
				extends: true,
				test: {
					name: 'browser',
					include: ['src/**/*.browser.test.ts'],
					setupFiles: ['./tests/setup-messages.ts'],
					browser: {
						enabled: true,
						headless: true,
						provider: playwright({
							launchOptions: {
								executablePath: chromiumPath,
								args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking']
							}
						}),
						instances: [{ browser: 'chromium' }]
					}
				}
			}
		]
	}
});

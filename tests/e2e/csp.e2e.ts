import { expect, test } from '@playwright/test';
import { waitForServiceWorker } from './pages/app';
import {
	bundleEntry,
	downloadPublicKey,
	markSeptemberReady,
	registerKey,
	runAggregator,
	setUpPartner
} from './pages/delivery';

type Violation = { directive: string; blocked: string; source: string };

declare global {
	interface Window {
		violations: Violation[];
	}
}

// DESIGN.md "Data safety": no host but the app and the configured aggregator, and a policy that
// the whole session keeps to: import (in its worker), review, ready, deliver, service worker.
test('a full session keeps to the Content Security Policy and talks to no other host', async ({
	page,
	context,
	baseURL
}) => {
	await context.addInitScript(() => {
		window.violations = [];
		document.addEventListener('securitypolicyviolation', (event) =>
			window.violations.push({
				directive: event.effectiveDirective,
				blocked: event.blockedURI,
				source: event.sourceFile
			})
		);
	});
	// Workers report violations to the console only; so does the page.
	const refused: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
	});
	const origins = new Set<string>();
	context.on('request', (request) => {
		const url = new URL(request.url());
		if (url.protocol === 'http:' || url.protocol === 'https:') origins.add(url.origin);
	});

	const aggregator = await runAggregator();
	try {
		const response = await page.goto('/');
		await waitForServiceWorker(page);
		const meta = await page
			.locator('meta[http-equiv="content-security-policy"]')
			.getAttribute('content');
		expect(meta).toMatch(/^default-src 'self'; /);
		expect(directive(meta!, 'script-src')).toMatch(/^'self'( 'sha256-[A-Za-z0-9+/]+=*')+$/);
		expect(directive(meta!, 'connect-src')).toBe(
			"'self' https: http://127.0.0.1:* http://localhost:*"
		);
		expect(directive(meta!, 'worker-src')).toBe("'self'");
		expect(directive(meta!, 'style-src')).toBe("'self'");
		expect(directive(meta!, 'object-src')).toBe("'none'");
		expect(directive(meta!, 'base-uri')).toBe("'none'");
		// One style attribute is allowed, by hash: SvelteKit's route announcer (svelte.config.js).
		expect(directive(meta!, 'style-src-attr')).toMatch(
			/^'unsafe-hashes' 'sha256-[A-Za-z0-9+/]+=*'$/
		);
		expect(meta).not.toMatch(/unsafe-inline|unsafe-eval/);
		// The static host sends the same policy as a header, plus what only a header can say.
		expect(response!.headers()['content-security-policy']).toBe(`${meta}; frame-ancestors 'none'`);

		await setUpPartner(page, aggregator.url);
		await registerKey(aggregator.dataDir, await downloadPublicKey(page));
		await markSeptemberReady(page);
		await page.getByRole('link', { name: 'Sync' }).click();
		const september = bundleEntry(page, 'September 2026');
		await expect(september).toContainText('Delivered', { timeout: 20_000 });
		expect(await aggregator.held()).toHaveLength(1);

		expect(await page.evaluate(() => window.violations)).toEqual([]);
		expect(refused).toEqual([]);
		expect([...origins].sort()).toEqual([baseURL, aggregator.url].sort());
	} finally {
		await aggregator.stop();
	}
});

function directive(policy: string, name: string): string | undefined {
	return policy
		.split(';')
		.map((part) => part.trim())
		.find((part) => part.startsWith(`${name} `))
		?.slice(name.length + 1);
}

import { expect, test, type Page } from '@playwright/test';
import { bundleEntry, markSeptemberReady, setUpPartner } from './pages/delivery';

// The aggregator is played by page.route: these answers are what a faulty or busy aggregator
// (or a proxy in front of it) sends, which the reference aggregator never does.
const ENDPOINT = 'http://127.0.0.1:9/agg';

/** Answers every POST /bundles with `answer`; counts them. */
async function aggregatorAnswers(
	page: Page,
	answer: (request: { bundleId: string }) => {
		status: number;
		headers?: Record<string, string>;
		body: unknown;
	}
) {
	const posts: string[] = [];
	await page.route(`${ENDPOINT}/bundles`, async (route) => {
		if (route.request().method() !== 'POST') return route.fulfill({ json: { bundles: [] } });
		const bundleId = route.request().headers()['idempotency-key'];
		posts.push(bundleId);
		const { status, headers, body } = answer({ bundleId });
		await route.fulfill({ status, headers, contentType: 'application/json', json: body });
	});
	return posts;
}

test('a receipt that names another bundle is not a delivery: shown as such, not sent again', async ({
	page
}) => {
	const other = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
	const posts = await aggregatorAnswers(page, () => ({
		status: 201,
		body: { bundleId: other, receivedAt: '2026-11-12T10:00:00.000Z', digest: 'AAAA' }
	}));
	await setUpPartner(page, ENDPOINT);
	await markSeptemberReady(page);
	await page.getByRole('link', { name: 'Sync' }).click();
	const september = bundleEntry(page, 'September 2026');
	await expect(september).toContainText('Refused');
	await expect(september).toContainText(
		'Not delivered: the aggregator answered 201, but its receipt names another bundle or another digest than this one.'
	);
	await expect(september).toContainText(`receipt: bundleId ${other}, digest AAAA`);
	await expect(september).not.toContainText('Delivered');
	await expect(september.getByRole('button', { name: 'Retry' })).toBeVisible();
	expect(posts).toHaveLength(1);
});

test('a 429 with Retry-After keeps the bundle queued until then', async ({ page }) => {
	const posts = await aggregatorAnswers(page, () => ({
		status: 429,
		// A browser shows a cross-origin script only the headers CORS exposes.
		headers: { 'Retry-After': '3600', 'Access-Control-Expose-Headers': 'Retry-After' },
		body: { title: 'Too Many Requests', status: 429 }
	}));
	await setUpPartner(page, ENDPOINT);
	await markSeptemberReady(page);
	await page.getByRole('link', { name: 'Sync' }).click();
	const september = bundleEntry(page, 'September 2026');
	await expect(september).toContainText('Queued');
	await expect(september).toContainText(/Next try .* \(the aggregator answered 429\)\./);
	expect(posts.length).toBeGreaterThan(0);
	// An hour from the answer, as the aggregator asked, not the 2-4 s first backoff.
	const stored = await page.evaluate(
		() =>
			new Promise<{ state: string; wait: number }>((done, fail) => {
				const open = indexedDB.open('partner-desk');
				open.onerror = () => fail(open.error);
				open.onsuccess = () => {
					const read = open.result.transaction('bundles').objectStore('bundles').getAll();
					read.onsuccess = () => {
						const [bundle] = read.result;
						done({
							state: bundle.state,
							wait: Date.parse(bundle.nextAttemptAt) - Date.now()
						});
					};
				};
			})
	);
	expect(stored.state).toBe('queued');
	expect(stored.wait).toBeGreaterThan(50 * 60_000);
	expect(stored.wait).toBeLessThanOrEqual(60 * 60_000);
});

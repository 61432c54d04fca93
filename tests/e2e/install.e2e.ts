import { expect, test } from '@playwright/test';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): string {
	expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
	return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

test('the app is installable: a linked manifest with standalone display and real icons', async ({
	page,
	request
}) => {
	await page.goto('/');
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	expect(href).toBeTruthy();
	const response = await request.get(new URL(href!, page.url()).href);
	expect(response.headers()['content-type']).toContain('application/manifest+json');
	const manifest = await response.json();
	expect(manifest).toMatchObject({
		name: 'Partner Desk',
		short_name: 'Partner Desk',
		start_url: '/',
		display: 'standalone',
		theme_color: '#1f4e79'
	});

	const sizes: string[] = [];
	for (const icon of manifest.icons as { src: string; sizes: string; purpose?: string }[]) {
		const bytes = await (await request.get(icon.src)).body();
		expect(pngSize(bytes), icon.src).toBe(icon.sizes);
		sizes.push(`${icon.sizes}${icon.purpose ? ` ${icon.purpose}` : ''}`);
	}
	expect(sizes).toEqual(['192x192', '512x512', '512x512 maskable']);
	await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', '#1f4e79');
});

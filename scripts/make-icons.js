// Renders static/icons/icon.svg to the PNG sizes the web app manifest lists,
// with the system Chromium. Run by hand when the icon changes: node scripts/make-icons.js
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright';
import { chromiumPath } from './chromium-path.js';

const svg = await readFile(new URL('../static/icons/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({
	executablePath: chromiumPath,
	args: ['--no-sandbox']
});
const targets = [
	{ file: 'icon-192.png', size: 192, padding: 0, background: 'transparent' },
	{ file: 'icon-512.png', size: 512, padding: 0, background: 'transparent' },
	// Maskable: the platform crops to a circle of 80 % diameter, so the glyph sits inside that safe zone.
	{ file: 'icon-maskable-512.png', size: 512, padding: 0.12, background: '#1f4e79' }
];
for (const { file, size, padding, background } of targets) {
	const page = await browser.newPage({ viewport: { width: size, height: size } });
	const inset = Math.round(size * padding);
	await page.setContent(
		`<body style="margin:0;background:${background}"><div style="padding:${inset}px">` +
			svg.replace('<svg ', `<svg width="${size - 2 * inset}" height="${size - 2 * inset}" `) +
			'</div></body>'
	);
	await page.screenshot({
		path: new URL(`../static/icons/${file}`, import.meta.url).pathname,
		omitBackground: background === 'transparent'
	});
	await page.close();
}
await browser.close();

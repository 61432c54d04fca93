import { chromium, expect, test } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromiumPath } from '../../scripts/chromium-path.js';
import { serveStatic } from '../../scripts/serve.js';
import type { BenchFigure } from './bench-result';

/** DESIGN.md, "Performance budgets": initial JavaScript at most 150 kB gzip. */
const BUDGET_KB = 150;
const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The JavaScript a first visit to the Desk loads before it is usable: every script the page
 * requested until the network is idle (the service worker's own script is not the page's),
 * each gzipped at level 9 from build/ as a static host would serve it. Chunks a page loads
 * later (chart.js, the import worker) are not initial and not counted.
 */
test('initial JavaScript of the Desk, gzip', async () => {
	const directory = process.env.BENCH_FIGURES_DIR;
	if (!directory) throw new Error('BENCH_FIGURES_DIR is not set: run npm run bench');
	const server = await serveStatic({ dir: join(root, 'build'), port: 0 });
	const browser = await chromium.launch({
		executablePath: chromiumPath,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking']
	});
	try {
		const page = await browser.newPage();
		await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, {
			waitUntil: 'networkidle'
		});
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		const scripts = await page.evaluate(() =>
			performance
				.getEntriesByType('resource')
				.map((entry) => new URL(entry.name).pathname)
				.filter((path) => path.endsWith('.js'))
		);
		expect(scripts.length).toBeGreaterThan(0);
		let bytes = 0;
		for (const path of new Set(scripts))
			bytes += gzipSync(await readFile(join(root, 'build', path)), { level: 9 }).length;
		const kilobytes = bytes / 1000;
		console.log(`initial JavaScript: ${scripts.length} files, ${kilobytes.toFixed(1)} kB gzip`);
		const figures: BenchFigure[] = [
			{
				name: `initial JavaScript of the Desk, gzip / ${BUDGET_KB} kB budget`,
				value: kilobytes,
				unit: 'kB',
				baseline: BUDGET_KB,
				target: 1,
				samples: { value: [kilobytes], baseline: [] }
			}
		];
		await writeFile(join(directory, 'initial-js.json'), JSON.stringify(figures));
	} finally {
		await browser.close();
		server.close();
	}
});

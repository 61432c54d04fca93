import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import type { BrowserCommand } from 'vitest/node';
import { defineConfig } from 'vitest/config';
import type { BenchFigure } from './bench-result';
import { chromiumPath } from '../../scripts/chromium-path.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Writes a group of figures where `scripts/bench.js` collects them. The group name comes from
 * the page, so it is checked before it becomes a file name.
 */
const saveBenchFigures: BrowserCommand<[group: string, figures: BenchFigure[]]> = async (
	_context,
	group,
	figures
) => {
	const directory = process.env.BENCH_FIGURES_DIR;
	if (!directory)
		throw new Error('BENCH_FIGURES_DIR is not set: run the benchmarks with npm run bench');
	if (!/^[a-z0-9-]+$/.test(group)) throw new Error(`bad figure group name: ${group}`);
	await writeFile(join(directory, `${group}.json`), JSON.stringify(figures));
};

/**
 * The benchmarks (`npm run bench`), apart from the tests: measured in the system Chromium, one
 * file at a time so two benchmarks never share the two cores.
 */
export default defineConfig({
	root,
	resolve: { alias: { $lib: join(root, 'src/lib') } },
	optimizeDeps: {
		// Listed so the browser run does not reload mid-way while Vite discovers them.
		include: ['dexie', 'zod', 'big.js', 'papaparse', 'json-rules-engine', 'jose', 'canonicalize']
	},
	test: {
		// BENCH_ONLY names one file to run instead (a benchmark outside the groups, such as
		// evidence-pack.flagged.browser.ts: `npm run bench -- --evidence-pack`).
		include: process.env.BENCH_ONLY
			? [process.env.BENCH_ONLY]
			: ['tests/bench/**/*.bench.browser.ts'],
		fileParallelism: false,
		// The machine is shared and a file runs several 100k-line measurements.
		testTimeout: 240_000,
		hookTimeout: 120_000,
		browser: {
			enabled: true,
			headless: true,
			provider: playwright({
				launchOptions: {
					executablePath: chromiumPath,
					// --expose-gc: measure() collects the garbage of earlier runs before each timed one.
					args: [
						'--no-sandbox',
						'--disable-gpu',
						'--disable-background-networking',
						'--js-flags=--expose-gc',
						// performance.memory unrounded: the evidence-pack benchmark reports peak heap.
						'--enable-precise-memory-info'
					]
				}
			}),
			instances: [{ browser: 'chromium' }],
			commands: { saveBenchFigures }
		}
	}
});

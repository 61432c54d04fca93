import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * The benchmarks that need the built app in a real page (`npm run bench` runs them after the
 * vitest ones). Apart from the end-to-end config, whose tests sit in tests/e2e: a benchmark is
 * no test of behaviour, and it must not share the machine with parallel workers.
 */
export default defineConfig({
	testDir: '.',
	testMatch: '*.bench.pw.ts',
	workers: 1,
	retries: 0,
	// A run imports 100,000 rows several times, on a shared machine.
	timeout: 600_000,
	expect: { timeout: 120_000 },
	reporter: [['list']],
	// Into the run's figures directory, which scripts/bench.js removes: nothing is left behind.
	outputDir: join(process.env.BENCH_FIGURES_DIR ?? '../../test-results', 'playwright-bench')
});

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The node tests of the pure core and the aggregator, for StrykerJS (`stryker.config.mjs`):
 * no browser, no components, no SvelteKit plugin, so each mutant reruns only what it can reach.
 */
export default defineConfig({
	resolve: { alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) } },
	test: {
		environment: 'node',
		include: [
			'src/lib/{domain,programs,rules,import,sync}/**/*.test.ts',
			'aggregator/**/*.test.ts'
		],
		expect: { requireAssertions: true }
	}
});

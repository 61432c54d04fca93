/**
 * Mutation testing of the pure core and the reference aggregator (`npm run mutate`; not part of
 * `npm test`: it reruns the node tests once per mutant and takes long on two cores). A smaller
 * run: `npm run mutate -- --mutate "src/lib/domain/**\/*.ts,!src/lib/domain/**\/*.test.ts"`, with
 * `MUTATE_TESTS="src/lib/domain/**\/*.test.ts"` to run only that part's own tests per mutant.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
	testRunner: 'vitest',
	vitest: { configFile: 'vitest.mutate.config.ts' },
	mutate: [
		'src/lib/{domain,programs,rules,import,sync}/**/*.ts',
		'!src/lib/**/*.test.ts',
		'aggregator/**/*.js',
		'!aggregator/**/*.test.*',
		// A script with a report, not part of the tests: nothing could kill its mutants.
		'!aggregator/load-test.js'
	],
	coverageAnalysis: 'perTest',
	// A mutant in a value computed once at module load cannot be told apart per test.
	ignoreStatic: true,
	concurrency: 2,
	timeoutMS: 30_000,
	reporters: ['clear-text', 'progress', 'json'],
	jsonReporter: { fileName: 'reports/mutation/mutation.json' },
	thresholds: { high: 90, low: 80, break: null },
	tempDirName: '.stryker-tmp',
	// The root tsconfig extends SvelteKit's generated one; the sandbox needs it (it is git-ignored).
	ignorePatterns: [
		'!.svelte-kit/tsconfig.json',
		'!.svelte-kit/ambient.d.ts',
		'!.svelte-kit/non-ambient.d.ts'
	],
	cleanTempDir: 'always'
};

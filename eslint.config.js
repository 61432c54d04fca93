import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * The layers of src/lib, lowest first; a folder may import only from folders before it
 * (routes → ui → worker → store → sync → rules → programs, import → domain; i18n sits under ui
 * and over the core). `import` and `programs` do not know each other.
 */
const LAYERS = {
	domain: [],
	import: ['domain'],
	programs: ['domain'],
	rules: ['domain', 'import', 'programs'],
	sync: ['domain', 'import', 'programs', 'rules'],
	store: ['domain', 'import', 'programs', 'rules', 'sync'],
	i18n: ['domain', 'import', 'programs', 'rules'],
	worker: ['domain', 'import', 'programs', 'rules', 'sync', 'store'],
	ui: ['domain', 'import', 'programs', 'rules', 'sync', 'store', 'i18n', 'worker']
};
const CORE = ['domain', 'import', 'programs', 'rules', 'sync'];

/** An import of `folder` written as `$lib/folder…` or as a relative path into it. */
const importOf = (folders) => `(^\\$lib/|(^|/)\\.\\./)(${folders.join('|')})(/|$)`;

/** The import rule of one folder: nothing from above it, nothing from src/routes. */
function layerRule(folder) {
	const above = Object.keys(LAYERS).filter(
		(other) => other !== folder && !LAYERS[folder].includes(other)
	);
	const patterns = [{ regex: '(^|/)routes(/|$)', message: 'src/lib does not know the routes.' }];
	if (above.length > 0)
		patterns.push({
			regex: importOf(above),
			message: `Imports flow one way: ${folder} may import only ${LAYERS[folder].join(', ') || 'itself'} in src/lib.`
		});
	if (CORE.includes(folder))
		patterns.push(
			{
				group: ['svelte', 'svelte/*', '$app/*', 'dexie'],
				message: 'The pure core has no Svelte, SvelteKit or Dexie.'
			},
			{ group: ['*.svelte'], message: 'The pure core has no components.' }
		);
	if (folder === 'store' || folder === 'worker')
		patterns.push({ group: ['$app/*'], message: 'The store and workers do not know SvelteKit.' });
	return { 'no-restricted-imports': ['error', { patterns }] };
}

/** The core runs in Node and in workers: no page, no storage of the browser, no Node modules. */
const CORE_FORBIDDEN_GLOBALS = [
	'window',
	'document',
	'navigator',
	'location',
	'localStorage',
	'sessionStorage',
	'indexedDB',
	'HTMLElement',
	'Element',
	'alert',
	'requestAnimationFrame'
].map((name) => ({ name, message: 'The pure core has no DOM or browser storage.' }));

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.ts', '**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: {
					allowDefaultProject: ['playwright.config.ts', 'vitest.mutate.config.ts']
				},
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		},
		rules: {
			// An unawaited write is a lost write.
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error'
		}
	},
	...Object.keys(LAYERS).map((folder) => ({
		files: [`src/lib/${folder}/**/*.ts`, `src/lib/${folder}/**/*.svelte`],
		// A test may drive its module through higher layers (an import into a store, a check).
		ignores: ['**/*.test.ts'],
		rules: layerRule(folder)
	})),
	{
		files: CORE.map((folder) => `src/lib/${folder}/**/*.ts`),
		ignores: ['**/*.test.ts'],
		rules: {
			'no-restricted-globals': ['error', ...CORE_FORBIDDEN_GLOBALS],
			'no-restricted-syntax': [
				'error',
				{
					selector: 'ImportDeclaration[source.value=/^node:/]',
					message: 'The pure core runs in the browser too: no Node modules outside tests.'
				}
			]
		}
	},
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'.reports/',
			'scripts/**',
			'aggregator/**/*.js'
		]
	}
);

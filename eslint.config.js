import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** The pure core must run in Node and in a worker: no framework, no database, no UI. */
const CORE_FORBIDDEN = {
	patterns: [
		{
			group: ['svelte', 'svelte/*', '$app/*', 'dexie'],
			message: 'The pure core has no Svelte, SvelteKit or Dexie.'
		},
		{
			group: ['$lib/store/*', '$lib/ui/*', '$lib/i18n/*.svelte'],
			message: 'Imports flow routes → ui → store → core.'
		},
		{ group: ['*.svelte'], message: 'The pure core has no components.' }
	]
};

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
				projectService: { allowDefaultProject: ['playwright.config.ts'] },
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
	{
		files: ['src/lib/{domain,programs,rules,import,sync}/**/*.ts'],
		rules: { 'no-restricted-imports': ['error', CORE_FORBIDDEN] }
	},
	{
		files: ['src/lib/store/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [{ group: ['$lib/ui/*', '$app/*'], message: 'The store does not know the UI.' }]
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

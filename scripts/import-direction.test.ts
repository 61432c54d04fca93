import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layering of src/lib is enforced by eslint.config.js; these sources break it on purpose,
 * linted as if they lived in the folder named, so a rule that stops firing fails here.
 */
const eslint = new ESLint({
	cwd: new URL('..', import.meta.url).pathname,
	// The sources exist only here, so the type-aware rules (which need a file on disk) are off.
	overrideConfig: {
		languageOptions: { parserOptions: { projectService: false, project: null } },
		rules: {
			'@typescript-eslint/no-floating-promises': 'off',
			'@typescript-eslint/no-misused-promises': 'off'
		}
	}
});

async function messagesOf(filePath: string, code: string) {
	const [result] = await eslint.lintText(code, { filePath });
	return result.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe('the import direction of src/lib', () => {
	it('refuses an import upward, by alias and by relative path', async () => {
		const upward = await messagesOf(
			'src/lib/domain/upward.ts',
			"import { database } from '$lib/store/db';\nimport { checkReport } from '../rules/engine';\nexport const used = [database, checkReport];\n"
		);
		expect(upward).toEqual([
			expect.stringMatching(
				/^no-restricted-imports: .*Imports flow one way: domain may import only itself/
			),
			expect.stringMatching(
				/^no-restricted-imports: .*Imports flow one way: domain may import only itself/
			)
		]);
		const syncToStore = await messagesOf(
			'src/lib/sync/upward.ts',
			"import { database } from '$lib/store/db';\nexport const used = database;\n"
		);
		expect(syncToStore).toEqual([
			expect.stringMatching(/sync may import only domain, import, programs, rules/)
		]);
	});

	it('refuses the routes anywhere in src/lib, and SvelteKit in the store', async () => {
		expect(
			await messagesOf(
				'src/lib/ui/routes-import.ts',
				"import { previous } from '../../routes/reports/report-status';\nexport const used = previous;\n"
			)
		).toEqual([expect.stringMatching(/src\/lib does not know the routes/)]);
		expect(
			await messagesOf(
				'src/lib/store/app-import.ts',
				"import { goto } from '$app/navigation';\nexport const used = goto;\n"
			)
		).toEqual([expect.stringMatching(/do not know SvelteKit/)]);
	});

	it('keeps the core free of Svelte, Dexie, Node modules and DOM globals', async () => {
		const messages = await messagesOf(
			'src/lib/rules/impure.ts',
			"import Dexie from 'dexie';\nimport { readFileSync } from 'node:fs';\nexport const used = [Dexie, readFileSync, document.title, localStorage];\n"
		);
		expect(messages).toEqual([
			expect.stringMatching(/no Svelte, SvelteKit or Dexie/),
			expect.stringMatching(/^no-restricted-syntax: .*no Node modules/),
			expect.stringMatching(/^no-restricted-globals: .*'document'/),
			expect.stringMatching(/^no-restricted-globals: .*'localStorage'/)
		]);
	});

	it('lets each layer import the ones below it', async () => {
		expect(
			await messagesOf(
				'src/lib/store/downward.ts',
				"import { checkReport } from '$lib/programs/omnissa-sp/rules/engine';\nimport { toPeriod } from '../domain/period';\nexport const used = [checkReport, toPeriod];\n"
			)
		).toEqual([]);
		expect(
			await messagesOf(
				'src/lib/ui/downward.ts',
				"import { database } from '$lib/store/db';\nexport const used = database;\n"
			)
		).toEqual([]);
	});
});

import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SIGNING_BUDGET } from '../tests/bench/signing-budget';

describe('the signing budgets', () => {
	it('are 1.4x for signPayload and 1.7x for signBundle, as README "Performance" states', async () => {
		expect(SIGNING_BUDGET).toEqual({ signPayload: 1.4, signBundle: 1.7 });
		const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
		const performance = readme.slice(readme.indexOf('## Performance'));
		expect(performance).toContain(
			`within ${SIGNING_BUDGET.signPayload}× of \`canonicalize\` plus a raw`
		);
		expect(performance).toContain(`within ${SIGNING_BUDGET.signBundle}× with the chain digest`);
	});
});

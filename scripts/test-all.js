// `npm test`: type checks, unit, component and browser tests (vitest), then a
// build and the end-to-end tests on the system Chromium (Playwright). Every
// step runs even when an earlier one fails, and the run ends with one plain
// line, "N passed, N failed", over all of them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const REPORTS = '.reports';
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS);

function run(command, args, env = {}) {
	console.log(`\n> ${command} ${args.join(' ')}`);
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	return result.status === 0;
}

function readJson(file) {
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

const tally = { passed: 0, failed: 0 };
const lines = [];
function count(step, passed, failed) {
	tally.passed += passed;
	tally.failed += failed;
	lines.push(`${step.padEnd(12)} ${passed} passed, ${failed} failed`);
}

// 1. Types: svelte-check counts as one check.
const typesOk =
	run('npx', ['svelte-kit', 'sync']) &&
	run('npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings']);
count('types', typesOk ? 1 : 0, typesOk ? 0 : 1);

// Style and import boundaries (prettier, eslint): one check.
const lintOk = run('npm', ['run', 'lint']);
count('lint', lintOk ? 1 : 0, lintOk ? 0 : 1);

// 2. vitest: node, components (jsdom) and browser (Chromium) projects.
const vitestOk = run('npx', [
	'vitest',
	'run',
	'--reporter=default',
	'--reporter=json',
	`--outputFile.json=${REPORTS}/vitest.json`
]);
const vitest = readJson(`${REPORTS}/vitest.json`);
if (vitest)
	count(
		'unit',
		vitest.numPassedTests,
		vitest.numFailedTests + (vitestOk || vitest.numFailedTests ? 0 : 1)
	);
else count('unit', 0, 1);

// 3. Build, then the end-to-end tests against it.
const buildOk = run('npx', ['vite', 'build', '--logLevel', 'warn']);
if (!buildOk) count('build', 0, 1);
else {
	const e2eOk = run('npx', ['playwright', 'test', '--reporter=list,json'], {
		PLAYWRIGHT_JSON_OUTPUT_NAME: `${REPORTS}/e2e.json`
	});
	const e2e = readJson(`${REPORTS}/e2e.json`);
	if (e2e) {
		const { expected, unexpected, flaky } = e2e.stats;
		count('e2e', expected, unexpected + flaky + (e2eOk || unexpected ? 0 : 1));
	} else count('e2e', 0, 1);
}

console.log(`\n${lines.join('\n')}\n`);
console.log(`${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed === 0 ? 0 : 1);

/**
 * `npm run bench`: builds the app, runs the benchmarks in tests/bench in the system Chromium
 * (vitest browser mode for the in-page ones, then Playwright for the one against the built app),
 * prints each figure against its baseline from the same run, and writes them to
 * bench-results.json as [{ name, value, unit, baseline, ratio, target, pass }]. Exits 1 when a
 * step fails or a figure misses its target (DESIGN.md, "Performance budgets").
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Groups in the order they are printed; a group the run did not produce is reported missing. */
const GROUPS = [
	'rules-check',
	'csv-import',
	'import-ui',
	'report-open',
	'bundle-sign',
	'initial-js'
];

/** The command-line tools the steps run, from node_modules, in this Node. */
const CLIS = {
	vite: 'vite/bin/vite.js',
	vitest: 'vitest/vitest.mjs',
	playwright: '@playwright/test/cli.js'
};

/** Runs one of `CLIS` in the project root; resolves with its exit code. */
function run(tool, args, env = {}) {
	console.log(`\n> ${tool} ${args.join(' ')}`);
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [join(root, 'node_modules', CLIS[tool]), ...args], {
			cwd: root,
			stdio: 'inherit',
			env: { ...process.env, ...env }
		});
		child.on('error', reject);
		child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
	});
}

/**
 * The steps, one after the other so no two share the machine. The build comes first, always:
 * the UI benchmark measures the app as the sources are now, not an older build/. Each
 * benchmark writes its figures into `directory`; the UI one also reads the csv-import group
 * there for its baseline, so it runs last.
 */
async function runBenchmarks(directory) {
	const env = { BENCH_FIGURES_DIR: directory };
	const built = (await run('vite', ['build', '--logLevel', 'warn'])) === 0;
	const codes = [
		await run('vitest', ['run', '--config', 'tests/bench/vitest.bench.config.ts'], env)
	];
	if (built) {
		const config = 'tests/bench/playwright.bench.config.ts';
		codes.push(await run('playwright', ['test', '--config', config], env));
	} else console.error('the build failed: the app is not measured');
	return built && codes.every((code) => code === 0) ? 0 : 1;
}

async function readFigures(directory) {
	const files = new Set(await readdir(directory));
	const figures = [];
	const missing = [];
	for (const group of GROUPS) {
		const file = `${group}.json`;
		if (!files.has(file)) missing.push(group);
		else figures.push(...JSON.parse(await readFile(join(directory, file), 'utf8')));
	}
	return { figures, missing };
}

const round = (value, places) => Number(value.toFixed(places));

/** A figure as bench-results.json holds it: ratio is value / baseline, pass is ratio <= target. */
function resultOf(figure) {
	const ratio = figure.value / figure.baseline;
	return {
		name: figure.name,
		value: round(figure.value, 1),
		unit: figure.unit,
		baseline: round(figure.baseline, 1),
		ratio: round(ratio, 3),
		target: figure.target,
		pass: figure.target === null ? null : ratio <= figure.target
	};
}

function printTable(results) {
	const rows = [
		['figure', 'value', 'baseline', 'ratio', 'target', 'pass'],
		...results.map((result) => [
			result.name,
			`${result.value.toFixed(1)} ${result.unit}`,
			`${result.baseline.toFixed(1)} ${result.unit}`,
			`${result.ratio.toFixed(3)}x`,
			result.target === null ? 'report' : `<= ${result.target}x`,
			result.pass === null ? '-' : result.pass ? 'yes' : 'NO'
		])
	];
	const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
	const line = (row) =>
		row.map((cell, column) =>
			column === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[column])
		);
	console.log('');
	for (const row of rows) console.log(line(row).join('  '));
}

function printRuns(figures) {
	const format = (samples) => samples.map((sample) => sample.toFixed(1)).join(', ');
	console.log('\ntimed runs (ms; the figures are their medians)');
	for (const figure of figures) {
		console.log(`  ${figure.name}`);
		console.log(`    value:    ${format(figure.samples.value)}`);
		const { baseline } = figure.samples;
		// A budget is a fixed number: there is nothing timed to show.
		console.log(`    baseline: ${baseline.length > 0 ? format(baseline) : 'fixed'}`);
	}
}

/**
 * `npm run bench -- --evidence-pack`: only the evidence pack of a year of 100,000-line months
 * (issue 14), which prints its time and peak heap; it has no baseline and is not in GROUPS.
 */
if (process.argv.includes('--evidence-pack')) {
	const file = 'tests/bench/evidence-pack.flagged.browser.ts';
	process.exit(
		await run('vitest', ['run', '--config', 'tests/bench/vitest.bench.config.ts'], {
			BENCH_ONLY: file
		})
	);
}

const directory = await mkdtemp(join(tmpdir(), 'partner-desk-bench-'));
try {
	const code = await runBenchmarks(directory);
	const { figures, missing } = await readFigures(directory);
	const results = figures.map(resultOf);
	printTable(results);
	printRuns(figures);
	await writeFile(join(root, 'bench-results.json'), `${JSON.stringify(results, null, '\t')}\n`);
	console.log('\nwritten to bench-results.json');
	const failed = results.filter((result) => result.pass === false);
	if (missing.length > 0) console.error(`no figures from: ${missing.join(', ')}`);
	if (failed.length > 0)
		console.error(`over budget: ${failed.map((result) => result.name).join('; ')}`);
	process.exitCode = code !== 0 || missing.length > 0 || failed.length > 0 ? 1 : 0;
} finally {
	await rm(directory, { recursive: true, force: true });
}

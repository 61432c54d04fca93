import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { serveStatic } from '../../scripts/serve.js';
import { chromiumPath } from '../../scripts/chromium-path.js';
import { waitForServiceWorker } from '../e2e/pages/app';
import type { BenchFigure } from './bench-result';
import { median, type Timing } from './measure';
import type { BackupFigures, StoreFigures } from './ten-year-page';

/**
 * Ten years on the device (issue 15): a 2,000-customer partner's history, about 20,000 lines a
 * month, written into the built app's own database through the store's write paths, then the
 * app measured on it in Chromium with a profile on disk. `npm run bench` writes one year;
 * `npm run bench -- --ten-years` (BENCH_HISTORY_YEARS=10) the full ten, about 2.4 million lines.
 */
const YEARS = Number(process.env.BENCH_HISTORY_YEARS ?? '1');
const LAST_PERIOD = '2026-11';
/**
 * A plain month, and one corrected after delivery (its page reads both revisions' lines). The
 * partner's profile is German: the app speaks German.
 */
const MONTH = { period: '2026-10', label: 'Oktober 2026' };
const CORRECTED = { period: '2026-06', label: 'Juni 2026' };
const RUNS = 3;
const STORE_RUNS = 5;
/** DESIGN.md and the issue: the Desk interactive within a second, the database under 1 GB. */
const DESK_BUDGET_MS = 1000;
const SIZE_BUDGET_MB = 1024;
const MB = 1024 * 1024;
const root = fileURLToPath(new URL('../..', import.meta.url));
/** A page of the app's origin without the app (and without its CSP) for the in-page script. */
const BLANK = '/__bench-history.html';

/** The in-page half (ten-year-page.ts) as one script, its imports bundled in. */
async function pageScript(): Promise<string> {
	const result = await build({
		configFile: false,
		root,
		logLevel: 'warn',
		resolve: { alias: { $lib: join(root, 'src/lib') } },
		build: {
			write: false,
			minify: false,
			lib: {
				entry: join(root, 'tests/bench/ten-year-page.ts'),
				formats: ['iife'],
				name: 'partnerDeskHistoryBundle'
			}
		}
	});
	const { output } = (Array.isArray(result) ? result[0] : result) as {
		output: { code: string }[];
	};
	return output[0].code;
}

type HistoryApi = {
	generate: (options: { months: number; lastPeriod: string }) => Promise<{
		lines: number;
		revisions: number;
		bundles: number;
		ms: number;
	}>;
	storeFigures: (options: {
		period: string;
		corrected: string;
		runs: number;
	}) => Promise<StoreFigures>;
	backupFigures: (options: { whole: boolean }) => Promise<BackupFigures>;
};

/** Runs `call` on the in-page API, on the blank page of the app's origin. */
async function inPage<T>(page: Page, call: string, argument: unknown): Promise<T> {
	return page.evaluate(
		([name, arg]) =>
			(
				(globalThis as unknown as { partnerDeskHistory: Record<string, (a: unknown) => unknown> })
					.partnerDeskHistory[name as string] as (a: unknown) => Promise<unknown>
			)(arg),
		[call, argument] as const
	) as Promise<T>;
}

/**
 * The page's clock (ms from navigation start) at the first frame where `shown` holds: `shown`
 * returns `performance.now()` then, false before. Polled on every frame.
 */
async function timeToFrame(
	page: Page,
	shown: (argument: number) => number | false,
	argument = 0
): Promise<number> {
	const at = await (
		await page.waitForFunction(shown, argument, { polling: 'raf', timeout: 120_000 })
	).jsonValue();
	if (typeof at !== 'number') throw new Error('never shown');
	return at;
}

/** A returning partner opens the app: navigation start to the Desk with its data on screen. */
async function deskStart(context: BrowserContext, url: string): Promise<number> {
	const page = await context.newPage();
	try {
		await page.goto(`${url}/`, { waitUntil: 'commit' });
		// The profile (the welcome) and the outbox (the last delivery) are read and shown.
		return await timeToFrame(page, () => {
			const heading = document.querySelector('h1')?.textContent ?? '';
			const delivery = document.querySelector('[data-testid="desk-delivery"]')?.textContent;
			return (
				heading.includes('Muster IT GmbH') &&
				/letzte Zustellung/.test(delivery ?? '') &&
				performance.now()
			);
		});
	} finally {
		await page.close();
	}
}

/** The Reports page with every revision listed. */
async function reportsList(context: BrowserContext, url: string, rows: number) {
	const page = await context.newPage();
	try {
		await page.goto(`${url}/reports`, { waitUntil: 'commit' });
		return await timeToFrame(
			page,
			(count) =>
				document.querySelectorAll('[aria-labelledby="list-heading"] tbody tr').length === count &&
				performance.now(),
			rows
		);
	} finally {
		await page.close();
	}
}

/** From a click on the month in the list to its total and first page of lines on screen. */
async function openOnScreen(context: BrowserContext, url: string, label: string) {
	const page = await context.newPage();
	try {
		await page.goto(`${url}/reports`);
		const link = page.getByRole('link', { name: label }).first();
		await expect(link).toBeVisible();
		const clickedAt = await page.evaluate(() => performance.now());
		await link.click();
		const shownAt = await timeToFrame(page, () => {
			const total = document.querySelector('[data-testid="report-total"]');
			const rows = document.querySelectorAll('[aria-labelledby="lines-heading"] tbody tr');
			return !!total?.textContent?.trim() && rows.length > 0 && performance.now();
		});
		return shownAt - clickedAt;
	} finally {
		await page.close();
	}
}

const timing = (samples: number[]): Timing => ({ median: median(samples), samples });

function figure(
	name: string,
	value: Timing,
	baseline: Timing | number,
	target: number | null,
	unit: BenchFigure['unit'] = 'ms'
): BenchFigure {
	const fixed = typeof baseline === 'number';
	return {
		name,
		value: value.median,
		unit,
		baseline: fixed ? baseline : baseline.median,
		target,
		samples: { value: value.samples, baseline: fixed ? [] : baseline.samples }
	};
}

test(`${YEARS} year(s) of a 2,000-customer partner: size, Desk, Reports, a month, a year, backup`, async () => {
	test.setTimeout(YEARS * 15 * 60_000);
	const directory = process.env.BENCH_FIGURES_DIR;
	if (!directory) throw new Error('BENCH_FIGURES_DIR is not set: run npm run bench');
	const profile = await mkdtemp(join(tmpdir(), 'partner-desk-bench-history-'));
	const server = await serveStatic({ dir: join(root, 'build'), port: 0 });
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	// A profile on disk, as on a tablet: IndexedDB of a throwaway context lives in memory.
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: chromiumPath,
		locale: 'en-GB',
		timezoneId: 'Europe/Berlin',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--js-flags=--expose-gc',
			'--enable-precise-memory-info'
		]
	});
	try {
		const script = await pageScript();
		const blank = await context.newPage();
		await blank.route(`${url}${BLANK}`, (route) =>
			route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>history</title>' })
		);
		blank.on('console', (message) => console.log(message.text()));
		await blank.goto(`${url}${BLANK}`);
		await blank.addScriptTag({ content: script });
		const history = await inPage<Awaited<ReturnType<HistoryApi['generate']>>>(blank, 'generate', {
			months: YEARS * 12,
			lastPeriod: LAST_PERIOD
		});
		console.log(
			`history: ${history.revisions} revisions, ${history.lines} lines, ${history.bundles}` +
				` bundles written in ${(history.ms / 1000).toFixed(0)} s`
		);
		const store = await inPage<StoreFigures>(blank, 'storeFigures', {
			period: MONTH.period,
			corrected: CORRECTED.period,
			runs: STORE_RUNS
		});
		const backup = await inPage<BackupFigures>(blank, 'backupFigures', { whole: YEARS <= 2 });
		await blank.close();
		const onDisk = execFileSync('du', ['-sk', join(profile, 'Default', 'IndexedDB')], {
			encoding: 'utf8'
		});
		const diskMb = Number(onDisk.split('\t')[0]) / 1024;
		const sizeMb = store.storage.usage / MB;
		console.log(
			`storage estimate ${sizeMb.toFixed(0)} MB (quota ${(store.storage.quota / MB).toFixed(0)} MB),` +
				` IndexedDB directory on disk ${diskMb.toFixed(0)} MB`
		);
		console.log(
			`backup streamed: ${(backup.bytes / MB).toFixed(0)} MB in ${(backup.ms / 1000).toFixed(1)} s,` +
				` heap ${(backup.heapBefore / MB).toFixed(0)} MB before, peak ${(backup.peakHeap / MB).toFixed(0)} MB` +
				` (live, a full GC before each sample: peak ${backup.peakLive === undefined ? '-' : (backup.peakLive / MB).toFixed(0)} MB;` +
				` the writer alone, pieces counted, not kept: ${(backup.writerPeakLive / MB).toFixed(0)} MB)` +
				(backup.whole
					? 'failed' in backup.whole
						? `; as one string: failed (${backup.whole.failed})`
						: `; as one string: ${(backup.whole.ms / 1000).toFixed(1)} s, peak heap ${(backup.whole.peakHeap / MB).toFixed(0)} MB`
					: '')
		);
		console.log(
			`year ${store.year.year}: ${store.year.revisions} revisions, ${store.year.chunks} chunks,` +
				` total ${store.year.amount}; ${store.comparison.customersChanged} customers changed` +
				` ${MONTH.period} against the month before`
		);

		// The app, first visit (the service worker stores the precache), then as a returning user.
		const first = await context.newPage();
		await first.goto(`${url}/`);
		await waitForServiceWorker(first);
		await first.close();
		const desk: number[] = [];
		const list: number[] = [];
		const open: number[] = [];
		const openCorrected: number[] = [];
		for (let run = 0; run < RUNS; run++) {
			desk.push(await deskStart(context, url));
			list.push(await reportsList(context, url, store.reportsList.revisions));
			open.push(await openOnScreen(context, url, MONTH.label));
			openCorrected.push(await openOnScreen(context, url, CORRECTED.label));
			console.log(
				`run ${run + 1}: Desk ${desk[run].toFixed(0)} ms, Reports list ${list[run].toFixed(0)} ms,` +
					` ${MONTH.label} ${open[run].toFixed(0)} ms, ${CORRECTED.label} ${openCorrected[run].toFixed(0)} ms`
			);
		}

		const history_ = `history of ${YEARS} year${YEARS === 1 ? '' : 's'}`;
		const lines = `${(history.lines / 1e6).toFixed(2)} M lines`;
		const figures: BenchFigure[] = [
			figure(
				`${history_}: database size, ten years at this rate (storage estimate x ${10 / YEARS}) / 1 GB budget`,
				timing([(sizeMb * 10) / YEARS]),
				SIZE_BUDGET_MB,
				1,
				'MB'
			),
			figure(
				`${history_}: database size (storage estimate, ${lines}) / IndexedDB directory on disk`,
				timing([sizeMb]),
				diskMb,
				null,
				'MB'
			),
			figure(
				`${history_}: start to interactive Desk / ${DESK_BUDGET_MS} ms budget`,
				timing(desk),
				DESK_BUDGET_MS,
				1
			),
			figure(
				`${history_}: Reports list on screen (${store.reportsList.revisions} revisions) / ${DESK_BUDGET_MS} ms`,
				timing(list),
				DESK_BUDGET_MS,
				null
			),
			figure(
				`${history_}: Reports list reads (revisions + bundles) / raw getAll of the reports`,
				store.reportsList.value,
				store.reportsList.baseline,
				null
			),
			figure(
				`${history_}: open ${MONTH.period} (store: revision, totals, first page) / raw read of its ${store.openMonth.chunks} chunks`,
				store.openMonth.value,
				store.openMonth.baseline,
				2
			),
			figure(
				`${history_}: open ${CORRECTED.period}, corrected (store: revision, totals, first page) / raw read of its ${store.openCorrectedMonth.chunks} chunks`,
				store.openCorrectedMonth.value,
				store.openCorrectedMonth.baseline,
				2
			),
			figure(
				`${history_}: ${CORRECTED.period}'s diff, read after (both revisions' whole lines) / raw read of its chunks`,
				store.correctedDiff.value,
				store.correctedDiff.baseline,
				null
			),
			figure(
				`${history_}: open ${MONTH.period} on screen (click → total and first page) / raw read of its chunks`,
				timing(open),
				store.openMonth.baseline,
				null
			),
			figure(
				`${history_}: open ${CORRECTED.period} on screen (click → total and first page) / raw read of its chunks`,
				timing(openCorrected),
				store.openCorrectedMonth.baseline,
				null
			),
			figure(
				`${history_}: totals of ${store.year.year} (per-revision totals) / raw read of the year's ${store.year.chunks} chunks`,
				store.year.value,
				store.year.baseline,
				2
			),
			figure(
				`${history_}: ${MONTH.period} against the month before, per customer and SID / raw read of both months' chunks`,
				store.comparison.value,
				store.comparison.baseline,
				2
			),
			figure(
				`${history_}: streamed backup writer alone (pieces counted, not kept), peak live heap above the start / file size`,
				timing([(backup.writerPeakLive - backup.heapBefore) / MB]),
				backup.bytes / MB,
				null,
				'MB'
			),
			figure(
				`${history_}: streamed backup, peak heap in use (garbage not yet collected) / file size`,
				timing([(backup.peakHeap - backup.heapBefore) / MB]),
				backup.bytes / MB,
				null,
				'MB'
			),
			figure(`${history_}: streamed backup time / 1 s`, timing([backup.ms]), 1000, null)
		];
		if (backup.peakLive !== undefined)
			figures.push(
				figure(
					`${history_}: streamed backup into Blobs (${(backup.bytes / MB).toFixed(0)} MB file), peak live heap above the start / file size`,
					timing([(backup.peakLive - backup.heapBefore) / MB]),
					backup.bytes / MB,
					null,
					'MB'
				)
			);
		if (backup.whole && !('failed' in backup.whole))
			figures.push(
				figure(
					`${history_}: streamed backup peak heap in use / exportBackup + serializeBackup's`,
					timing([(backup.peakHeap - backup.heapBefore) / MB]),
					(backup.whole.peakHeap - backup.heapBefore) / MB,
					null,
					'MB'
				)
			);
		await writeFile(join(directory, 'ten-year.json'), JSON.stringify(figures));
	} finally {
		await context.close();
		server.closeAllConnections();
		await new Promise((done) => server.close(done));
		await rm(profile, { recursive: true, force: true });
	}
});

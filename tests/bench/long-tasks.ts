import type { BrowserContext, Page } from '@playwright/test';

/**
 * The main thread's long tasks and long animation frames in a page of the built app, for the
 * UI benchmarks (DESIGN.md: the page is never blocked for more than 100 ms).
 */

/** A long task or a long animation frame, in the page's clock. */
export type Entry = { start: number; duration: number };
type Observed = { benchLongTasks: Entry[]; benchLongFrames: Entry[] };

/** A busy loop of the page's own, just over the 50 ms from which a task counts as long. */
const PROBE_MS = 60;

/** Collects every page's long tasks and frames from its start, into `window`. */
export async function observeLongTasks(context: BrowserContext): Promise<void> {
	await context.addInitScript(() => {
		const observed = { benchLongTasks: [], benchLongFrames: [] } as Observed;
		Object.assign(window, observed);
		const collect = (type: string, into: Entry[]) =>
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries())
					into.push({ start: entry.startTime, duration: entry.duration });
			}).observe({ type, buffered: true });
		collect('longtask', observed.benchLongTasks);
		collect('long-animation-frame', observed.benchLongFrames);
	});
}

/**
 * Waits for the page to be idle, then makes sure the observer sees a long task of the page's
 * own, else a 0 would mean nothing. (A task Playwright runs by evaluate is not reported as
 * one: the probe runs from a timer.)
 */
export async function probeLongTasks(page: Page): Promise<void> {
	await page.evaluate(() => new Promise((done) => requestIdleCallback(done, { timeout: 2000 })));
	await page.evaluate((probe) => {
		setTimeout(() => {
			const end = performance.now() + probe;
			while (performance.now() < end);
		});
	}, PROBE_MS);
	await page.waitForFunction(
		(probe) =>
			(window as unknown as Observed).benchLongTasks.some((task) => task.duration >= probe),
		PROBE_MS
	);
}

/** The longest task and frame that overlap the window `from` to `to`, 0 if none does. */
export async function longestBetween(
	page: Page,
	from: number,
	to: number
): Promise<{ longestTask: number; longestFrame: number }> {
	const observed = await page.evaluate(() => {
		const { benchLongTasks, benchLongFrames } = window as unknown as Observed;
		return { benchLongTasks, benchLongFrames };
	});
	return {
		longestTask: longestIn(observed.benchLongTasks, from, to),
		longestFrame: longestIn(observed.benchLongFrames, from, to)
	};
}

function longestIn(entries: readonly Entry[], from: number, to: number): number {
	const inWindow = entries.filter(
		(entry) => entry.start + entry.duration > from && entry.start < to
	);
	return Math.max(0, ...inWindow.map((entry) => entry.duration));
}

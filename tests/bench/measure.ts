/** Wall-clock times of one measured piece of work, in milliseconds. */
export type Timing = { median: number; samples: number[] };

/** A piece of work to time; `setup` runs untimed before every run (a fresh database). */
export type Subject = {
	setup?: () => Promise<void> | void;
	run: () => Promise<unknown> | unknown;
};

/**
 * A full garbage collection where the browser allows it (Chromium with --expose-gc, as the
 * benchmark config starts it): a 100k-row run leaves a hundred megabytes of garbage, and
 * without this, whichever run comes next pays for collecting it, the app's or the
 * baseline's, at random. In the app an import comes to an idle worker, minutes apart; runs
 * back to back are the benchmark's doing.
 */
function collectGarbage(): void {
	(globalThis as { gc?: () => void }).gc?.();
}

/** The middle sample (the mean of the middle two for an even count). */
export function median(samples: readonly number[]): number {
	const sorted = [...samples].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Times each subject with `performance.now()`: `warmups` untimed rounds first (the JIT and the
 * browser's caches settle), then `runs` timed ones. The subjects take turns within a round
 * rather than running one after the other, and the figure is the median, not the mean: the
 * machine is shared, so load comes and goes, and it must fall on a figure and its baseline
 * alike, and one disturbed run must not move either.
 */
export async function measure<K extends string>(
	subjects: Record<K, Subject>,
	options: { runs: number; warmups?: number }
): Promise<Record<K, Timing>> {
	const { runs, warmups = 1 } = options;
	const names = Object.keys(subjects) as K[];
	const samples = new Map<K, number[]>(names.map((name) => [name, []]));
	for (let round = 0; round < warmups + runs; round++) {
		for (const name of names) {
			const { setup, run } = subjects[name];
			await setup?.();
			collectGarbage();
			const start = performance.now();
			await run();
			const elapsed = performance.now() - start;
			if (round >= warmups) samples.get(name)?.push(elapsed);
		}
	}
	const timings = {} as Record<K, Timing>;
	for (const [name, times] of samples) timings[name] = { median: median(times), samples: times };
	return timings;
}

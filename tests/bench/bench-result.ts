import { commands } from 'vitest/browser';

/**
 * One figure against its baseline from the same run. `target` is the largest allowed
 * value / baseline (DESIGN.md, "Performance budgets"), or null where the factor is reported only.
 * `scripts/bench.js` adds ratio and pass.
 */
export type BenchFigure = {
	name: string;
	value: number;
	/** Times in milliseconds; the initial JavaScript in kilobytes (gzip). */
	unit: 'ms' | 'kB';
	baseline: number;
	target: number | null;
	/** The timed runs of value and baseline, for the printout's spread. */
	samples: { value: number[]; baseline: number[] };
};

declare module 'vitest/browser' {
	interface BrowserCommands {
		/** Defined in vitest.bench.config.ts: hands figures to the Node side. */
		saveBenchFigures: (group: string, figures: BenchFigure[]) => Promise<void>;
	}
}

/** Sends a group of figures to `scripts/bench.js`, which prints and saves them all. */
export function saveBenchFigures(group: string, figures: BenchFigure[]): Promise<void> {
	return commands.saveBenchFigures(group, figures);
}

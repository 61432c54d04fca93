import type { Chart, ChartData } from 'chart.js';

/**
 * Draws a line chart on `canvas` once chart.js has loaded: it loads with the pages that draw
 * (never in the Desk's first load), and each such page shows the same figures as a table for
 * screen readers, print and anyone who prefers numbers. Returns what removes the chart (call it
 * from the `$effect` cleanup); a chart removed before chart.js arrived is never drawn.
 */
export function drawLineChart(
	canvas: HTMLCanvasElement,
	data: ChartData<'line', (number | null)[], string>
): () => void {
	let chart: Chart | undefined;
	let gone = false;
	void import('chart.js/auto').then(({ default: ChartJs }) => {
		if (gone) return;
		chart = new ChartJs(canvas, {
			type: 'line',
			data,
			options: {
				animation: false,
				maintainAspectRatio: false,
				scales: { y: { beginAtZero: true } }
			}
		});
	});
	return () => {
		gone = true;
		chart?.destroy();
	};
}

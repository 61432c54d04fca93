/**
 * A count that starts at `first` and grows by `step` once per painted frame up to `limit`, for a
 * list of heavy items (forms, tables): rendered all at once, 20 left-out rows with their forms
 * kept the page busy for one long task; slice by slice, each frame's task stays short, and the
 * first slice is on screen as early as before. Starts growing when created, so create it in a
 * component's script (its `dispose` on destroy).
 */
export class GrowPerFrame {
	current = $state(0);
	#frame: number | undefined;
	#timer: ReturnType<typeof setTimeout> | undefined;

	constructor(options: { first: number; step: number; limit: number }) {
		const { first, step, limit } = options;
		this.current = Math.min(first, limit);
		const grow = () => {
			this.current = Math.min(this.current + step, limit);
			if (this.current < limit) this.#next(grow);
		};
		if (this.current < limit) this.#next(grow);
	}

	/** After the next paint: a frame callback, then a task of its own (not inside the frame). */
	#next(grow: () => void): void {
		if (typeof requestAnimationFrame !== 'function') {
			this.#timer = setTimeout(grow);
			return;
		}
		this.#frame = requestAnimationFrame(() => {
			this.#timer = setTimeout(grow);
		});
	}

	dispose(): void {
		if (this.#frame !== undefined) cancelAnimationFrame(this.#frame);
		clearTimeout(this.#timer);
	}
}

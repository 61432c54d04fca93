import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GrowPerFrame } from './grow-per-frame.svelte';

describe('GrowPerFrame', () => {
	beforeEach(() => {
		vi.useFakeTimers({
			toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame']
		});
	});
	afterEach(() => vi.useRealTimers());

	// A frame is 16 ms under fake timers; the slice renders in a task after the frame.
	it('shows the first slice at once, then one more slice per frame up to the limit', () => {
		const count = new GrowPerFrame({ first: 5, step: 5, limit: 12 });
		expect(count.current).toBe(5);
		vi.advanceTimersByTime(17);
		expect(count.current).toBe(10);
		vi.advanceTimersByTime(17);
		expect(count.current).toBe(12);
		vi.advanceTimersByTime(1000);
		expect(count.current).toBe(12);
		expect(vi.getTimerCount()).toBe(0);
	});

	it('does not schedule anything for a list that fits the first slice', () => {
		const count = new GrowPerFrame({ first: 5, step: 5, limit: 3 });
		expect(count.current).toBe(3);
		expect(vi.getTimerCount()).toBe(0);
	});

	it('stops growing once disposed (the page was left)', () => {
		const count = new GrowPerFrame({ first: 5, step: 5, limit: 20 });
		count.dispose();
		vi.advanceTimersByTime(1000);
		expect(count.current).toBe(5);
	});
});

import { describe, expect, it } from 'vitest';
import { retryDelay } from './retry-delay';

describe('retryDelay', () => {
	it('doubles from 2 s up to 5 minutes, jittered between half and all of it', () => {
		expect([1, 2, 3, 4].map((n) => retryDelay(n, () => 1))).toEqual([2000, 4000, 8000, 16000]);
		expect([1, 2, 3, 4].map((n) => retryDelay(n, () => 0))).toEqual([1000, 2000, 4000, 8000]);
		expect(retryDelay(30, () => 1)).toBe(300_000);
		expect(retryDelay(30, () => 0)).toBe(150_000);
	});
});

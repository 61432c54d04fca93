import { describe, expect, it } from 'vitest';
import { pageOf, pageWindow } from './paging';

describe('pageWindow', () => {
	it('gives each page of 100,000 lines its offset and size, the last one short', () => {
		expect(pageWindow({ page: 0, size: 100, count: 100_000 })).toEqual({
			page: 0,
			pages: 1000,
			offset: 0,
			limit: 100
		});
		expect(pageWindow({ page: 734, size: 100, count: 100_000 })).toMatchObject({
			offset: 73_400,
			limit: 100
		});
		expect(pageWindow({ page: 2, size: 100, count: 250 })).toEqual({
			page: 2,
			pages: 3,
			offset: 200,
			limit: 50
		});
	});

	it('clamps a page past either end, and an empty list has one empty page', () => {
		expect(pageWindow({ page: 9, size: 100, count: 250 })).toMatchObject({ page: 2, offset: 200 });
		expect(pageWindow({ page: -3, size: 100, count: 250 })).toMatchObject({ page: 0, offset: 0 });
		expect(pageWindow({ page: 0, size: 100, count: 0 })).toEqual({
			page: 0,
			pages: 1,
			offset: 0,
			limit: 0
		});
	});
});

describe('pageOf', () => {
	it('finds the page that holds a position', () => {
		expect(pageOf(0, 100)).toBe(0);
		expect(pageOf(99, 100)).toBe(0);
		expect(pageOf(100, 100)).toBe(1);
		expect(pageOf(73_410, 100)).toBe(734);
	});
});

/** Where a page of a long list starts and ends; pages count from 0. */
export type PageWindow = {
	page: number;
	/** How many pages the list has; at least 1, so an empty list still has its (empty) page. */
	pages: number;
	/** Position of the page's first item, 0-based. */
	offset: number;
	/** How many items the page holds. */
	limit: number;
};

/** The page `page` of `count` items, `size` a page; a page past either end is clamped. */
export function pageWindow(options: { page: number; size: number; count: number }): PageWindow {
	const { size, count } = options;
	const pages = Math.max(1, Math.ceil(count / size));
	const page = Math.min(Math.max(0, Math.floor(options.page)), pages - 1);
	const offset = page * size;
	return { page, pages, offset, limit: Math.max(0, Math.min(size, count - offset)) };
}

/** The page that holds the item at `position` (0-based). */
export function pageOf(position: number, size: number): number {
	return Math.floor(position / size);
}

import type { UsageLine } from '$lib/domain/usage-line';
import { afterEach, describe, expect, it } from 'vitest';
import { toDecimal } from '$lib/domain/money';
import { toPeriod } from '$lib/domain/period';
import { PartnerDeskDatabase } from './db';
import { locateLine, readLinePage } from './line-pages';
import { readLines, storeImportedReport } from './report-repo';
import { dropDatabase } from '../../../tests/helpers/store';

let db: PartnerDeskDatabase;
afterEach(() => dropDatabase(db));

/** 2,500 lines on file lines 2, 5, 8, …: the rows between were left out, as skipped rows are. */
function lines(count: number): UsageLine[] {
	return Array.from({ length: count }, (_, i) => ({
		line: 2 + 3 * i,
		sid: `SID-4711-HZN-0${i % 3}`,
		description: 'Horizon Standard',
		customerRef: `CUST-${i % 7}`,
		quantity: toDecimal(String(i + 1)),
		unitPrice: toDecimal('2.50'),
		total: toDecimal((2.5 * (i + 1)).toFixed(2))
	}));
}

async function stored(count: number) {
	db = new PartnerDeskDatabase(`line-pages-${crypto.randomUUID()}`);
	const revision = await storeImportedReport(db, {
		programId: 'omnissa-sp',
		period: toPeriod(2026, 10),
		currency: 'EUR',
		lines: lines(count)
	});
	return revision.id;
}

describe('a page of lines in real IndexedDB', () => {
	it('reads the right rows on page N, across a chunk boundary and on the short last page', async () => {
		const id = await stored(2500);
		const all = await readLines(db, id);

		const second = await readLinePage(db, id, { offset: 100, limit: 100 });
		expect(second).toHaveLength(100);
		expect(second[0]).toStrictEqual(all[100]);
		expect(second.map((line) => line.line)).toEqual(all.slice(100, 200).map((l) => l.line));
		expect(second[0]).toMatchObject({ line: 302, quantity: '101', total: '252.5' });

		// Positions 950 to 1049 lie in the first and the second chunk.
		const across = await readLinePage(db, id, { offset: 950, limit: 100 });
		expect(across).toStrictEqual(all.slice(950, 1050));

		const last = await readLinePage(db, id, { offset: 2400, limit: 100 });
		expect(last).toStrictEqual(all.slice(2400));
		expect(last.at(-1)).toMatchObject({ line: 7499, quantity: '2500', total: '6250' });
		expect(await readLinePage(db, id, { offset: 2500, limit: 100 })).toEqual([]);
	});

	it('finds the position of a file line by binary search, and no position for a line it lacks', async () => {
		const id = await stored(2500);
		expect(await locateLine(db, id, 2)).toBe(0);
		expect(await locateLine(db, id, 2 + 3 * 1234)).toBe(1234);
		expect(await locateLine(db, id, 2 + 3 * 999)).toBe(999);
		expect(await locateLine(db, id, 2 + 3 * 1000)).toBe(1000);
		expect(await locateLine(db, id, 7499)).toBe(2499);
		// Left-out rows, a line before the first and after the last.
		expect(await locateLine(db, id, 3)).toBeUndefined();
		expect(await locateLine(db, id, 1)).toBeUndefined();
		expect(await locateLine(db, id, 7500)).toBeUndefined();
		expect(await locateLine(db, 'no-such-revision', 2)).toBeUndefined();
	});
});

import type { UsageLine } from '$lib/domain/usage-line';
import { summarizeLines } from '$lib/domain/report-totals';
import { afterEach, describe, expect, it } from 'vitest';
import { toDecimal } from '$lib/domain/money';
import { toPeriod } from '$lib/domain/period';
import { PartnerDeskDatabase } from './db';
import {
	acknowledgeFinding,
	findRevisionByDigest,
	listRevisions,
	markReady,
	readAudit,
	readGroupTotals,
	readLines,
	storeImportedReport
} from './report-repo';
import { acknowledgeWarnings } from './test-review';
import { dropDatabase } from '../../../tests/helpers/store';

let db: PartnerDeskDatabase;
afterEach(() => dropDatabase(db));

function lines(count: number, price = '2.50'): UsageLine[] {
	return Array.from({ length: count }, (_, i) => ({
		line: i + 2,
		sid: `SID-4711-HZN-0${i % 3}`,
		description: 'Horizon Standard',
		customerRef: `CUST-${i % 7}`,
		quantity: toDecimal(String(i + 1)),
		unitPrice: toDecimal(price),
		total: toDecimal((Number(price) * (i + 1)).toFixed(2))
	}));
}

const source = (digest: string) => ({
	fileName: 'usage.csv',
	digest: digest.repeat(64).slice(0, 64),
	encoding: 'utf-8',
	importedAt: '2026-11-12T09:00:00.000Z',
	rowsRead: 2500,
	rowsSkipped: 0
});

/** The demo day, inside October's review window. */
const NOW = new Date('2026-11-12T10:00:00Z');

/** Acknowledges what the check raises, then marks ready, as the partner does. */
async function ready(revisionId: string) {
	await acknowledgeWarnings(db, { revisionId, now: NOW });
	return markReady(db, { revisionId, now: NOW });
}

const base = { programId: 'omnissa-sp' as const, period: toPeriod(2026, 10), currency: 'EUR' };

describe('report revisions in real IndexedDB', () => {
	it('stores 2,500 lines as 3 chunks with totals, in file order', async () => {
		db = new PartnerDeskDatabase(`reports-${crypto.randomUUID()}`);
		const revision = await storeImportedReport(db, {
			...base,
			lines: lines(2500),
			source: source('a')
		});
		expect(revision).toMatchObject({
			revision: 1,
			supersedes: null,
			state: 'draft',
			lineCount: 2500
		});
		// 2.50 × (1 + … + 2500) = 2.50 × 3,126,250
		expect(revision.totals).toEqual({ quantity: '3126250', amount: '7815625.00' });
		expect(await db.lineChunks.count()).toBe(3);
		const stored = await readLines(db, revision.id);
		expect(stored.map((line) => line.line)).toEqual(lines(2500).map((line) => line.line));
		const groups = await readGroupTotals(db, revision.id);
		expect(groups.bySid.map((group) => group.key)).toEqual([
			'SID-4711-HZN-00',
			'SID-4711-HZN-01',
			'SID-4711-HZN-02'
		]);
		expect(groups.byCustomer).toHaveLength(7);
		expect((await findRevisionByDigest(db, source('a').digest))?.id).toBe(revision.id);
	});

	it('takes the totals the importer added up, and refuses totals of other lines', async () => {
		db = new PartnerDeskDatabase(`reports-${crypto.randomUUID()}`);
		const given = summarizeLines(lines(1200));
		const revision = await storeImportedReport(db, {
			...base,
			lines: lines(1200),
			totals: given,
			source: source('a')
		});
		expect(revision.totals).toEqual({ quantity: given.quantity, amount: given.amount });
		expect(await readGroupTotals(db, revision.id)).toEqual({
			bySid: given.bySid,
			byCustomer: given.byCustomer
		});
		await expect(
			storeImportedReport(db, {
				...base,
				kind: 'regular',
				replace: revision.id,
				lines: lines(1201),
				totals: given,
				source: source('b')
			})
		).rejects.toThrow('totals of 1200 lines given for 1201 lines');
		// Nothing of the refused store was written.
		expect((await readLines(db, revision.id)).length).toBe(1200);
		expect(await findRevisionByDigest(db, source('b').digest)).toBeUndefined();
	});

	it('replaces a draft’s lines instead of adding to them, and refuses a second draft', async () => {
		db = new PartnerDeskDatabase(`reports-${crypto.randomUUID()}`);
		const first = await storeImportedReport(db, {
			...base,
			lines: lines(2500),
			source: source('a')
		});
		await expect(
			storeImportedReport(db, { ...base, lines: lines(10), source: source('b') })
		).rejects.toMatchObject({ code: 'draft-exists', revisionId: first.id });
		const replaced = await storeImportedReport(db, {
			...base,
			lines: lines(10),
			source: source('b'),
			replace: first.id
		});
		expect(replaced).toMatchObject({ id: first.id, revision: 1, lineCount: 10 });
		expect(await db.lineChunks.count()).toBe(1);
		expect(await readLines(db, first.id)).toHaveLength(10);
		expect((await readAudit(db, first.id)).map((entry) => entry.action)).toEqual([
			'imported',
			'replaced'
		]);
	});

	it('freezes a ready revision; a correction is revision 2 and supersedes it when ready', async () => {
		db = new PartnerDeskDatabase(`reports-${crypto.randomUUID()}`);
		const first = await storeImportedReport(db, { ...base, lines: lines(5), source: source('a') });
		await acknowledgeFinding(db, {
			revisionId: first.id,
			findingKey: 'quantity-change:CUST-1:SID-4711-HZN-01',
			reasonCode: 'customer-growth',
			comment: 'New branch office'
		});
		await ready(first.id);
		await expect(
			acknowledgeFinding(db, {
				revisionId: first.id,
				findingKey: 'x',
				reasonCode: 'other',
				comment: ''
			})
		).rejects.toMatchObject({ code: 'not-a-draft' });

		const second = await storeImportedReport(db, { ...base, lines: lines(6), source: source('c') });
		expect(second).toMatchObject({ revision: 2, supersedes: first.id, state: 'draft' });
		await ready(second.id);
		const states = (await listRevisions(db)).map((r) => [r.revision, r.state]);
		expect(states).toEqual([
			[2, 'ready'],
			[1, 'superseded']
		]);
		const [stored] = (await listRevisions(db)).filter((r) => r.id === first.id);
		expect(stored.acknowledgements['quantity-change:CUST-1:SID-4711-HZN-01']).toMatchObject({
			reasonCode: 'customer-growth',
			comment: 'New branch office'
		});
	});

	it('late usage for a closed month is an adjustment that replaces nothing', async () => {
		db = new PartnerDeskDatabase(`reports-${crypto.randomUUID()}`);
		const late = { ...base, kind: 'adjustment' as const, lines: lines(2) };
		await expect(storeImportedReport(db, { ...late, source: source('d') })).rejects.toMatchObject({
			code: 'nothing-to-adjust'
		});
		const regular = await storeImportedReport(db, {
			...base,
			lines: lines(5),
			source: source('a')
		});
		await ready(regular.id);

		const first = await storeImportedReport(db, { ...late, source: source('d') });
		expect(first).toMatchObject({ kind: 'adjustment', revision: 1, supersedes: null });
		await ready(first.id);
		const second = await storeImportedReport(db, { ...late, source: source('e') });
		expect(second).toMatchObject({ kind: 'adjustment', revision: 2, supersedes: null });
		await ready(second.id);
		// A correction of the month itself is still the regular report's revision 2.
		const correction = await storeImportedReport(db, {
			...base,
			lines: lines(6),
			source: source('c')
		});
		expect(correction).toMatchObject({ kind: 'regular', revision: 2, supersedes: regular.id });

		const states = (await listRevisions(db)).map((r) => [r.kind, r.revision, r.state]);
		expect(states).toEqual(
			expect.arrayContaining([
				['regular', 1, 'ready'],
				['adjustment', 1, 'ready'],
				['adjustment', 2, 'ready'],
				['regular', 2, 'draft']
			])
		);
		expect(states).toHaveLength(4);
	});

	it('a month without usage is stored only as the user’s explicit choice', async () => {
		db = new PartnerDeskDatabase(`reports-${crypto.randomUUID()}`);
		const zero = await storeImportedReport(db, { ...base, lines: [], zeroUsageConfirmed: true });
		expect(zero).toMatchObject({
			kind: 'regular',
			revision: 1,
			lineCount: 0,
			zeroUsageConfirmed: true,
			totals: { quantity: '0', amount: '0.00' }
		});
		expect(zero.source).toBeUndefined();
		expect(await readAudit(db, zero.id)).toMatchObject([
			{ action: 'zero-usage', detail: { lines: 0 } }
		]);
	});

	it('writes nothing when the disk is full in the middle of an import', async () => {
		db = new PartnerDeskDatabase(`reports-${crypto.randomUUID()}`);
		const original = db.groupTotals.put.bind(db.groupTotals);
		db.groupTotals.put = (() => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		}) as typeof original;
		await expect(
			storeImportedReport(db, { ...base, lines: lines(2500), source: source('a') })
		).rejects.toMatchObject({ code: 'storage-full' });
		db.groupTotals.put = original;
		expect(await db.reports.count()).toBe(0);
		expect(await db.lineChunks.count()).toBe(0);
		expect(await db.auditLog.count()).toBe(0);
	});
});

import type { UsageLine } from '$lib/domain/usage-line';
import { afterEach, describe, expect, it } from 'vitest';
import { toDecimal } from '$lib/domain/money';
import { toPeriod } from '$lib/domain/period';
import { findingFingerprint, findingKey } from '$lib/domain/finding-identity';
import { PartnerDeskDatabase } from './db';
import {
	acknowledgeFinding,
	markReady,
	readAudit,
	recordCreditReason,
	storeImportedReport
} from './report-repo';
import { checkStoredRevision } from './review-check';
import { dropDatabase } from '../../../tests/helpers/store';

let db: PartnerDeskDatabase;
afterEach(() => dropDatabase(db));

const NOW = new Date('2026-11-12T10:00:00Z');
const LATE = new Date('2026-11-20T10:00:00Z');

const usage = (line: number, sid: string, quantity: string, price: string): UsageLine => ({
	line,
	sid,
	description: 'Horizon Standard',
	customerRef: 'Nordlicht Logistik AG',
	quantity: toDecimal(quantity),
	unitPrice: toDecimal(price),
	total: toDecimal((Number(quantity) * Number(price)).toFixed(2))
});

const september = [usage(2, 'SID-4711-HZN-01', '100', '10.00')];
/** October: +50 % on HZN-01 (a warning) and a credit on HZN-02 (blocking until it has a reason). */
const october = [
	usage(2, 'SID-4711-HZN-01', '150', '10.00'),
	usage(3, 'SID-4711-HZN-02', '-2', '10.00')
];
const source = (digest: string) => ({
	fileName: 'usage.csv',
	digest: digest.repeat(64),
	encoding: 'utf-8',
	importedAt: '2026-11-12T09:00:00.000Z',
	rowsRead: 2,
	rowsSkipped: 0
});
const base = { programId: 'omnissa-sp' as const, currency: 'EUR' };

async function warnings(revisionId: string, now = NOW) {
	const revision = (await db.reports.get(revisionId))!;
	const { findings } = await checkStoredRevision(db, { revision, now });
	return findings;
}

async function acknowledge(revisionId: string, ruleId: string, comment: string, now = NOW) {
	const finding = (await warnings(revisionId, now)).find((f) => f.ruleId === ruleId)!;
	return acknowledgeFinding(db, {
		revisionId,
		findingKey: findingKey(finding),
		fingerprint: findingFingerprint(finding),
		reasonCode: 'customer-growth',
		comment,
		now
	});
}

/** September delivered-ish (ready), October's draft with its words. */
async function octoberDraft() {
	db = new PartnerDeskDatabase(`review-${crypto.randomUUID()}`);
	const sept = await storeImportedReport(db, {
		...base,
		period: toPeriod(2026, 9),
		lines: september
	});
	// September reviewed on time: nothing to acknowledge.
	await markReady(db, { revisionId: sept.id, now: new Date('2026-10-12T10:00:00Z') });
	return storeImportedReport(db, {
		...base,
		period: toPeriod(2026, 10),
		lines: october,
		source: source('b')
	});
}

describe('the ready gate in the store', () => {
	it('refuses blocking findings and open warnings with codes, and changes nothing', async () => {
		const draft = await octoberDraft();
		await expect(markReady(db, { revisionId: draft.id, now: NOW })).rejects.toMatchObject({
			code: 'blocking-findings',
			count: 1
		});
		await recordCreditReason(db, { revisionId: draft.id, line: 3, reason: 'Two seats returned' });
		await expect(markReady(db, { revisionId: draft.id, now: NOW })).rejects.toMatchObject({
			code: 'open-warnings',
			count: 1
		});
		expect((await db.reports.get(draft.id))?.state).toBe('draft');
		expect((await readAudit(db, draft.id)).map((e) => e.action)).toEqual([
			'imported',
			'credit-reason'
		]);
		await acknowledge(draft.id, 'quantity-change', 'New site');
		expect(await markReady(db, { revisionId: draft.id, now: NOW })).toMatchObject({
			state: 'ready'
		});
		await expect(markReady(db, { revisionId: draft.id, now: NOW })).rejects.toMatchObject({
			code: 'not-a-draft'
		});
	});
});

describe('a correction keeps what still holds', () => {
	it('carries unchanged acknowledgements and credit reasons; a changed finding asks again', async () => {
		const draft = await octoberDraft();
		await recordCreditReason(db, { revisionId: draft.id, line: 3, reason: 'Two seats returned' });
		await acknowledge(draft.id, 'quantity-change', 'New site');
		await markReady(db, { revisionId: draft.id, now: NOW });

		// The same file again, one line added in front: the credit line moves to line 4.
		const moved = [
			usage(2, 'SID-4711-UEM-01', '5', '3.00'),
			...october.map((l) => ({ ...l, line: l.line + 1 }))
		];
		const second = await storeImportedReport(db, {
			...base,
			period: toPeriod(2026, 10),
			lines: moved,
			now: NOW
		});
		expect(second).toMatchObject({ revision: 2, supersedes: draft.id, state: 'draft' });
		expect(second.creditReasons).toEqual({ '4': 'Two seats returned' });
		// The quantity change is about the SID, not a line: same rule, subject and numbers.
		expect(Object.values(second.acknowledgements)).toMatchObject([
			{ reasonCode: 'customer-growth', comment: 'New site', carriedFrom: draft.id }
		]);
		expect((await readAudit(db, second.id)).map((e) => [e.action, e.detail])).toEqual([
			['zero-usage', { lines: 3 }],
			['carried-over', { acknowledgements: 1, creditReasons: 1 }]
		]);
		await expect(markReady(db, { revisionId: second.id, now: NOW })).resolves.toMatchObject({
			state: 'ready'
		});
		expect((await db.reports.get(draft.id))?.state).toBe('superseded');

		// Revision 3 changes the quantity (150 → 160): the finding's numbers changed, so the
		// partner is asked again; the unchanged credit line keeps its reason.
		const third = await storeImportedReport(db, {
			...base,
			period: toPeriod(2026, 10),
			lines: [usage(2, 'SID-4711-HZN-01', '160', '10.00'), october[1]],
			now: NOW
		});
		expect(third.acknowledgements).toEqual({});
		expect(third.creditReasons).toEqual({ '3': 'Two seats returned' });
		await expect(markReady(db, { revisionId: third.id, now: NOW })).rejects.toMatchObject({
			code: 'open-warnings'
		});
	});

	it('replacing a draft keeps its own words where they still hold', async () => {
		const draft = await octoberDraft();
		await recordCreditReason(db, { revisionId: draft.id, line: 3, reason: 'Two seats returned' });
		await acknowledge(draft.id, 'quantity-change', 'New site');
		const replaced = await storeImportedReport(db, {
			...base,
			period: toPeriod(2026, 10),
			lines: october,
			replace: draft.id,
			now: NOW
		});
		expect(replaced.id).toBe(draft.id);
		expect(replaced.creditReasons).toEqual({ '3': 'Two seats returned' });
		expect(Object.values(replaced.acknowledgements)).toMatchObject([{ comment: 'New site' }]);
		expect(Object.values(replaced.acknowledgements)[0].carriedFrom).toBeUndefined();
	});

	it('does not carry an acknowledgement of lateness into a later, later correction', async () => {
		db = new PartnerDeskDatabase(`review-${crypto.randomUUID()}`);
		const first = await storeImportedReport(db, {
			...base,
			period: toPeriod(2026, 10),
			lines: september
		});
		await acknowledge(first.id, 'report-late', 'Agreed by phone', LATE);
		await markReady(db, { revisionId: first.id, now: LATE });
		const sameDay = await storeImportedReport(db, {
			...base,
			period: toPeriod(2026, 10),
			lines: [usage(2, 'SID-4711-HZN-01', '101', '10.00')],
			now: LATE
		});
		expect(Object.values(sameDay.acknowledgements)).toMatchObject([{ comment: 'Agreed by phone' }]);
	});
});

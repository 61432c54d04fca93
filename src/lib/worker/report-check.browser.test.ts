import type { UsageLine } from '$lib/domain/usage-line';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toDecimal } from '$lib/domain/money';
import { toPeriod } from '$lib/domain/period';
import type { ReportRevision } from '$lib/domain/report';
import { importUsageCsv } from '$lib/import/import-usage-csv';
import { effectiveOmnissaPack } from '$lib/programs/omnissa-sp/effective-pack';
import { checkReport } from '$lib/programs/omnissa-sp/rules/engine';
import { groupFindings } from '$lib/rules/finding-groups';
import { summarizeReview } from '$lib/rules/review-summary';
import { PartnerDeskDatabase } from '$lib/store/db';
import { readGroupTotals, readLines, storeImportedReport } from '$lib/store/report-repo';
import { revisionFacts as reportFacts } from '$lib/rules/revision-facts';
import september from '../../../tests/fixtures/omnissa/usage-2026-09.en.csv?raw';
import october from '../../../tests/fixtures/omnissa/usage-2026-10.de.csv?raw';
import {
	FINDINGS_PER_PAGE,
	type CheckQuestion,
	type CheckReply,
	type CheckRequest
} from './report-check-protocol';

const pack = effectiveOmnissaPack(undefined).pack;
const now = new Date('2026-11-12T09:00:00Z');
const timeZone = 'Europe/Berlin';
let db: PartnerDeskDatabase;
let worker: Worker;
let next = 0;

beforeEach(() => {
	db = new PartnerDeskDatabase(`report-check-${crypto.randomUUID()}`);
	worker = new Worker(new URL('./report-check.worker.ts', import.meta.url), { type: 'module' });
});
afterEach(async () => {
	worker.terminate();
	db.close();
	await Dexie.delete(db.name);
});

/** One request to the worker and its reply. */
function ask(request: CheckQuestion): Promise<CheckReply> {
	const id = ++next;
	return new Promise((resolve) => {
		const listen = (event: MessageEvent<CheckReply>) => {
			if (event.data.id !== id) return;
			worker.removeEventListener('message', listen);
			resolve(event.data);
		};
		worker.addEventListener('message', listen);
		worker.postMessage({ ...request, id } as CheckRequest);
	});
}

async function importFixture(text: string, fileName: string, period: [number, number]) {
	const result = await importUsageCsv({ bytes: new TextEncoder().encode(text), fileName });
	return storeImportedReport(db, {
		programId: 'omnissa-sp',
		period: toPeriod(...period),
		currency: 'EUR',
		lines: result.lines,
		totals: result.totals
	});
}

/** What the worker returns and what checkReport returns on this thread, for one revision. */
async function bothWays(revision: ReportRevision, previous?: ReportRevision) {
	const facts = (lines: UsageLine[], previousLines: UsageLine[]) =>
		reportFacts({
			revision,
			lines,
			previous: previous && { revision: previous, lines: previousLines },
			timeZone,
			now
		});
	const checked = await ask({
		type: 'check',
		databaseName: db.name,
		revisionId: revision.id,
		previousRevisionId: previous?.id,
		facts: facts([], []),
		pack,
		acknowledged: revision.acknowledgements
	});
	const all = await ask({ type: 'findings' });
	const here = checkReport({
		facts: facts(
			await readLines(db, revision.id),
			previous ? await readLines(db, previous.id) : []
		),
		pack
	});
	return { checked, all, here };
}

describe('the check worker', () => {
	it('finds exactly what checkReport finds on the main thread, for September and October', async () => {
		const sep = await importFixture(september, 'usage-2026-09.en.csv', [2026, 9]);
		// Ready as the review leaves it (its late warning acknowledged); the gate is not tested here.
		const ready = { ...sep, state: 'ready' as const, readyAt: now.toISOString() };
		await db.reports.put(ready);
		const oct = await importFixture(october, 'usage-2026-10.de.csv', [2026, 10]);

		for (const [revision, previous] of [
			[ready, undefined],
			[oct, ready]
		] as const) {
			const { checked, all, here } = await bothWays(revision, previous);
			expect(here.length).toBeGreaterThan(0);
			expect(all).toEqual({ type: 'findings', id: expect.any(Number), findings: here });
			const groups = groupFindings(here);
			expect(checked).toEqual({
				type: 'checked',
				id: expect.any(Number),
				summary: summarizeReview({ findings: here, acknowledged: {} }),
				count: here.length,
				groups: groups.map(({ findings, ...group }) => ({
					...group,
					first: findings.slice(0, FINDINGS_PER_PAGE)
				}))
			});
		}
		// October against September: the story of the sample data (tests/fixtures/SAMPLE-DATA.md).
		const { checked } = await bothWays(oct, ready);
		if (checked.type !== 'checked') throw new Error(checked.type);
		expect(checked.summary).toMatchObject({ blocking: 1, openWarnings: 2, info: 1 });
	});

	it('hands out a big group a page at a time, the same findings in the same order', async () => {
		// 3,000 lines, every 3rd total a cent off: 1,000 line-total findings.
		const lines: UsageLine[] = Array.from({ length: 3000 }, (_, i) => ({
			line: i + 2,
			sid: 'SID-4711-HZN-01',
			description: 'Horizon Standard',
			customerRef: `Kunde ${i}`,
			quantity: toDecimal('2'),
			unitPrice: toDecimal('24.90'),
			total: toDecimal(i % 3 === 0 ? '49.81' : '49.80')
		}));
		const revision = await storeImportedReport(db, {
			programId: 'omnissa-sp',
			period: toPeriod(2026, 10),
			currency: 'EUR',
			lines
		});
		const { checked, here } = await bothWays(revision);
		if (checked.type !== 'checked') throw new Error(checked.type);
		const mismatches = groupFindings(here).find((g) => g.ruleId === 'line-total-mismatch');
		expect(mismatches?.count).toBe(1000);
		expect(checked.groups.find((g) => g.key === mismatches?.key)?.count).toBe(1000);

		const page = await ask({
			type: 'page',
			group: 'blocking|line-total-mismatch',
			offset: 980,
			limit: 20
		});
		expect(page).toEqual({
			type: 'page',
			id: expect.any(Number),
			findings: mismatches?.findings.slice(980, 1000)
		});
		if (page.type !== 'page') throw new Error(page.type);
		expect(page.findings.map((finding) => finding.subject.line)).toEqual(
			Array.from({ length: 20 }, (_, i) => 2 + 3 * (980 + i))
		);
	});

	it('hands out the totals per customer a page at a time, with their count', async () => {
		const lines: UsageLine[] = Array.from({ length: 3000 }, (_, i) => ({
			line: i + 2,
			sid: `SID-4711-HZN-0${i % 4}`,
			description: 'Horizon Standard',
			customerRef: `Kunde ${String(i).padStart(4, '0')}`,
			quantity: toDecimal('2'),
			unitPrice: toDecimal('24.90'),
			total: toDecimal('49.80')
		}));
		const revision = await storeImportedReport(db, {
			programId: 'omnissa-sp',
			period: toPeriod(2026, 10),
			currency: 'EUR',
			lines
		});
		const stored = await readGroupTotals(db, revision.id);
		const request = {
			type: 'totals',
			databaseName: db.name,
			revisionId: revision.id,
			version: revision.updatedAt
		} as const;
		const last = await ask({ ...request, by: 'byCustomer', offset: 2950, limit: 100 });
		expect(last).toEqual({
			type: 'totals',
			id: expect.any(Number),
			rows: stored.byCustomer.slice(2950),
			count: 3000
		});
		if (last.type !== 'totals') throw new Error(last.type);
		expect(last.rows[0]).toEqual({ key: 'Kunde 2950', lines: 1, quantity: '2', amount: '49.80' });
		const sids = await ask({ ...request, by: 'bySid', offset: 0, limit: 50 });
		expect(sids).toMatchObject({ type: 'totals', count: 4, rows: stored.bySid });
		expect(stored.bySid.map((row) => [row.key, row.lines, row.amount])).toEqual([
			['SID-4711-HZN-00', 750, '37350.00'],
			['SID-4711-HZN-01', 750, '37350.00'],
			['SID-4711-HZN-02', 750, '37350.00'],
			['SID-4711-HZN-03', 750, '37350.00']
		]);
	});
});

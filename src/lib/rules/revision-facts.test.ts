import { describe, expect, it } from 'vitest';
import { toPeriod, type Period } from '$lib/domain/period';
import type { ReportRevision, ReportState } from '$lib/domain/report';
import { previousRevision } from '$lib/domain/report-lifecycle';
import { revisionFacts as reportFacts } from './revision-facts';

let next = 0;
function revision(
	period: Period,
	state: ReportState,
	options: Partial<ReportRevision> = {}
): ReportRevision {
	next += 1;
	return {
		id: `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`,
		programId: 'omnissa-sp',
		period,
		kind: 'regular',
		revision: 1,
		supersedes: null,
		state,
		currency: 'EUR',
		createdAt: '2026-11-01T08:00:00.000Z',
		updatedAt: '2026-11-01T08:00:00.000Z',
		lineCount: 0,
		totals: { quantity: '0', amount: '0.00' },
		acknowledgements: {},
		creditReasons: {},
		zeroUsageConfirmed: false,
		...options
	} as ReportRevision;
}

const october = toPeriod(2026, 10);
const september = toPeriod(2026, 9);

describe('the report last month is compared with', () => {
	it('is the newest regular revision that left the draft stage and was not replaced', () => {
		const old = revision(september, 'superseded');
		const current = revision(september, 'ready', { revision: 2 });
		const draft = revision(september, 'draft', { revision: 3 });
		const late = revision(september, 'ready', { kind: 'adjustment', revision: 4 });
		const report = revision(october, 'draft');
		expect(previousRevision(report, [old, current, draft, late, report])?.id).toBe(current.id);
	});

	it('is none for an adjustment, which holds only late lines', () => {
		const september1 = revision(september, 'ready');
		const late = revision(october, 'draft', { kind: 'adjustment' });
		expect(previousRevision(late, [september1, late])).toBeUndefined();
	});
});

describe('the facts of a revision with rows left out', () => {
	it('name the rows still undecided and the rows lost before version 8, so the rule blocks', () => {
		const facts = reportFacts({
			revision: revision(october, 'draft'),
			lines: [],
			leftOut: {
				rows: [
					{ line: 9, cells: [], problems: [] },
					{
						line: 4,
						cells: [],
						problems: [],
						resolution: {
							kind: 'excluded',
							reasonCode: 'other',
							comment: 'x',
							at: '2026-11-12T10:00:00.000Z'
						}
					}
				],
				lostRows: 2
			},
			timeZone: 'Europe/Berlin',
			now: new Date('2026-11-12T10:00:00Z')
		});
		expect([facts.leftOutLines, facts.leftOutLost]).toEqual([[9], 2]);
		const none = reportFacts({
			revision: revision(october, 'draft'),
			lines: [],
			timeZone: 'Europe/Berlin',
			now: new Date('2026-11-12T10:00:00Z')
		});
		expect([none.leftOutLines, none.leftOutLost]).toEqual([[], 0]);
	});
});

describe('the facts of a revision', () => {
	it('say the totals were computed when the imported file had no total column', () => {
		const source = {
			fileName: 'no-totals.csv',
			digest: 'a'.repeat(64),
			encoding: 'utf-8',
			importedAt: '2026-11-01T08:00:00.000Z',
			rowsRead: 3,
			rowsSkipped: 0
		};
		const now = new Date('2026-11-12T10:00:00Z');
		const computed = revision(october, 'draft', { source: { ...source, totalsComputed: true } });
		const given = revision(october, 'draft', { source });
		const facts = (of: ReportRevision) =>
			reportFacts({ revision: of, lines: [], timeZone: 'Europe/Berlin', now });
		expect(facts(computed).totalsComputed).toBe(true);
		expect(facts(given).totalsComputed).toBe(false);
	});
});

import { describe, expect, it } from 'vitest';
import { toPeriod } from '$lib/domain/period';
import type { ReportRevision } from '$lib/domain/report';
import { omnissaPack } from '$lib/programs/omnissa-sp/built-in-pack';
import { reportStatus } from './report-status';

const revision = { period: toPeriod(2026, 10), state: 'draft' } as ReportRevision;
const options = { pack: omnissaPack(), timeZone: 'Europe/Berlin' };

describe('reportStatus', () => {
	it('is a draft before the window, in review inside it, overdue after the 15th', () => {
		const before = reportStatus({ ...options, revision, now: new Date('2026-11-05T10:00:00Z') });
		expect(before).toMatchObject({ state: 'draft', daysLeft: 10, overdue: false });
		const inside = reportStatus({ ...options, revision, now: new Date('2026-11-12T10:00:00Z') });
		expect(inside).toMatchObject({ state: 'in-review', daysLeft: 3, overdue: false });
		expect(inside.dueDay.toISOString()).toBe('2026-11-15T22:59:59.999Z');
		const after = reportStatus({ ...options, revision, now: new Date('2026-11-16T08:00:00Z') });
		expect(after).toMatchObject({ state: 'in-review', daysLeft: -1, overdue: true });
	});

	it('never calls a delivered or superseded report overdue', () => {
		const now = new Date('2026-12-20T08:00:00Z');
		for (const state of ['delivered', 'superseded'] as const) {
			expect(reportStatus({ ...options, revision: { ...revision, state }, now }).overdue).toBe(
				false
			);
		}
		expect(
			reportStatus({ ...options, revision: { ...revision, state: 'ready' }, now }).overdue
		).toBe(true);
	});

	it('never calls an adjustment overdue: late usage comes after the due date by nature', () => {
		const now = new Date('2026-12-20T08:00:00Z');
		const late = { ...revision, kind: 'adjustment' } as const;
		expect(reportStatus({ ...options, revision: late, now })).toMatchObject({
			state: 'in-review',
			overdue: false
		});
	});
});

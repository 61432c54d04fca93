import { describe, expect, it } from 'vitest';
import { toPeriod, type Period } from './period';
import type { ReportRevision, ReportState } from './report';
import {
	bundleKind,
	displayState,
	monthOverview,
	planRevision,
	readyGate,
	supersededOnReady
} from './report-lifecycle';

let next = 0;
function revision(state: ReportState, options: Partial<ReportRevision> = {}): ReportRevision {
	next += 1;
	return {
		id: `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`,
		programId: 'omnissa-sp',
		period: toPeriod(2026, 10) as Period,
		kind: 'regular',
		revision: 1,
		supersedes: null,
		state,
		currency: 'EUR',
		createdAt: '2026-11-01T08:00:00.000Z',
		updatedAt: '2026-11-01T08:00:00.000Z',
		lineCount: 1,
		totals: { quantity: '1', amount: '1.00' },
		acknowledgements: {},
		creditReasons: {},
		zeroUsageConfirmed: false,
		...options
	} as ReportRevision;
}

describe('planRevision', () => {
	it('makes revision 1 of an empty month, superseding nothing', () => {
		expect(planRevision({ month: [] })).toEqual({
			ok: true,
			kind: 'regular',
			revision: 1,
			supersedes: null,
			corrects: undefined
		});
	});

	it('refuses a second draft with the draft’s id, and replaces it when asked', () => {
		const draft = revision('draft');
		expect(planRevision({ month: [draft] })).toEqual({
			ok: false,
			code: 'draft-exists',
			revisionId: draft.id
		});
		expect(planRevision({ month: [draft], replace: draft.id })).toMatchObject({
			ok: true,
			revision: 1,
			replaces: draft
		});
	});

	it('corrects a frozen revision as the next one, and refuses to replace it', () => {
		const ready = revision('delivered');
		expect(planRevision({ month: [ready] })).toMatchObject({
			ok: true,
			revision: 2,
			supersedes: ready.id,
			corrects: ready
		});
		expect(planRevision({ month: [ready], replace: ready.id })).toMatchObject({
			ok: false,
			code: 'not-a-draft'
		});
	});

	it('adds an adjustment only to a closed month, superseding nothing', () => {
		expect(planRevision({ month: [revision('draft')], kind: 'adjustment' })).toEqual({
			ok: false,
			code: 'nothing-to-adjust'
		});
		const closed = revision('queued');
		const earlier = revision('ready', { kind: 'adjustment' });
		expect(planRevision({ month: [closed, earlier], kind: 'adjustment' })).toMatchObject({
			ok: true,
			kind: 'adjustment',
			revision: 2,
			supersedes: null
		});
	});
});

describe('readyGate and superseding', () => {
	it('lets a draft through only without blocking findings and open warnings', () => {
		const draft = revision('draft');
		expect(readyGate({ revision: draft, blocking: 1, openWarnings: 2 })).toEqual({
			ok: false,
			code: 'blocking-findings',
			count: 1
		});
		expect(readyGate({ revision: draft, blocking: 0, openWarnings: 2 })).toEqual({
			ok: false,
			code: 'open-warnings',
			count: 2
		});
		expect(readyGate({ revision: draft, blocking: 0, openWarnings: 0 })).toEqual({ ok: true });
		expect(readyGate({ revision: revision('ready'), blocking: 0, openWarnings: 0 })).toMatchObject({
			ok: false,
			code: 'not-a-draft'
		});
	});

	it('supersedes the corrected revision once, not twice', () => {
		const old = revision('delivered');
		const correction = revision('draft', { revision: 2, supersedes: old.id });
		expect(supersededOnReady(correction, [old, correction])).toBe(old);
		const done = { ...old, state: 'superseded' as const };
		expect(supersededOnReady(correction, [done, correction])).toBeUndefined();
	});

	it('tells what a month holds for the import panel', () => {
		const closed = revision('delivered');
		const draft = revision('draft', { revision: 2, supersedes: closed.id });
		expect(monthOverview([closed, draft])).toEqual({ closed, drafts: { regular: draft } });
	});
});

describe('displayState', () => {
	const clock = {
		reviewOpensAt: new Date('2026-11-10T00:00:00+01:00'),
		dueAt: new Date('2026-11-16T00:00:00+01:00')
	};
	it('is a draft before the window, in review inside it, overdue after it', () => {
		const draft = revision('draft');
		const at = (iso: string) => displayState({ revision: draft, ...clock, now: new Date(iso) });
		expect(at('2026-11-05T10:00:00Z')).toEqual({ state: 'draft', overdue: false });
		expect(at('2026-11-12T10:00:00Z')).toEqual({ state: 'in-review', overdue: false });
		expect(at('2026-11-16T10:00:00Z')).toEqual({ state: 'in-review', overdue: true });
	});
	it('never calls an adjustment or a sent report overdue', () => {
		const now = new Date('2026-12-01T10:00:00Z');
		expect(
			displayState({ revision: revision('draft', { kind: 'adjustment' }), ...clock, now })
		).toEqual({ state: 'in-review', overdue: false });
		expect(displayState({ revision: revision('queued'), ...clock, now }).overdue).toBe(false);
	});
});

describe('bundleKind', () => {
	it('is zero-usage only for a confirmed month without lines', () => {
		expect(bundleKind(revision('ready'))).toBe('regular');
		expect(bundleKind(revision('ready', { kind: 'adjustment' }))).toBe('adjustment');
		expect(bundleKind(revision('ready', { lineCount: 0, zeroUsageConfirmed: true }))).toBe(
			'zero-usage'
		);
	});
});

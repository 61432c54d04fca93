import { shiftPeriod } from './period';
import { isClosedRegular, isFrozen, type ReportKind, type ReportRevision } from './report';

/**
 * The report lifecycle (DESIGN.md "The monthly report"): which revision a new file becomes,
 * what it supersedes, when a draft may be marked ready, which revision becomes superseded, how
 * a revision shows on the clock, and which revision last month is. Pure: the store applies the
 * results, the pages show them; nothing else decides these questions.
 */

/** Why the lifecycle refuses a step; stable codes, which the message tables turn into sentences. */
export const LIFECYCLE_CODES = [
	'draft-exists',
	'not-a-draft',
	'nothing-to-adjust',
	'blocking-findings',
	'open-warnings'
] as const;
export type LifecycleCode = (typeof LIFECYCLE_CODES)[number];

export type LifecycleRefusal = {
	ok: false;
	code: LifecycleCode;
	/** The revision the refusal is about (the draft that exists, the frozen revision). */
	revisionId?: string;
	/** How many findings stand in the way. */
	count?: number;
};

/** What a month holds for one program, as the import and zero-usage panels ask it. */
export type MonthOverview = {
	/** The month's regular report that went out: a new file corrects it or adds late usage. */
	closed?: ReportRevision;
	/** The draft of each kind, if any: a new file of that kind replaces its lines. */
	drafts: Partial<Record<ReportKind, ReportRevision>>;
};

export function monthOverview(month: readonly ReportRevision[]): MonthOverview {
	const drafts: MonthOverview['drafts'] = {};
	for (const revision of month) if (!isFrozen(revision.state)) drafts[revision.kind] = revision;
	return {
		closed: month.filter(isClosedRegular).sort((a, b) => b.revision - a.revision)[0],
		drafts
	};
}

/** The kind a new file can be: an adjustment only once the month's report has gone out. */
export function importKind(month: readonly ReportRevision[], wanted: ReportKind): ReportKind {
	return monthOverview(month).closed ? wanted : 'regular';
}

export type RevisionPlan = {
	ok: true;
	kind: ReportKind;
	revision: number;
	supersedes: string | null;
	/** The draft whose lines the file replaces (same id, same number). */
	replaces?: ReportRevision;
	/** The frozen revision this one corrects: what may carry over, and what the diff is against. */
	corrects?: ReportRevision;
};

/**
 * Where a new file (or a zero-usage report) goes in its month. A regular file for a month whose
 * newest revision is frozen becomes the next revision and supersedes it (once marked ready); an
 * adjustment adds late usage to a closed month and supersedes nothing; a second draft of the same
 * kind would be ambiguous, so the user replaces the draft instead.
 */
export function planRevision(options: {
	month: readonly ReportRevision[];
	kind?: ReportKind;
	/** The draft the user confirmed to replace. */
	replace?: string;
}): RevisionPlan | LifecycleRefusal {
	const { month, replace } = options;
	if (replace !== undefined) {
		const draft = month.find((revision) => revision.id === replace);
		if (!draft || isFrozen(draft.state))
			return { ok: false, code: 'not-a-draft', revisionId: replace };
		const corrects = month.find((revision) => revision.id === draft.supersedes);
		return {
			ok: true,
			kind: draft.kind,
			revision: draft.revision,
			supersedes: draft.supersedes,
			replaces: draft,
			corrects
		};
	}
	const kind = options.kind ?? 'regular';
	// Late usage adds to a report that went out; before that it belongs in the report.
	if (kind === 'adjustment' && !month.some(isClosedRegular))
		return { ok: false, code: 'nothing-to-adjust' };
	const newest = month
		.filter((revision) => revision.kind === kind)
		.sort((a, b) => b.revision - a.revision)[0];
	if (newest && !isFrozen(newest.state))
		return { ok: false, code: 'draft-exists', revisionId: newest.id };
	// Adjustments stand side by side: each adds late usage, none replaces another.
	const corrects = kind === 'regular' ? newest : undefined;
	return {
		ok: true,
		kind,
		revision: newest ? newest.revision + 1 : 1,
		supersedes: corrects?.id ?? null,
		corrects
	};
}

/**
 * The ready gate: a draft with no blocking finding and every warning acknowledged. The counts
 * come from the rules' review summary of the stored lines.
 */
export function readyGate(options: {
	revision: ReportRevision;
	blocking: number;
	openWarnings: number;
}): { ok: true } | LifecycleRefusal {
	const { revision, blocking, openWarnings } = options;
	if (isFrozen(revision.state)) return { ok: false, code: 'not-a-draft', revisionId: revision.id };
	if (blocking > 0) return { ok: false, code: 'blocking-findings', count: blocking };
	if (openWarnings > 0) return { ok: false, code: 'open-warnings', count: openWarnings };
	return { ok: true };
}

/** The revision that becomes superseded when `revision` is marked ready, if any. */
export function supersededOnReady(
	revision: ReportRevision,
	month: readonly ReportRevision[]
): ReportRevision | undefined {
	if (!revision.supersedes) return undefined;
	const old = month.find((other) => other.id === revision.supersedes);
	return old && old.state !== 'superseded' ? old : undefined;
}

/** What a revision's state is called on screen: a draft is "in review" once the window opens. */
export type DisplayState = ReportRevision['state'] | 'in-review';

/** Only a report that has not left the desk yet can be late. */
const WAITING: readonly DisplayState[] = ['draft', 'in-review', 'ready'];

/**
 * How a revision stands on the clock. The Reports list and the report page both show this, so
 * the list never says "In review" while the report says "Draft".
 */
export function displayState(options: {
	revision: ReportRevision;
	reviewOpensAt: Date;
	dueAt: Date;
	now: Date;
}): { state: DisplayState; overdue: boolean } {
	const { revision, reviewOpensAt, dueAt, now } = options;
	const state: DisplayState =
		revision.state === 'draft' && now >= reviewOpensAt ? 'in-review' : revision.state;
	return {
		state,
		// An adjustment reports usage found after the month went out: late by nature, not overdue.
		overdue: revision.kind !== 'adjustment' && WAITING.includes(state) && now >= dueAt
	};
}

/**
 * The revision last month is compared with: the newest regular one that left the draft stage
 * and was not replaced. A draft is not a fact yet. An adjustment holds only late lines, so it is
 * compared with nothing: every SID of last month would look dropped.
 */
export function previousRevision(
	revision: ReportRevision,
	all: readonly ReportRevision[]
): ReportRevision | undefined {
	if (revision.kind === 'adjustment') return undefined;
	const period = shiftPeriod(revision.period, -1);
	return all
		.filter(
			(other) =>
				other.programId === revision.programId && other.period === period && isClosedRegular(other)
		)
		.sort((a, b) => b.revision - a.revision)[0];
}

/** The bundle's `kind` (DESIGN.md): a regular report without lines that the user confirmed is `zero-usage`. */
export function bundleKind(revision: ReportRevision): 'regular' | 'adjustment' | 'zero-usage' {
	if (revision.kind === 'adjustment') return 'adjustment';
	return revision.zeroUsageConfirmed && revision.lineCount === 0 ? 'zero-usage' : 'regular';
}

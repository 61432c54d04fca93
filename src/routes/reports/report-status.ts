import { calendarDaysBetween } from '$lib/domain/period';
import type { ReportRevision } from '$lib/domain/report';
import { dueDateFor } from '$lib/programs/due-date';
import type { OmnissaSpPack } from '$lib/programs/omnissa-sp-schema';

/** What the Reports page shows for a revision's state; "in review" and "overdue" follow the clock. */
export type DisplayState = ReportRevision['state'] | 'in-review';

export type ReportStatus = {
	state: DisplayState;
	/** The calendar day the report is due by, as an instant inside that day. */
	dueDay: Date;
	/** Calendar days until the due day; negative once it has passed. */
	daysLeft: number;
	overdue: boolean;
};

/** Only a report that has not left the desk yet can be late. */
const WAITING: readonly DisplayState[] = ['draft', 'in-review', 'ready'];

export function reportStatus(options: {
	revision: ReportRevision;
	pack: OmnissaSpPack;
	timeZone: string;
	now: Date;
}): ReportStatus {
	const { revision, pack, timeZone, now } = options;
	const due = dueDateFor({ pack, period: revision.period, timeZone });
	const state: DisplayState =
		revision.state === 'draft' && now >= due.reviewOpensAt ? 'in-review' : revision.state;
	const dueDay = new Date(due.dueAt.getTime() - 1);
	return {
		state,
		dueDay,
		daysLeft: calendarDaysBetween(now, dueDay, due.timeZone),
		// An adjustment reports usage found after the month went out: late by nature, not overdue.
		overdue: revision.kind !== 'adjustment' && WAITING.includes(state) && now >= due.dueAt
	};
}

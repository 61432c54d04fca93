import { calendarDaysBetween } from '$lib/domain/period';
import type { ReportRevision } from '$lib/domain/report';
import { displayState, type DisplayState } from '$lib/domain/report-lifecycle';
import { dueDateFor } from '$lib/programs/omnissa-sp/due-date';
import type { OmnissaSpPack } from '$lib/programs/omnissa-sp/pack-schema';

export type { DisplayState };

/** What the Reports list and a report's page show for its state; both use this, so they agree. */
export type ReportStatus = {
	state: DisplayState;
	/** The calendar day the report is due by, as an instant inside that day. */
	dueDay: Date;
	/** Calendar days until the due day; negative once it has passed. */
	daysLeft: number;
	overdue: boolean;
};

export function reportStatus(options: {
	revision: ReportRevision;
	pack: OmnissaSpPack;
	timeZone: string;
	now: Date;
}): ReportStatus {
	const { revision, pack, timeZone, now } = options;
	const due = dueDateFor({ pack, period: revision.period, timeZone });
	const dueDay = new Date(due.dueAt.getTime() - 1);
	return {
		...displayState({ revision, reviewOpensAt: due.reviewOpensAt, dueAt: due.dueAt, now }),
		dueDay,
		daysLeft: calendarDaysBetween(now, dueDay, due.timeZone)
	};
}

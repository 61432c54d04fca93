import {
	calendarDaysBetween,
	periodOf,
	periodParts,
	shiftPeriod,
	type Period
} from '$lib/domain/period';
import type { Enrollment } from '$lib/domain/settings';
import { dueDateFor } from '$lib/programs/omnissa-sp/due-date';
import { effectiveOmnissaPack } from '$lib/programs/omnissa-sp/effective-pack';

export type DeskDeadline = {
	programId: 'omnissa-sp';
	period: Period;
	year: number;
	month: number;
	reviewOpensAt: Date;
	/** The last day on which the report is on time (the due date as a calendar day). */
	dueDay: Date;
	daysLeft: number;
	reviewOpen: boolean;
};

/** The next deadline of each enrolled program, soonest first. */
export function upcomingDeadlines(options: {
	enrollments: Enrollment[];
	timeZone: string;
	now: Date;
}): DeskDeadline[] {
	const { enrollments, timeZone, now } = options;
	const deadlines: DeskDeadline[] = [];
	const omnissa = enrollments.find((e) => e.programId === 'omnissa-sp');
	if (omnissa) {
		// The previous month's report until it is due, then the current month's.
		const { pack } = effectiveOmnissaPack(omnissa.packOverrides);
		const previous = shiftPeriod(periodOf(now, timeZone), -1);
		const first = dueDateFor({ pack, period: previous, timeZone });
		const next =
			now < first.dueAt ? first : dueDateFor({ pack, period: shiftPeriod(previous, 1), timeZone });
		const dueDay = new Date(next.dueAt.getTime() - 1);
		deadlines.push({
			programId: 'omnissa-sp',
			period: next.period,
			...periodParts(next.period),
			reviewOpensAt: next.reviewOpensAt,
			dueDay,
			daysLeft: calendarDaysBetween(now, dueDay, next.timeZone),
			reviewOpen: now >= next.reviewOpensAt
		});
	}
	return deadlines.sort((a, b) => a.dueDay.getTime() - b.dueDay.getTime());
}

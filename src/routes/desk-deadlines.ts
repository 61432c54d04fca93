import {
	calendarDaysBetween,
	nextReportDeadlines,
	periodParts,
	type Period
} from '$lib/domain/period';
import type { Enrollment } from '$lib/domain/settings';

/**
 * The Omnissa program's monthly window (seed: review from the 10th, submit by
 * the 15th). The program pack will own these numbers; until then they are the
 * defaults the Desk labels as "confirm with your aggregator".
 */
const OMNISSA_REVIEW_OPENS_DAY = 10;
const OMNISSA_SUBMIT_DUE_DAY = 15;

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
	if (enrollments.some((e) => e.programId === 'omnissa-sp')) {
		const next = nextReportDeadlines({
			now,
			timeZone,
			reviewOpensDay: OMNISSA_REVIEW_OPENS_DAY,
			submitDueDay: OMNISSA_SUBMIT_DUE_DAY
		});
		const dueDay = new Date(next.dueAt.getTime() - 1);
		deadlines.push({
			programId: 'omnissa-sp',
			period: next.period,
			...periodParts(next.period),
			reviewOpensAt: next.reviewOpensAt,
			dueDay,
			daysLeft: calendarDaysBetween(now, dueDay, timeZone),
			reviewOpen: now >= next.reviewOpensAt
		});
	}
	return deadlines.sort((a, b) => a.dueDay.getTime() - b.dueDay.getTime());
}

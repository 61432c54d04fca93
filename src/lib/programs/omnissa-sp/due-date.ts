import {
	periodParts,
	reportDeadlines,
	shiftPeriod,
	zonedInstant,
	type Period
} from '$lib/domain/period';
import type { WeekendHolidayPolicy } from './pack-schema';
import type { ProgramPack } from '../pack-schema';

export type DueDate = {
	period: Period;
	/** Start of the review day, 00:00 in the zone (the weekend policy does not move it). */
	reviewOpensAt: Date;
	/** The calendar day the report is due by, after the weekend policy (`YYYY-MM-DD`). */
	dueDate: string;
	/** The first instant after that day: a report is late at or after `dueAt`. */
	dueAt: Date;
	/** The zone the day was read in: the pack's pinned zone, else the partner's. */
	timeZone: string;
	/** True when the weekend policy moved the day. */
	moved: boolean;
};

const SATURDAY = 6;
const SUNDAY = 0;

/** Weekday of a calendar date; it does not depend on any time zone, so UTC is safe here. */
function weekday(year: number, month: number, day: number): number {
	return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** Days to add so the due day is a business day under the policy. Weekends only, no holidays. */
function shiftForPolicy(policy: WeekendHolidayPolicy, day: number): number {
	if (policy === 'none' || (day !== SATURDAY && day !== SUNDAY)) return 0;
	if (policy === 'next-business-day') return day === SATURDAY ? 2 : 1;
	return day === SATURDAY ? -1 : -2;
}

function isoDate(year: number, month: number, day: number): string {
	return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/**
 * The due date of a period's report under the pack: `reportDeadlines` (review day, due day,
 * clamped to the month) plus the pack's weekend policy. There is no holiday calendar: only
 * Saturdays and Sundays move the date; public holidays differ by state and aggregator, and the
 * seed names none. A pinned pack zone wins over the partner's zone.
 */
export function dueDateFor(options: {
	pack: ProgramPack;
	period: Period;
	timeZone: string;
}): DueDate {
	const { parameters } = options.pack;
	const timeZone = parameters.timeZone.value ?? options.timeZone;
	const base = reportDeadlines({
		period: options.period,
		reviewOpensDay: parameters.reviewOpensDay.value,
		submitDueDay: parameters.submitDueDay.value,
		timeZone
	});
	const { year, month } = periodParts(shiftPeriod(options.period, 1));
	const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
	const baseDay = Math.min(parameters.submitDueDay.value, lastDay);
	const shift = shiftForPolicy(
		parameters.weekendHolidayPolicy.value,
		weekday(year, month, baseDay)
	);
	// Date.UTC and zonedInstant roll day numbers past the month end into the next month, which
	// is what "next business day" after a due day on the 31st needs.
	const day = baseDay + shift;
	return {
		period: options.period,
		reviewOpensAt: base.reviewOpensAt,
		dueDate: isoDate(year, month, day),
		dueAt: shift === 0 ? base.dueAt : zonedInstant({ year, month, day: day + 1 }, timeZone),
		timeZone,
		moved: shift !== 0
	};
}

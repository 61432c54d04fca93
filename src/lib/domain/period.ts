import { dateTimeFormat } from './intl-formats';
/**
 * Reporting periods are calendar months (`YYYY-MM`) in the partner's time zone,
 * and their deadlines are wall-clock days in that zone, turned into instants here
 * with Intl alone (no time zone database of our own).
 */
export type Period = string & { readonly __brand: 'Period' };

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isPeriod(value: string): value is Period {
	return PERIOD.test(value);
}

export function toPeriod(year: number, month: number): Period {
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}` as Period;
}

export function periodParts(period: Period): { year: number; month: number } {
	const match = PERIOD.exec(period);
	if (!match) throw new TypeError(`not a period: ${JSON.stringify(period)}`);
	return { year: Number(match[1]), month: Number(match[2]) };
}

/** The period `months` after (or before, when negative) the given one. */
export function shiftPeriod(period: Period, months: number): Period {
	const { year, month } = periodParts(period);
	const index = year * 12 + (month - 1) + months;
	return toPeriod(Math.floor(index / 12), (index % 12) + 1);
}

type WallClock = {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
};

function wallClockAt(instant: Date, timeZone: string): WallClock {
	const parts = dateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
		second: 'numeric'
	}).formatToParts(instant);
	const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
	return {
		year: get('year'),
		month: get('month'),
		day: get('day'),
		hour: get('hour'),
		minute: get('minute'),
		second: get('second')
	};
}

/** The calendar month an instant falls in, seen from `timeZone`. */
export function periodOf(instant: Date, timeZone: string): Period {
	const { year, month } = wallClockAt(instant, timeZone);
	return toPeriod(year, month);
}

/**
 * The instant at which the wall clock in `timeZone` shows the given time. Two
 * passes settle the offset across a DST change; a time that falls in a spring-
 * forward gap resolves to the later offset, as a calendar app would show it.
 */
export function zonedInstant(
	wall: { year: number; month: number; day: number; hour?: number; minute?: number },
	timeZone: string
): Date {
	const target = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour ?? 0, wall.minute ?? 0);
	let guess = target;
	for (let pass = 0; pass < 2; pass++) {
		const seen = wallClockAt(new Date(guess), timeZone);
		const seenUtc = Date.UTC(
			seen.year,
			seen.month - 1,
			seen.day,
			seen.hour,
			seen.minute,
			seen.second
		);
		guess += target - seenUtc;
	}
	return new Date(guess);
}

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export type ReportDeadlines = {
	period: Period;
	/** Start of the review day (00:00 local) in the month after the period. */
	reviewOpensAt: Date;
	/** End of the due day: the first instant after it (00:00 local of the next day). */
	dueAt: Date;
};

/**
 * Deadlines of a monthly report: review opens on `reviewOpensDay` and the report
 * is due by the end of `submitDueDay` of the following month, in the partner's
 * zone. Days past the month's end clamp to its last day.
 */
export function reportDeadlines(options: {
	period: Period;
	reviewOpensDay: number;
	submitDueDay: number;
	timeZone: string;
}): ReportDeadlines {
	const { year, month } = periodParts(shiftPeriod(options.period, 1));
	const last = daysInMonth(year, month);
	const opens = Math.min(options.reviewOpensDay, last);
	const due = Math.min(options.submitDueDay, last);
	return {
		period: options.period,
		reviewOpensAt: zonedInstant({ year, month, day: opens }, options.timeZone),
		dueAt: zonedInstant({ year, month, day: due + 1 }, options.timeZone)
	};
}

/** The calendar day of `instant` on the wall calendar of `timeZone`, as an ISO date `2026-12-05`. */
export function calendarDayIn(instant: Date, timeZone: string): string {
	const { year, month, day } = wallClockAt(instant, timeZone);
	const two = (value: number) => String(value).padStart(2, '0');
	return `${year}-${two(month)}-${two(day)}`;
}

/** Whole calendar days from `from` to `to` as the wall calendar in `timeZone` counts them. */
export function calendarDaysBetween(from: Date, to: Date, timeZone: string): number {
	const day = (instant: Date) => {
		const { year, month, day } = wallClockAt(instant, timeZone);
		return Date.UTC(year, month - 1, day) / 86_400_000;
	};
	return day(to) - day(from);
}

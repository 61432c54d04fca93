import { describe, expect, it } from 'vitest';
import {
	calendarDayIn,
	calendarDaysBetween,
	periodOf,
	reportDeadlines,
	shiftPeriod,
	toPeriod,
	zonedInstant
} from './period';

describe('periods', () => {
	it('shifts across year ends', () => {
		expect(shiftPeriod(toPeriod(2026, 12), 1)).toBe('2027-01');
		expect(shiftPeriod(toPeriod(2026, 1), -1)).toBe('2025-12');
		expect(shiftPeriod(toPeriod(2026, 10), -22)).toBe('2024-12');
	});

	it('takes the month in the partner time zone, not UTC', () => {
		const instant = new Date('2026-10-31T23:30:00Z');
		expect(periodOf(instant, 'UTC')).toBe('2026-10');
		expect(periodOf(instant, 'Europe/Berlin')).toBe('2026-11');
		expect(periodOf(instant, 'America/New_York')).toBe('2026-10');
	});

	it('turns a wall-clock time into an instant across DST', () => {
		expect(zonedInstant({ year: 2026, month: 11, day: 16 }, 'Europe/Berlin').toISOString()).toBe(
			'2026-11-15T23:00:00.000Z'
		);
		expect(zonedInstant({ year: 2026, month: 7, day: 16 }, 'Europe/Berlin').toISOString()).toBe(
			'2026-07-15T22:00:00.000Z'
		);
		// 02:30 on 29 March 2026 does not exist in Berlin: it resolves to 03:30 CEST.
		expect(
			zonedInstant(
				{ year: 2026, month: 3, day: 29, hour: 2, minute: 30 },
				'Europe/Berlin'
			).toISOString()
		).toBe('2026-03-29T01:30:00.000Z');
	});

	it('puts the October report in the window 10 to 15 November, Berlin time', () => {
		const deadlines = reportDeadlines({
			period: toPeriod(2026, 10),
			reviewOpensDay: 10,
			submitDueDay: 15,
			timeZone: 'Europe/Berlin'
		});
		expect(deadlines.reviewOpensAt.toISOString()).toBe('2026-11-09T23:00:00.000Z');
		expect(deadlines.dueAt.toISOString()).toBe('2026-11-15T23:00:00.000Z');
	});

	it('clamps a due day past the end of February', () => {
		const deadlines = reportDeadlines({
			period: toPeriod(2027, 1),
			reviewOpensDay: 28,
			submitDueDay: 31,
			timeZone: 'UTC'
		});
		expect(deadlines.dueAt.toISOString()).toBe('2027-03-01T00:00:00.000Z');
	});
});

describe('calendarDayIn', () => {
	it('is the day on the wall calendar of the zone, not in UTC', () => {
		// 23:30 UTC on 31 December is already 1 January in Berlin (UTC+1) but not in New York.
		const instant = new Date('2026-12-31T23:30:00Z');
		expect(calendarDayIn(instant, 'Europe/Berlin')).toBe('2027-01-01');
		expect(calendarDayIn(instant, 'America/New_York')).toBe('2026-12-31');
		expect(calendarDayIn(new Date('2026-03-05T12:00:00Z'), 'UTC')).toBe('2026-03-05');
	});
});

describe('calendarDaysBetween', () => {
	it('counts wall-calendar days, across a DST change', () => {
		const zone = 'Europe/Berlin';
		expect(
			calendarDaysBetween(new Date('2026-11-12T09:00:00Z'), new Date('2026-11-15T22:59:00Z'), zone)
		).toBe(3);
		expect(
			calendarDaysBetween(new Date('2026-10-24T12:00:00Z'), new Date('2026-10-26T12:00:00Z'), zone)
		).toBe(2);
		expect(
			calendarDaysBetween(new Date('2026-11-15T22:30:00Z'), new Date('2026-11-15T23:30:00Z'), zone)
		).toBe(1);
	});
});

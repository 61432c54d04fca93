import { describe, expect, it } from 'vitest';
import { upcomingDeadlines } from './desk-deadlines';

const omnissa = { programId: 'omnissa-sp' as const, enrolledAt: '2026-01-01T00:00:00.000Z' };
const genesys = {
	programId: 'genesys-appfoundry' as const,
	enrolledAt: '2026-01-01T00:00:00.000Z'
};

describe('upcomingDeadlines', () => {
	it('shows the October report on the demo day, review window open, 3 days left', () => {
		const [deadline, ...rest] = upcomingDeadlines({
			enrollments: [omnissa, genesys],
			timeZone: 'Europe/Berlin',
			now: new Date('2026-11-12T09:00:00Z')
		});
		expect(rest).toEqual([]);
		expect(deadline.period).toBe('2026-10');
		expect(deadline.reviewOpen).toBe(true);
		expect(deadline.daysLeft).toBe(3);
		expect(deadline.dueDay.toISOString()).toBe('2026-11-15T22:59:59.999Z');
	});

	it('counts down to the November report before its window opens', () => {
		const [deadline] = upcomingDeadlines({
			enrollments: [omnissa],
			timeZone: 'Europe/Berlin',
			now: new Date('2026-11-23T10:00:00Z')
		});
		expect(deadline.period).toBe('2026-11');
		expect(deadline.reviewOpen).toBe(false);
		expect(deadline.daysLeft).toBe(22);
	});

	it('follows the partner’s pack values and the weekend policy', () => {
		const overridden = {
			...omnissa,
			// 14 November 2026 is a Saturday: moved back to Friday the 13th.
			packOverrides: { submitDueDay: 14, weekendHolidayPolicy: 'previous-business-day' }
		};
		const [deadline] = upcomingDeadlines({
			enrollments: [overridden],
			timeZone: 'Europe/Berlin',
			now: new Date('2026-11-12T09:00:00Z')
		});
		expect(deadline.dueDay.toISOString()).toBe('2026-11-13T22:59:59.999Z');
		expect(deadline.daysLeft).toBe(1);
	});

	it('has no deadline without the Omnissa program', () => {
		expect(
			upcomingDeadlines({
				enrollments: [genesys],
				timeZone: 'UTC',
				now: new Date('2026-11-12T00:00:00Z')
			})
		).toEqual([]);
	});
});

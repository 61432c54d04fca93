import { calendarDaysBetween, periodOf, periodParts, shiftPeriod } from '$lib/domain/period';
import type { Enrollment } from '$lib/domain/settings';
import type { ProgramDeadline } from '../program-module';
import { dueDateFor } from './due-date';
import { effectiveOmnissaPack } from './effective-pack';

/**
 * The monthly usage report the partner owes next: last month's until it is due, then this
 * month's, with the pack's due day and review window (the partner's overrides applied).
 */
export function nextOmnissaDeadline(options: {
	enrollment: Enrollment;
	timeZone: string;
	now: Date;
}): ProgramDeadline {
	const { enrollment, timeZone, now } = options;
	const { pack } = effectiveOmnissaPack(enrollment.packOverrides);
	const previous = shiftPeriod(periodOf(now, timeZone), -1);
	const first = dueDateFor({ pack, period: previous, timeZone });
	const next =
		now < first.dueAt ? first : dueDateFor({ pack, period: shiftPeriod(previous, 1), timeZone });
	const dueDay = new Date(next.dueAt.getTime() - 1);
	return {
		programId: enrollment.programId,
		period: next.period,
		...periodParts(next.period),
		reviewOpensAt: next.reviewOpensAt,
		dueDay,
		daysLeft: calendarDaysBetween(now, dueDay, next.timeZone),
		reviewOpen: now >= next.reviewOpensAt
	};
}

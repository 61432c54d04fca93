/**
 * A third partner program that exists only for tests: it proves a program joins the app through
 * its own folder and the registries (its core module here, its panels beside it), with no change
 * to the Desk, Settings or the store.
 */
import { calendarDaysBetween, periodOf, periodParts, shiftPeriod } from '$lib/domain/period';
import type { ProgramModule } from '$lib/programs/program-module';

type DummyPack = { id: 'dummy-program'; version: '1.0.0' };

/** Its one rule: last month's attestation is due at the end of the 10th, in the partner's zone. */
export const dummyProgram: ProgramModule<DummyPack> = {
	id: 'dummy-program',
	name: { de: 'Testprogramm', en: 'Test Program' },
	summary: { de: 'Monatliche Bestätigung', en: 'Monthly attestation' },
	effectivePack: () => ({ pack: { id: 'dummy-program', version: '1.0.0' }, problems: [] }),
	nextDeadline({ enrollment, timeZone, now }) {
		const period = shiftPeriod(periodOf(now, timeZone), -1);
		const { year, month } = periodParts(period);
		// Noon UTC of the 10th of the month after the period stands for that calendar day.
		const dueDay = new Date(Date.UTC(year, month, 10, 12));
		return {
			programId: enrollment.programId,
			period,
			year,
			month,
			reviewOpensAt: new Date(Date.UTC(year, month, 1, 12)),
			dueDay,
			daysLeft: calendarDaysBetween(now, dueDay, timeZone),
			reviewOpen: true
		};
	}
};

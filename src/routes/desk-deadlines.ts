import type { Enrollment } from '$lib/domain/settings';
import type { ProgramDeadline, ProgramModule } from '$lib/programs/program-module';
import { PROGRAMS, programById } from '$lib/programs/registry';

/** The next deadline of each enrolled program that has deadlines, soonest first. */
export function upcomingDeadlines(options: {
	enrollments: Enrollment[];
	timeZone: string;
	now: Date;
	programs?: readonly ProgramModule[];
}): ProgramDeadline[] {
	const { enrollments, timeZone, now, programs = PROGRAMS } = options;
	const deadlines: ProgramDeadline[] = [];
	for (const enrollment of enrollments) {
		const deadline = programById(enrollment.programId, programs)?.nextDeadline?.({
			enrollment,
			timeZone,
			now
		});
		if (deadline) deadlines.push(deadline);
	}
	return deadlines.sort((a, b) => a.dueDay.getTime() - b.dueDay.getTime());
}

import { shiftPeriod } from '$lib/domain/period';
import { isClosedRegular, type ReportRevision } from '$lib/domain/report';
import type { UsageLine } from '$lib/import/usage-row-schema';
import type { ReportFacts } from '$lib/rules/facts';

/**
 * The revision last month is compared with: the newest regular one that left
 * the draft stage and was not replaced. A draft is not a fact yet. An
 * adjustment holds only late lines, so it is compared with nothing: every SID
 * of last month would look dropped.
 */
export function previousRevision(
	revision: ReportRevision,
	all: readonly ReportRevision[]
): ReportRevision | undefined {
	if (revision.kind === 'adjustment') return undefined;
	const period = shiftPeriod(revision.period, -1);
	return all
		.filter(
			(other) =>
				other.programId === revision.programId && other.period === period && isClosedRegular(other)
		)
		.sort((a, b) => b.revision - a.revision)[0];
}

/** What the rules engine gets for a revision: its lines, last month's, and what the review added. */
export function reportFacts(options: {
	revision: ReportRevision;
	lines: UsageLine[];
	previous?: { revision: ReportRevision; lines: UsageLine[] };
	timeZone: string;
	now: Date;
}): ReportFacts {
	const { revision, lines, previous, timeZone, now } = options;
	return {
		period: revision.period,
		currency: revision.currency,
		lines,
		previous: previous && { period: previous.revision.period, lines: previous.lines },
		submittedAt: revision.readyAt ? new Date(revision.readyAt) : undefined,
		now,
		timeZone,
		zeroUsageConfirmed: revision.zeroUsageConfirmed,
		totalsComputed: revision.source?.totalsComputed === true,
		creditReasons: Object.fromEntries(
			Object.entries(revision.creditReasons).map(([line, reason]) => [Number(line), reason])
		)
	};
}

import { unresolvedLines, type LeftOutRows } from '$lib/domain/left-out-rows';
import type { ReportRevision } from '$lib/domain/report';
import type { ReportFacts, UsageLineFacts } from '$lib/domain/report-facts';

/**
 * What the rules engine gets for a stored revision: its lines, last month's, and what the review
 * added. The report page (to show findings), the store (to mark ready, to carry acknowledgements
 * into a correction) and signing all check a revision through this one function, so they agree.
 */
export function revisionFacts(options: {
	revision: ReportRevision;
	lines: readonly UsageLineFacts[];
	previous?: { revision: ReportRevision; lines: readonly UsageLineFacts[] };
	/** The rows of the file the import left out, if any. */
	leftOut?: Pick<LeftOutRows, 'rows' | 'lostRows'>;
	timeZone: string;
	now: Date;
}): ReportFacts {
	const { revision, lines, previous, leftOut, timeZone, now } = options;
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
		leftOutLines: leftOut ? unresolvedLines(leftOut.rows) : [],
		leftOutLost: leftOut?.lostRows ?? 0,
		creditReasons: Object.fromEntries(
			Object.entries(revision.creditReasons).map(([line, reason]) => [Number(line), reason])
		)
	};
}

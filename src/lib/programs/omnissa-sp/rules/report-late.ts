import { dateTimeFormat } from '$lib/domain/intl-formats';
import type { RuleId } from './rule-catalog';
import type { OmnissaSpPack } from '$lib/programs/omnissa-sp/pack-schema';
import { dueDateFor } from '$lib/programs/omnissa-sp/due-date';
import type { CheckContext } from '$lib/domain/check-context';
import { createFinding } from './create-finding';
import type { Finding } from '$lib/domain/finding';

const DAY_MS = 86_400_000;

/** The calendar date an instant falls on in `timeZone`, as `YYYY-MM-DD`. */
function localDate(instant: Date, timeZone: string): string {
	const parts = dateTimeFormat('en-US', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).formatToParts(instant);
	const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
	return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * `report-late` (warning): the seed has the report reach the aggregator by the 15th. A submitted
 * report is late when it was submitted at or after the end of the due day; a draft is late once
 * `now` passes it. Days late count calendar days in the zone the due day was read in.
 */
export function checkReportLate(context: CheckContext<OmnissaSpPack>): Finding<RuleId> | undefined {
	const { facts, pack } = context;
	const due = dueDateFor({ pack, period: facts.period, timeZone: facts.timeZone });
	const at = facts.submittedAt ?? facts.now;
	if (at.getTime() < due.dueAt.getTime()) return undefined;
	const daysLate = Math.round(
		(Date.parse(localDate(at, due.timeZone)) - Date.parse(due.dueDate)) / DAY_MS
	);
	const numbers: Record<string, string> = {
		dueDate: due.dueDate,
		dueAt: due.dueAt.toISOString()
	};
	if (facts.submittedAt === undefined) numbers.now = facts.now.toISOString();
	else numbers.submittedAt = facts.submittedAt.toISOString();
	numbers.daysLate = String(daysLate);
	return createFinding({
		ruleId: 'report-late',
		subject: { kind: 'report' },
		numbers,
		pack: context.packRef
	});
}

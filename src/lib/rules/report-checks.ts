import { shiftPeriod } from '$lib/domain/period';
import type { CheckContext } from './check-context';
import { createFinding } from './create-finding';
import type { Finding } from './finding';

/**
 * `empty-report` (blocking) unless the user confirmed zero usage, then `zero-usage-confirmed`
 * (info, so the choice travels in the bundle). Zero usage means no line, or only lines of
 * quantity 0: submitting nothing must be a decision, never an accident of a failed import.
 */
export function checkEmptyReport(context: CheckContext, hasUsage: boolean): Finding | undefined {
	if (hasUsage) return undefined;
	const { facts } = context;
	return createFinding({
		ruleId: facts.zeroUsageConfirmed ? 'zero-usage-confirmed' : 'empty-report',
		subject: { kind: 'report' },
		numbers: { period: facts.period, lines: String(facts.lines.length) },
		pack: context.packRef
	});
}

/**
 * `previous-period-gap` (info): the comparison report is not the month before (a month was never
 * delivered), so "since last month" spans more than a month.
 */
export function checkPreviousPeriodGap(context: CheckContext): Finding | undefined {
	const { facts } = context;
	if (facts.previous === undefined) return undefined;
	const expectedPeriod = shiftPeriod(facts.period, -1);
	if (facts.previous.period === expectedPeriod) return undefined;
	return createFinding({
		ruleId: 'previous-period-gap',
		subject: { kind: 'report' },
		numbers: { previousPeriod: facts.previous.period, expectedPeriod },
		pack: context.packRef
	});
}

/**
 * `pack-not-valid-for-period` (warning): the pack's validity range does not cover the period, so
 * its numbers may be from another program year. ISO dates compare as strings.
 */
export function checkPackValidity(context: CheckContext): Finding | undefined {
	const { pack, facts } = context;
	const firstDay = `${facts.period}-01`;
	// "-31" is not a date in every month, but as a string it sorts after the month's last day.
	const lastDay = `${facts.period}-31`;
	const afterEnd = pack.validTo !== null && firstDay > pack.validTo;
	if (lastDay >= pack.validFrom && !afterEnd) return undefined;
	const numbers: Record<string, string> = { period: facts.period, validFrom: pack.validFrom };
	if (pack.validTo !== null) numbers.validTo = pack.validTo;
	return createFinding({
		ruleId: 'pack-not-valid-for-period',
		subject: { kind: 'report' },
		numbers,
		pack: context.packRef
	});
}

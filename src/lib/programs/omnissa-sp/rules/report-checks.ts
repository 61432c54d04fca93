import type { RuleId } from './rule-catalog';
import type { OmnissaSpPack } from '$lib/programs/omnissa-sp/pack-schema';
import { shiftPeriod } from '$lib/domain/period';
import type { CheckContext } from '$lib/domain/check-context';
import { createFinding } from './create-finding';
import type { Finding } from '$lib/domain/finding';

/**
 * `empty-report` (blocking) unless the user confirmed zero usage, then `zero-usage-confirmed`
 * (info, so the choice travels in the bundle). Zero usage means no line, or only lines of
 * quantity 0: submitting nothing must be a decision, never an accident of a failed import.
 */
export function checkEmptyReport(
	context: CheckContext<OmnissaSpPack>,
	hasUsage: boolean
): Finding<RuleId> | undefined {
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
export function checkPreviousPeriodGap(
	context: CheckContext<OmnissaSpPack>
): Finding<RuleId> | undefined {
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
 * its numbers may be from another program year. A pack that ends before the month's last day
 * does not cover it (the rest of the month falls under the next guide); one that starts during
 * the month does, since the guide's date is when it was published for that month's usage.
 * ISO dates compare as strings.
 */
export function checkPackValidity(
	context: CheckContext<OmnissaSpPack>
): Finding<RuleId> | undefined {
	const { pack, facts } = context;
	const lastDay = lastDayOf(facts.period);
	const endsBefore = pack.validTo !== null && pack.validTo < lastDay;
	if (lastDay >= pack.validFrom && !endsBefore) return undefined;
	const numbers: Record<string, string> = { period: facts.period, validFrom: pack.validFrom };
	if (pack.validTo !== null) numbers.validTo = pack.validTo;
	return createFinding({
		ruleId: 'pack-not-valid-for-period',
		subject: { kind: 'report' },
		numbers,
		pack: context.packRef
	});
}

/** `2026-02` → `2026-02-28`: day 0 of the next month is the last day of this one. */
function lastDayOf(period: string): string {
	const year = Number(period.slice(0, 4));
	const month = Number(period.slice(5, 7));
	const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
	return `${period}-${String(days).padStart(2, '0')}`;
}

/**
 * `totals-computed` (info): the file had no total column, so every line total is quantity × unit
 * price under the pack's rounding rule. Said in the report (and the bundle) so nobody takes the
 * totals for the vendor's own.
 */
export function checkTotalsComputed(
	context: CheckContext<OmnissaSpPack>
): Finding<RuleId> | undefined {
	const { facts } = context;
	if (!facts.totalsComputed) return undefined;
	return createFinding({
		ruleId: 'totals-computed',
		subject: { kind: 'report' },
		numbers: { lines: String(facts.lines.length) },
		pack: context.packRef
	});
}

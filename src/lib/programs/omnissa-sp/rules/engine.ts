import type { RuleId } from './rule-catalog';
import type { OmnissaSpPack } from '$lib/programs/omnissa-sp/pack-schema';
import { packRefOf } from '$lib/programs/pack-schema';
import { parseLine, type CheckContext, type LineCheck } from '$lib/domain/check-context';
import { currencyCheck } from './currency-check';
import { duplicateLineCheck } from './duplicate-line';
import type { ReportFacts } from '$lib/domain/report-facts';
import type { Finding } from '$lib/domain/finding';
import { lineTotalCheck } from './line-total';
import { negativeQuantityCheck } from './negative-quantity';
import { checkNewCustomers, checkNewSids } from './new-business';
import { quantityNumberCheck, totalNumberCheck, unitPriceNumberCheck } from './number-checks';
import { checkQuantityChanges } from './quantity-change';
import {
	checkEmptyReport,
	checkPackValidity,
	checkPreviousPeriodGap,
	checkTotalsComputed
} from './report-checks';
import { countedQuantityCheck } from './counted-quantity';
import { checkReportLate } from './report-late';
import { checkRowsLeftOut } from './rows-left-out';
import { severityRank } from '$lib/domain/finding';
import { signOf } from '$lib/domain/scaled-decimal';
import { checkDroppedSids } from './sid-dropped';
import { sidCheck } from './sid-checks';
import { UsageIndex } from '$lib/domain/usage-index';

/** Per-line rules, in the order their findings appear for one line. */
const lineCheckFactories = [
	sidCheck,
	quantityNumberCheck,
	unitPriceNumberCheck,
	totalNumberCheck,
	negativeQuantityCheck,
	countedQuantityCheck,
	lineTotalCheck,
	currencyCheck,
	duplicateLineCheck
];

/**
 * Checks a monthly report against a pack and returns every finding, blocking first, then
 * warnings, then information; within a severity, line findings in file order come before
 * month-over-month and report findings. Pure: no clock, no database, no DOM.
 *
 * Cost is linear in the lines of both months: one pass over this month (all line rules and the
 * index), one over last month (the index), then map lookups per SID, customer and product.
 * Measured in Node 20 on a 2-core container: 10,000 lines against 10,000 last month in about
 * 10-20 ms, 100,000 against 100,000 in about 150-200 ms.
 */
export function checkReport(options: {
	facts: ReportFacts;
	pack: OmnissaSpPack;
}): Finding<RuleId>[] {
	const { facts, pack } = options;
	const context: CheckContext<OmnissaSpPack> = { facts, pack, packRef: packRefOf(pack) };
	const lineChecks: LineCheck<RuleId>[] = lineCheckFactories.map((factory) => factory(context));

	const findings: Finding<RuleId>[] = [];
	const current = new UsageIndex();
	let hasUsage = false;
	for (const line of facts.lines) {
		const parsed = parseLine(line);
		const item = current.add(line);
		for (const check of lineChecks) {
			const finding = check(line, parsed, item);
			if (finding !== undefined) findings.push(finding);
		}
		// An unreadable quantity is not "no usage": it has its own blocking finding.
		hasUsage ||= parsed.quantity === undefined || signOf(parsed.quantity) !== 0;
	}

	const previous = facts.previous && UsageIndex.of(facts.previous.lines);
	// Appended in loops, not with push(...list): a spread of 100,000 findings overflows the stack.
	for (const check of [checkNewSids, checkNewCustomers, checkQuantityChanges, checkDroppedSids]) {
		for (const finding of check(context, current, previous)) findings.push(finding);
	}
	for (const finding of [
		checkEmptyReport(context, hasUsage),
		checkRowsLeftOut(context),
		checkReportLate(context),
		checkPreviousPeriodGap(context),
		checkPackValidity(context),
		checkTotalsComputed(context)
	]) {
		if (finding !== undefined) findings.push(finding);
	}

	// Array.prototype.sort is stable (ES2019), so emission order survives within a severity.
	return findings.sort((a, b) => severityRank[a.severity] - severityRank[b.severity]);
}

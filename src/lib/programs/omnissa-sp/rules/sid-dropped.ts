import type { RuleId } from './rule-catalog';
import type { CheckContext } from '$lib/domain/check-context';
import { createFinding } from './create-finding';
import type { Finding, FindingSubject } from '$lib/domain/finding';
import { formatAmount, ZERO } from '$lib/domain/scaled-decimal';
import { totalsOf, type UsageIndex, type UsagePair } from '$lib/domain/usage-index';

/**
 * `sid-dropped` (warning): a customer billed on a SID last month has no line on it now. Checked
 * per customer × SID, not per SID: the SID stays in use by others when one customer leaves it
 * (fixtures: Bäckerei Hüttner KG leaves SID-4711-HZN-01), and leaving out a used service is
 * under-reporting, which a compliance review looks for. A cancellation is the honest answer.
 */
export function checkDroppedSids(
	context: CheckContext,
	current: UsageIndex,
	previous: UsageIndex | undefined
): Finding<RuleId>[] {
	const previousLines = context.facts.previous?.lines;
	if (previous === undefined || previousLines === undefined) return [];
	const gone = new Set<UsagePair>();
	for (const [sidKey, sid] of previous.sids) {
		const now = current.sids.get(sidKey)?.pairs;
		for (const [customerRef, pair] of sid.pairs) if (now?.has(customerRef) !== true) gone.add(pair);
	}
	const totals = totalsOf(previousLines, (line) => previous.pairOf(line), gone);
	return [...gone].map((pair) => {
		const subject: FindingSubject = { kind: 'sid', sid: pair.sid };
		if (pair.customerRef !== '') subject.customerRef = pair.customerRef;
		return createFinding({
			ruleId: 'sid-dropped',
			subject,
			numbers: {
				previousLines: String(pair.lines),
				previousTotal: formatAmount(totals.get(pair) ?? ZERO),
				currency: context.facts.currency
			},
			pack: context.packRef
		});
	});
}

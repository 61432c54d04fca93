import type { RuleId } from './rule-catalog';
import type { CheckContext } from '$lib/domain/check-context';
import { createFinding } from './create-finding';
import type { Finding, FindingSubject } from '$lib/domain/finding';
import { formatAmount, ZERO } from '$lib/domain/scaled-decimal';
import { totalsOf, type UsageGroup, type UsageIndex } from '$lib/domain/usage-index';

function checkNew(
	kind: 'sid' | 'customer',
	context: CheckContext,
	current: UsageIndex,
	previous: UsageIndex | undefined
): Finding<RuleId>[] {
	const groups: Map<string, UsageGroup> = kind === 'sid' ? current.sids : current.customers;
	const known: Map<string, UsageGroup> | undefined =
		kind === 'sid' ? previous?.sids : previous?.customers;
	const fresh = new Set<UsageGroup>();
	for (const [key, group] of groups) if (!known?.has(key)) fresh.add(group);
	const totals = totalsOf(
		context.facts.lines,
		(line) => groups.get((kind === 'sid' ? line.sid : line.customerRef) ?? ''),
		fresh
	);
	return [...fresh].map((group) => {
		const subject: FindingSubject =
			kind === 'sid'
				? { kind, sid: group.sid, line: group.firstLine }
				: { kind, customerRef: group.customerRef, line: group.firstLine };
		return createFinding({
			ruleId: kind === 'sid' ? 'new-sid' : 'new-customer',
			subject,
			numbers: {
				lines: String(group.lines),
				total: formatAmount(totals.get(group) ?? ZERO),
				currency: context.facts.currency
			},
			pack: context.packRef
		});
	});
}

/**
 * `new-sid` (info): a SID not billed last month. New and expansion transactions under the commit
 * contract are booking points (seed), so this is a candidate to record, not a problem. Without a
 * previous report every SID is new, as the fixtures README says of September.
 */
export function checkNewSids(
	context: CheckContext,
	current: UsageIndex,
	previous: UsageIndex | undefined
): Finding<RuleId>[] {
	return checkNew('sid', context, current, previous);
}

/** `new-customer` (info): a customer not in last month's report; a booking-point candidate. */
export function checkNewCustomers(
	context: CheckContext,
	current: UsageIndex,
	previous: UsageIndex | undefined
): Finding<RuleId>[] {
	return checkNew('customer', context, current, previous);
}

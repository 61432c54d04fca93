import type { RuleId } from './rule-catalog';
import { lineSubject } from '$lib/domain/create-finding';
import { createFinding } from './create-finding';
import type { LineCheckFactory } from '$lib/domain/check-context';
import { signOf } from '$lib/domain/scaled-decimal';

/**
 * `negative-quantity-without-credit-reason` (blocking): a negative quantity is a credit, and a
 * credit lowers the invoice, so the aggregator will want to know why. With a reason entered for
 * that line there is no finding.
 */
export const negativeQuantityCheck: LineCheckFactory<unknown, RuleId> = (context) => {
	const reasons = context.facts.creditReasons ?? {};
	return (line, parsed) => {
		if (parsed.quantity === undefined || signOf(parsed.quantity) >= 0) return undefined;
		if ((reasons[line.line] ?? '').trim() !== '') return undefined;
		return createFinding({
			ruleId: 'negative-quantity-without-credit-reason',
			subject: lineSubject(line),
			numbers: { quantity: line.quantity },
			pack: context.packRef
		});
	};
};

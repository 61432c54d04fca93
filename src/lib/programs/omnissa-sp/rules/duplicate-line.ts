import type { RuleId } from './rule-catalog';
import { parseLine, type LineCheckFactory, type ParsedLine } from '$lib/domain/check-context';
import { lineSubject } from '$lib/domain/create-finding';
import { createFinding } from './create-finding';
import type { UsageLineFacts } from '$lib/domain/report-facts';
import { compareScaled, type ScaledDecimal } from '$lib/domain/scaled-decimal';
import type { UsageItem } from '$lib/domain/usage-index';

/** Same number ("24.90" equals "24.9"); text that is not a number compares as typed. */
function sameNumber(
	a: ScaledDecimal | undefined,
	b: ScaledDecimal | undefined,
	textA: string,
	textB: string
): boolean {
	if (a === undefined || b === undefined) return textA === textB;
	return compareScaled(a, b) === 0;
}

function sameLine(
	a: UsageLineFacts,
	parsedA: ParsedLine,
	b: UsageLineFacts,
	parsedB: ParsedLine
): boolean {
	return (
		a.description === b.description &&
		sameNumber(parsedA.unitPrice, parsedB.unitPrice, a.unitPrice, b.unitPrice) &&
		sameNumber(parsedA.quantity, parsedB.quantity, a.quantity, b.quantity)
	);
}

/**
 * `duplicate-line` (warning; why not blocking is in rule-catalog.ts): the same SID, customer,
 * product (SKU, else description), description, unit price and quantity on two lines. The
 * quantity is part of the match on purpose: a credit under its regular line has the same product
 * and price but another quantity, and is no duplicate (fixtures README, October story 3).
 * Only a product's second and later lines can repeat one, so the check keeps state just for
 * those: no key string and no entry per line. Lines without a SID are left to `sid-missing`.
 */
export const duplicateLineCheck: LineCheckFactory<unknown, RuleId> = (context) => {
	const earlier = new Map<UsageItem, { line: UsageLineFacts; parsed: ParsedLine }[]>();
	return (line, parsed, item) => {
		// `add` has counted this line already: a product's first line has nothing to repeat.
		if (item === undefined || item.lines === 1) return undefined;
		let seen = earlier.get(item);
		if (seen === undefined) {
			seen = [{ line: item.first, parsed: parseLine(item.first) }];
			earlier.set(item, seen);
		}
		const first = seen.find((entry) => sameLine(entry.line, entry.parsed, line, parsed));
		if (first === undefined) {
			seen.push({ line, parsed });
			return undefined;
		}
		return createFinding({
			ruleId: 'duplicate-line',
			subject: lineSubject(line),
			numbers: {
				firstLine: String(first.line.line),
				quantity: line.quantity,
				unitPrice: line.unitPrice
			},
			pack: context.packRef
		});
	};
};

import type { RuleId } from './rule-catalog';
import type { OmnissaSpPack } from '$lib/programs/omnissa-sp/pack-schema';
import type { CheckContext } from '$lib/domain/check-context';
import { createFinding } from './create-finding';
import type { Finding, FindingSubject } from '$lib/domain/finding';
import {
	compareScaled,
	divideHalfEven,
	formatScaled,
	multiplyScaled,
	parseScaled,
	scaledUnitsAt,
	signOf,
	subtractScaled,
	ZERO,
	type ScaledDecimal
} from '$lib/domain/scaled-decimal';
import {
	quantityOf,
	type UsageIndex,
	type UsageItem,
	type UsagePair
} from '$lib/domain/usage-index';

const HUNDRED: ScaledDecimal = { units: 100, scale: 0 };

/**
 * Most products do not change from month to month: a single line with the same quantity text
 * on both sides is skipped without parsing anything.
 */
function unchanged(before: UsageItem, now: UsageItem): boolean {
	return before.lines === 1 && now.lines === 1 && before.first.quantity === now.first.quantity;
}

/** (current - previous) / previous in percent, half-even to 2 places; previous is positive. */
function changePercent(previous: ScaledDecimal, delta: ScaledDecimal): string {
	const scale = Math.max(previous.scale, delta.scale);
	// × 100 for percent, × 100 again for the 2 decimals of the result.
	const numerator = scaledUnitsAt(delta, scale) * 10000n;
	const denominator = scaledUnitsAt(previous, scale);
	return formatScaled({ units: divideHalfEven(numerator, denominator), scale: 2 });
}

/**
 * `quantity-change` (warning): a product's quantity moved by more than the pack's threshold since
 * last month. Compared per customer × SID × product, not per SID: a SID's lines count users,
 * devices and hosts, and their sum means nothing (fixtures README: "what the change rules see").
 * Credits net against their regular line. A product gone while its customer keeps the SID counts
 * as a change to 0; a pair gone entirely is `sid-dropped`, and a new product has no percentage.
 * The threshold is exact: |current - previous| × 100 > threshold × previous.
 */
export function checkQuantityChanges(
	context: CheckContext<OmnissaSpPack>,
	current: UsageIndex,
	previous: UsageIndex | undefined
): Finding<RuleId>[] {
	if (previous === undefined) return [];
	const thresholdText = context.pack.parameters.quantityChangeThresholdPercent.value;
	const threshold = parseScaled(thresholdText) ?? ZERO;
	const findings: Finding<RuleId>[] = [];

	const consider = (
		pair: UsagePair,
		product: string,
		item: UsageItem,
		now: UsageItem | undefined
	) => {
		const before = quantityOf(item);
		if (signOf(before) <= 0) return;
		const currentQuantity = now === undefined ? ZERO : quantityOf(now);
		const delta = subtractScaled(currentQuantity, before);
		const magnitude = signOf(delta) < 0 ? subtractScaled(ZERO, delta) : delta;
		const beyond = compareScaled(
			multiplyScaled(magnitude, HUNDRED),
			multiplyScaled(threshold, before)
		);
		if (beyond <= 0) return;
		const subject: FindingSubject = { kind: 'sid', sid: pair.sid };
		if (pair.customerRef !== '') subject.customerRef = pair.customerRef;
		subject.sku = product;
		if (now !== undefined) subject.line = now.first.line;
		findings.push(
			createFinding({
				ruleId: 'quantity-change',
				subject,
				numbers: {
					previous: formatScaled(before),
					current: formatScaled(currentQuantity),
					changePercent: changePercent(before, delta),
					threshold: thresholdText
				},
				pack: context.packRef
			})
		);
	};

	for (const [sidKey, sid] of current.sids) {
		const previousPairs = previous.sids.get(sidKey)?.pairs;
		if (previousPairs === undefined) continue;
		for (const [customerRef, pair] of sid.pairs) {
			const previousPair = previousPairs.get(customerRef);
			if (previousPair === undefined) continue;
			let matched = 0;
			for (const [product, now] of pair.items) {
				const before = previousPair.items.get(product);
				if (before === undefined) continue;
				matched++;
				if (!unchanged(before, now)) consider(pair, product, before, now);
			}
			// Products gone from a kept pair; none can be when every previous one was matched.
			if (matched === previousPair.items.size) continue;
			for (const [product, before] of previousPair.items) {
				if (!pair.items.has(product)) consider(pair, product, before, undefined);
			}
		}
	}
	return findings;
}

import type { RuleId } from './rule-catalog';
import type { OmnissaSpPack } from '$lib/programs/omnissa-sp/pack-schema';
import { lineSubject } from '$lib/domain/create-finding';
import { createFinding } from './create-finding';
import type { LineCheckFactory } from '$lib/domain/check-context';
import { scaledUnitsAt } from '$lib/domain/scaled-decimal';

/**
 * `counted-quantity-fraction` (blocking): users, devices and hosts are counted, so a quantity of
 * such a unit (the pack's `countedUnits`, compared without case) must be whole. A fraction there
 * is usually a number read in the wrong format: `1.480` users as 1.48.
 */
export const countedQuantityCheck: LineCheckFactory<OmnissaSpPack, RuleId> = (context) => {
	const counted = new Set(
		context.pack.parameters.countedUnits.value.map((unit) => unit.toLowerCase())
	);
	// Few distinct units in a file: each is lower-cased and looked up once, not once per line.
	const known = new Map<string, boolean>();
	return (line, parsed) => {
		const { quantity } = parsed;
		if (quantity === undefined || quantity.scale === 0 || !line.unit) return undefined;
		let isCounted = known.get(line.unit);
		if (isCounted === undefined) {
			isCounted = counted.has(line.unit.trim().toLowerCase());
			known.set(line.unit, isCounted);
		}
		if (!isCounted || isWhole(quantity.units, quantity.scale)) return undefined;
		return createFinding({
			ruleId: 'counted-quantity-fraction',
			subject: lineSubject(line),
			numbers: { quantity: line.quantity, unit: line.unit },
			pack: context.packRef
		});
	};
};

/** `1480.000` is whole, `1.48` is not. */
function isWhole(units: number | bigint, scale: number): boolean {
	const divisor = scaledUnitsAt({ units: 1, scale: 0 }, scale);
	return BigInt(units) % divisor === 0n;
}

import { applyOverrides } from './apply-overrides';
import { omnissaPack } from './built-in-pack';
import type { OmnissaSpPack } from './pack-schema';
import type { PackProblem } from '../pack-problem';

/**
 * The Omnissa pack as the partner uses it: the built-in values with the
 * partner's overrides. Stored overrides that no longer pass the schema (a
 * newer pack changed a parameter) are set aside and named, never half-applied.
 */
export function effectiveOmnissaPack(overrides: unknown): {
	pack: OmnissaSpPack;
	problems: PackProblem[];
} {
	const base = omnissaPack();
	if (overrides === undefined) return { pack: base, problems: [] };
	const result = applyOverrides({ pack: base, overrides });
	if (!result.ok) return { pack: base, problems: result.problems };
	return { pack: result.value as OmnissaSpPack, problems: [] };
}

import { loadBuiltInPack } from '../built-in-packs';
import type { OmnissaSpPack } from './pack-schema';

let cached: OmnissaSpPack | undefined;

/**
 * The built-in Omnissa pack. It is checked by the same schema as an imported
 * pack and by its tests, so a failure here is a bug in the shipped file.
 */
export function omnissaPack(): OmnissaSpPack {
	if (cached) return cached;
	const result = loadBuiltInPack({ id: 'omnissa-sp' });
	if (!result.ok || result.value.id !== 'omnissa-sp') {
		throw new Error(`built-in pack omnissa-sp is invalid: ${JSON.stringify(result)}`);
	}
	cached = result.value;
	return cached;
}

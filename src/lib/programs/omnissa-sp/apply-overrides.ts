import { z } from 'zod';
import { loadPack } from '../load-pack';
import type { PackResult } from '../pack-problem';
import type { ProgramPack } from '../pack-schema';
import { applyParameterOverrides } from '../parameter-overrides';
import { omnissaSpValueSchemas } from './pack-schema';

/** Partial parameter values; an unknown name is a problem, not silently ignored. */
export const omnissaSpOverridesSchema = z.strictObject(omnissaSpValueSchemas).partial();
export type OmnissaSpOverrides = z.infer<typeof omnissaSpOverridesSchema>;

/**
 * The partner's own values on top of the Omnissa pack (see `applyParameterOverrides`); the result
 * passes the full pack schema again, so cross-field rules (review day before due day) hold.
 */
export function applyOverrides(options: {
	pack: ProgramPack;
	overrides: unknown;
}): PackResult<ProgramPack> {
	return applyParameterOverrides({
		...options,
		overridesSchema: omnissaSpOverridesSchema,
		load: (json) => loadPack({ json })
	});
}

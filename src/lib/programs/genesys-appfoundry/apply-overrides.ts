import { z } from 'zod';
import type { PackResult } from '../pack-problem';
import { applyParameterOverrides } from '../parameter-overrides';
import { loadGenesysPack } from './pack';
import { genesysValueSchemas, type GenesysPack } from './pack-schema';

/** Partial parameter values; an unknown name is a problem, not silently ignored. */
export const genesysOverridesSchema = z.strictObject(genesysValueSchemas).partial();
export type GenesysOverrides = z.infer<typeof genesysOverridesSchema>;

/**
 * The partner's own values on top of a Genesys pack, as for Omnissa (`applyParameterOverrides`):
 * the result passes the full pack schema again (entry tier first, tiers rising).
 */
export function applyGenesysOverrides(options: {
	pack: GenesysPack;
	overrides: unknown;
}): PackResult<GenesysPack> {
	return applyParameterOverrides({
		...options,
		overridesSchema: genesysOverridesSchema,
		load: (json) => loadGenesysPack({ json })
	});
}

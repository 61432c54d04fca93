import { z } from 'zod';
import { problemsFromZodIssues, type PackResult } from '../pack-problem';
import type { PackParameter } from '../parameter';
import { loadGenesysPack } from './pack';
import { genesysValueSchemas, type GenesysPack, type GenesysParameterName } from './pack-schema';

/** Partial parameter values; an unknown name is a problem, not silently ignored. */
export const genesysOverridesSchema = z.strictObject(genesysValueSchemas).partial();
export type GenesysOverrides = z.infer<typeof genesysOverridesSchema>;

function sameValue(a: unknown, b: unknown): boolean {
	// Parameter values are JSON data (numbers, strings, arrays of small objects).
	return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The partner's own values on top of a Genesys pack, as `applyOverrides` does for Omnissa: each
 * changed parameter keeps the pack's value in `overridden.packValue`; setting it back clears the
 * mark. The result passes the full pack schema again (entry tier first, tiers rising).
 */
export function applyGenesysOverrides(options: {
	pack: GenesysPack;
	overrides: unknown;
}): PackResult<GenesysPack> {
	const parsed = genesysOverridesSchema.safeParse(options.overrides);
	if (!parsed.success) return { ok: false, problems: problemsFromZodIssues(parsed.error.issues) };
	const parameters: Record<string, PackParameter<unknown>> = { ...options.pack.parameters };
	for (const [name, value] of Object.entries(parsed.data)) {
		if (value === undefined) continue;
		const current = parameters[name as GenesysParameterName];
		const packValue = current.overridden ? current.overridden.packValue : current.value;
		const next: PackParameter<unknown> = { value, source: current.source };
		if (current.note) next.note = current.note;
		if (!sameValue(value, packValue)) next.overridden = { packValue };
		parameters[name] = next;
	}
	return loadGenesysPack({ json: { ...options.pack, parameters } });
}

import { z } from 'zod';
import { omnissaSpValueSchemas, type OmnissaSpParameterName } from './pack-schema';
import { loadPack } from '../load-pack';
import { problemsFromZodIssues, type PackResult } from '../pack-problem';
import type { PackParameter } from '../parameter';
import type { ProgramPack } from '../pack-schema';

/** Partial parameter values; an unknown name is a problem, not silently ignored. */
export const omnissaSpOverridesSchema = z.strictObject(omnissaSpValueSchemas).partial();
export type OmnissaSpOverrides = z.infer<typeof omnissaSpOverridesSchema>;

function sameValue(a: unknown, b: unknown): boolean {
	// Parameter values are JSON data (numbers, strings, null, arrays of small objects).
	return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Applies the partner's own values on top of a pack. Each changed parameter records the value the
 * pack shipped in `overridden.packValue`; setting a parameter back to that value clears the mark.
 * The result passes the full pack schema again, so cross-field rules (review day before due day)
 * hold for overridden packs too. Omnissa parameters only, as the only pack so far; the Genesys
 * pack will need its own overrides schema, chosen by `pack.id`.
 */
export function applyOverrides(options: {
	pack: ProgramPack;
	overrides: unknown;
}): PackResult<ProgramPack> {
	const parsed = omnissaSpOverridesSchema.safeParse(options.overrides);
	if (!parsed.success) return { ok: false, problems: problemsFromZodIssues(parsed.error.issues) };

	const parameters: Record<string, PackParameter<unknown>> = { ...options.pack.parameters };
	for (const [name, value] of Object.entries(parsed.data)) {
		if (value === undefined) continue;
		const current = parameters[name as OmnissaSpParameterName];
		const packValue = current.overridden ? current.overridden.packValue : current.value;
		const next: PackParameter<unknown> = { value, source: current.source };
		if (current.note) next.note = current.note;
		if (!sameValue(value, packValue)) next.overridden = { packValue };
		parameters[name] = next;
	}
	return loadPack({ json: { ...options.pack, parameters } });
}

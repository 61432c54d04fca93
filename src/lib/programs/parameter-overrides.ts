import type { z } from 'zod';
import { problemsFromZodIssues, type PackResult } from './pack-problem';
import type { PackParameter } from './parameter';

type PackWithParameters = { parameters: Record<string, PackParameter<unknown>> };

function sameValue(a: unknown, b: unknown): boolean {
	// Parameter values are JSON data (numbers, strings, null, arrays of small objects).
	return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Applies the partner's own values on top of any program's pack. Each changed parameter records
 * the value the pack shipped in `overridden.packValue`; setting a parameter back to that value
 * clears the mark. `overridesSchema` is the program's partial, strict object of parameter values
 * (an unknown name is a problem, not silently ignored); the result passes the program's full pack
 * schema again through `load`, so cross-field rules hold for overridden packs too.
 */
export function applyParameterOverrides<Pack extends PackWithParameters>(options: {
	pack: Pack;
	overrides: unknown;
	overridesSchema: z.ZodType<Record<string, unknown>>;
	load: (json: unknown) => PackResult<Pack>;
}): PackResult<Pack> {
	const parsed = options.overridesSchema.safeParse(options.overrides);
	if (!parsed.success) return { ok: false, problems: problemsFromZodIssues(parsed.error.issues) };

	const parameters: Record<string, PackParameter<unknown>> = { ...options.pack.parameters };
	for (const [name, value] of Object.entries(parsed.data)) {
		if (value === undefined) continue;
		const current = parameters[name];
		const packValue = current.overridden ? current.overridden.packValue : current.value;
		const next: PackParameter<unknown> = { value, source: current.source };
		if (current.note) next.note = current.note;
		if (!sameValue(value, packValue)) next.overridden = { packValue };
		parameters[name] = next;
	}
	return options.load({ ...options.pack, parameters });
}

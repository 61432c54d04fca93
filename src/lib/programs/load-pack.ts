import type { z } from 'zod';
import { programPackSchema, type ProgramPack } from './pack-schema';
import { problemsFromZodIssues, type PackResult } from './pack-problem';

/**
 * Validates a program pack: the JSON text of a pack file, or a value already parsed (a stored
 * pack, the built-in import). Never throws for bad input; problems name the field.
 */
export function loadPack(options: { json: unknown }): PackResult<ProgramPack> {
	return parsePack(programPackSchema, options.json);
}

/** `loadPack` with a program's own pack schema. */
export function parsePack<Pack>(schema: z.ZodType<Pack>, json: unknown): PackResult<Pack> {
	let input = json;
	if (typeof input === 'string') {
		try {
			input = JSON.parse(input);
		} catch (error) {
			return {
				ok: false,
				problems: [{ code: 'invalid-json', field: '', detail: (error as Error).message }]
			};
		}
	}
	const parsed = schema.safeParse(input);
	if (parsed.success) return { ok: true, value: parsed.data };
	return { ok: false, problems: problemsFromZodIssues(parsed.error.issues) };
}

import { z } from 'zod';
import { localizedTextSchema, type LocalizedText } from '$lib/domain/localized-text';

/**
 * Where a pack parameter's value comes from. The seeds publish only a few numbers (the 10th and
 * the 15th); everything else is a default the partner must confirm, and the UI labels it so.
 */
export const parameterSourceSchema = z.enum(['seed', 'default-to-confirm']);
export type ParameterSource = z.infer<typeof parameterSourceSchema>;

/**
 * Wraps a parameter value with its source, an optional note in both languages and, after
 * `applyOverrides`, the value the pack itself shipped (so an override stays visible and undoable).
 */
export function parameterSchema<T extends z.ZodType>(value: T) {
	return z.strictObject({
		value,
		source: parameterSourceSchema,
		note: localizedTextSchema.optional(),
		overridden: z.strictObject({ packValue: value }).optional()
	});
}

/** A pack's `parameters`: each value schema wrapped by `parameterSchema`, and no other name. */
export function parametersSchema<S extends Record<string, z.ZodType>>(values: S) {
	const shape = Object.fromEntries(
		Object.entries(values).map(([name, value]) => [name, parameterSchema(value)])
	);
	return z.strictObject(shape as { [K in keyof S]: ReturnType<typeof parameterSchema<S[K]>> });
}

/** The generic shape of one parameter, for code that walks all of them (labels, overrides). */
export type PackParameter<T> = {
	value: T;
	source: ParameterSource;
	note?: LocalizedText;
	overridden?: { packValue: T };
};

/** UI labels for the two sources, in both languages. */
export const parameterSourceLabels: Record<ParameterSource, LocalizedText> = {
	seed: { de: 'aus dem Programmtext', en: 'from the program text' },
	'default-to-confirm': {
		de: 'Standardwert, bitte bestätigen',
		en: 'default value, please confirm'
	}
};

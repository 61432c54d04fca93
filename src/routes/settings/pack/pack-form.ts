import type { OmnissaSpPack } from '$lib/programs/omnissa-sp/pack-schema';

/** The parameters a partner edits as text in the form; reason codes are shown, not edited. */
export const EDITABLE = [
	'reviewOpensDay',
	'submitDueDay',
	'weekendHolidayPolicy',
	'quantityChangeThresholdPercent',
	'sidPattern',
	'countedUnits',
	'currency',
	'timeZone'
] as const;
export type EditableParameter = (typeof EDITABLE)[number];

/** The form's text for each parameter's current value. */
export function formValues(pack: OmnissaSpPack): Record<EditableParameter, string> {
	return Object.fromEntries(
		EDITABLE.map((name) => {
			const value = pack.parameters[name].value;
			return [name, Array.isArray(value) ? value.join(', ') : String(value ?? '')];
		})
	) as Record<EditableParameter, string>;
}

/** The overrides the form says: only values that differ from the built-in pack, typed as the schema wants them. */
export function overridesFrom(
	values: Record<EditableParameter, string>,
	builtIn: OmnissaSpPack
): Record<string, unknown> {
	const typed: Record<EditableParameter, unknown> = {
		reviewOpensDay: Number(values.reviewOpensDay),
		submitDueDay: Number(values.submitDueDay),
		weekendHolidayPolicy: values.weekendHolidayPolicy,
		quantityChangeThresholdPercent: values.quantityChangeThresholdPercent.trim(),
		sidPattern: values.sidPattern.trim(),
		countedUnits: values.countedUnits
			.split(',')
			.map((unit) => unit.trim())
			.filter((unit) => unit !== ''),
		currency: values.currency.trim().toUpperCase(),
		timeZone: values.timeZone.trim() === '' ? null : values.timeZone.trim()
	};
	return Object.fromEntries(
		EDITABLE.filter(
			(name) => JSON.stringify(typed[name]) !== JSON.stringify(builtIn.parameters[name].value)
		).map((name) => [name, typed[name]])
	);
}

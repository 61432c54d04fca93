import type { z } from 'zod';
import type { Language } from '../domain/language';

export type PackProblemCode = 'invalid-json' | 'invalid-field' | 'unknown-field' | 'unknown-pack';

/**
 * Why a pack or an override was refused: a code and a field path ("parameters.submitDueDay.value"),
 * not prose. `detail` is zod's English wording, for logs; the UI turns the code into a sentence.
 */
export type PackProblem = { code: PackProblemCode; field: string; detail: string };

/** Expected failures are values: a pack either loads or says what is wrong with it. */
export type PackResult<T> = { ok: true; value: T } | { ok: false; problems: PackProblem[] };

function fieldName(path: readonly PropertyKey[]): string {
	return path.map((key) => String(key)).join('.');
}

/** Turns zod issues into problems, one per field; an unknown key names itself. */
export function problemsFromZodIssues(issues: z.ZodError['issues']): PackProblem[] {
	const problems: PackProblem[] = [];
	for (const issue of issues) {
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) {
				problems.push({
					code: 'unknown-field',
					field: fieldName([...issue.path, key]),
					detail: issue.message
				});
			}
		} else {
			problems.push({ code: 'invalid-field', field: fieldName(issue.path), detail: issue.message });
		}
	}
	return problems;
}

const sentences: Record<Language, Record<PackProblemCode, (field: string) => string>> = {
	de: {
		'invalid-json': () => 'Die Paketdatei ist kein gültiges JSON.',
		'invalid-field': (field) => `Das Feld „${field || 'Paket'}“ hat einen ungültigen Wert.`,
		'unknown-field': (field) => `Das Feld „${field}“ ist unbekannt; bitte entfernen.`,
		'unknown-pack': (field) => `Es gibt kein eingebautes Programmpaket „${field}“.`
	},
	en: {
		'invalid-json': () => 'The pack file is not valid JSON.',
		'invalid-field': (field) => `The field "${field || 'pack'}" has an invalid value.`,
		'unknown-field': (field) => `The field "${field}" is unknown; please remove it.`,
		'unknown-pack': (field) => `There is no built-in program pack "${field}".`
	}
};

/** One sentence for a problem in the given language, naming the field. */
export function describePackProblem(options: { problem: PackProblem; locale: Language }): string {
	const { problem, locale } = options;
	return `${sentences[locale][problem.code](problem.field)} (${problem.detail})`;
}

import { classifyStorageError } from '$lib/store/errors';
import { RecordRefused } from '$lib/store/program-records-repo';
import { ReportRefused } from '$lib/store/report-refused';
import { StoreRefused } from '$lib/store/store-refused';
import { isMessageKey, translate, type MessageKey, type MessageParams } from '$lib/i18n/translate';
import type { Language } from '$lib/domain/language';

/**
 * The one place an error or refusal code becomes a sentence: `error.<code>` in the message
 * tables, or `fallback` (given the same parameters) for a code no table knows.
 */
export function codeText(
	language: Language,
	code: string,
	params: MessageParams = {},
	fallback: MessageKey = 'error.unexpected'
): string {
	const key = `error.${code}`;
	return translate(language, isMessageKey(key) ? key : fallback, params);
}

/** The sentence for a refusal of the report lifecycle ("a draft exists", "2 open warnings"). */
export function refusalText(
	refusal: { code: ReportRefused['code']; count?: number },
	language: Language
): string {
	return codeText(language, `report.${refusal.code}`, { count: refusal.count ?? 0 });
}

/** What to tell the user about a failed storage call, in their language. */
export function storageErrorText(error: unknown, language: Language): string {
	if (error instanceof ReportRefused) return refusalText(error, language);
	const detail = error instanceof Error ? error.message : String(error);
	if (error instanceof StoreRefused) return codeText(language, `store.${error.code}`, { detail });
	if (error instanceof RecordRefused) return recordRefusalText(error, language);
	const problem = classifyStorageError(error);
	if (problem) return codeText(language, problem.code, { detail });
	return translate(language, 'error.unexpected', { detail });
}

/**
 * Why a program's record was not stored, one sentence a problem: `error.record.<code>` naming
 * the field; a code no table knows (a program's own check) reads as an invalid field.
 */
function recordRefusalText(refusal: RecordRefused, language: Language): string {
	return refusal.problems
		.map((problem) =>
			codeText(
				language,
				`record.${problem.code}`,
				{ field: problem.field },
				'error.record.record-field-invalid'
			)
		)
		.join(' ');
}

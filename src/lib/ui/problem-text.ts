import { classifyStorageError } from '$lib/store/errors';
import { ReportRefused } from '$lib/store/report-refused';
import { translate, type MessageKey } from '$lib/i18n/translate';
import type { Language } from '$lib/domain/settings';

/** The sentence for a refusal of the report lifecycle ("a draft exists", "2 open warnings"). */
export function refusalText(
	refusal: { code: ReportRefused['code']; count?: number },
	language: Language
): string {
	return translate(language, `error.report.${refusal.code}` as MessageKey, {
		count: refusal.count ?? 0
	});
}

/** What to tell the user about a failed storage call, in their language. */
export function storageErrorText(error: unknown, language: Language): string {
	if (error instanceof ReportRefused) return refusalText(error, language);
	const problem = classifyStorageError(error);
	if (problem) return translate(language, `error.${problem.code}` as MessageKey);
	const detail = error instanceof Error ? error.message : String(error);
	return translate(language, 'error.unexpected', { detail });
}

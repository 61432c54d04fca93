import { classifyStorageError } from '$lib/store/errors';
import { translate, type MessageKey } from '$lib/i18n/translate';
import type { Language } from '$lib/domain/settings';

/** What to tell the user about a failed storage call, in their language. */
export function storageErrorText(error: unknown, language: Language): string {
	const problem = classifyStorageError(error);
	if (problem) return translate(language, `error.${problem.code}` as MessageKey);
	const detail = error instanceof Error ? error.message : String(error);
	return translate(language, 'error.unexpected', { detail });
}

import type { Language } from '$lib/domain/settings';
import { de } from './de';
import { en, type MessageKey } from './en';

export type { MessageKey };
export type MessageParams = Record<string, string | number>;

const tables: Record<Language, Record<MessageKey, string>> = { de, en };

/** The text for `key` in `language`, with `{name}` placeholders filled in. */
export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
	return tables[language][key].replace(/\{(\w+)\}/g, (match, name: string) =>
		name in params ? String(params[name]) : match
	);
}

export function isMessageKey(key: string): key is MessageKey {
	return key in en;
}

/** The BCP 47 locale for Intl: the browser's own regional variant when it speaks the language. */
export function intlLocale(language: Language, browserLanguages: readonly string[] = []): string {
	const regional = browserLanguages.find((tag) => tag.toLowerCase().startsWith(`${language}-`));
	return regional ?? (language === 'de' ? 'de-DE' : 'en-GB');
}

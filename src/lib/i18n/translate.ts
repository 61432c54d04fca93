import type { Language } from '$lib/domain/settings';
import { de } from './de';
import { en, type MessageKey } from './en';

export type { MessageKey };
export type MessageParams = Record<string, string | number>;

const tables: Record<Language, Record<MessageKey, string>> = { de, en };

const plurals: Record<Language, Intl.PluralRules> = {
	de: new Intl.PluralRules('de'),
	en: new Intl.PluralRules('en')
};

/**
 * The text for `key` in `language`, with `{name}` placeholders filled in. `{name|one|other}`
 * picks the word for the number `name` by the language's plural rules ("1 line", "2 lines").
 */
export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
	return tables[language][key]
		.replace(
			/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g,
			(match, name: string, one: string, other: string) =>
				name in params
					? plurals[language].select(countOf(params[name])) === 'one'
						? one
						: other
					: match
		)
		.replace(/\{(\w+)\}/g, (match, name: string) =>
			name in params ? String(params[name]) : match
		);
}

/** A count as a number; a formatted one ("1.000" in German) without its grouping marks. */
function countOf(value: string | number): number {
	return typeof value === 'number' ? value : Number(value.replace(/[^\d-]/g, ''));
}

export function isMessageKey(key: string): key is MessageKey {
	return key in en;
}

/** The BCP 47 locale for Intl: the browser's own regional variant when it speaks the language. */
export function intlLocale(language: Language, browserLanguages: readonly string[] = []): string {
	const regional = browserLanguages.find((tag) => tag.toLowerCase().startsWith(`${language}-`));
	return regional ?? (language === 'de' ? 'de-DE' : 'en-GB');
}

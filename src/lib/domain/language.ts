/** The languages every visible text exists in: the one locale type of app, core and messages. */
export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const pluralRules: Record<Language, Intl.PluralRules> = {
	de: new Intl.PluralRules('de'),
	en: new Intl.PluralRules('en')
};

/**
 * The word for `count` by the language's plural rules: `plural('en', 1, {one: 'line', other:
 * 'lines'})` is "line". German and English have only these two forms for whole numbers.
 */
export function plural(
	language: Language,
	count: number,
	forms: { one: string; other: string }
): string {
	return pluralRules[language].select(count) === 'one' ? forms.one : forms.other;
}

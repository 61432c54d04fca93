import { plural, type Language } from '$lib/domain/language';
import type { en, MessageKey } from './en';

export type { MessageKey };
export type MessageParams = Record<string, string | number>;

/** The names of a text's `{name}` and `{name|one|other}` placeholders, read from its type. */
type Placeholders<Text extends string> = Text extends `${string}{${infer Inner}}${infer Rest}`
	? (Inner extends `${infer Name}|${string}` ? Name : Inner) | Placeholders<Rest>
	: never;

type Intersection<Union> = (Union extends unknown ? (value: Union) => void : never) extends (
	value: infer Both
) => void
	? Both
	: never;
type IsUnion<Type> = [Type] extends [Intersection<Type>] ? false : true;

/**
 * The parameters the text `key` needs, typed from the English table: `t('desk.partnerId', {id})`
 * compiles, a missing or misspelt name does not, and a text without placeholders takes none. A
 * key chosen at run time (a union of keys) takes any parameters, as the texts it may be differ.
 */
export type ParamsArgument<Key extends MessageKey> =
	IsUnion<Key> extends true
		? [params?: MessageParams]
		: [Placeholders<(typeof en)[Key]>] extends [never]
			? []
			: [params: Record<Placeholders<(typeof en)[Key]>, string | number>];
type Messages = Record<MessageKey, string>;

/**
 * Each language's table is a chunk of its own, loaded when the language is first used: a
 * partner reads one language, and the other's texts would double the first load.
 */
const loaders: Record<Language, () => Promise<Messages>> = {
	de: () => import('./de').then((module) => module.de),
	en: () => import('./en').then((module) => module.en)
};
const tables: Partial<Record<Language, Messages>> = {};

/** Loads the texts of `language`; `translate` needs them loaded (the root layout waits for it). */
export async function loadMessages(language: Language): Promise<void> {
	tables[language] ??= await loaders[language]();
}

function tableOf(language: Language): Messages {
	const table = tables[language];
	if (!table) throw new Error(`The ${language} texts are not loaded: await loadMessages first`);
	return table;
}

/**
 * The text for `key` in `language`, with `{name}` placeholders filled in. `{name|one|other}`
 * picks the word for the number `name` by the language's plural rules ("1 line", "2 lines").
 */
export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
	return tableOf(language)
		[key].replace(
			/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g,
			(match, name: string, one: string, other: string) =>
				name in params ? plural(language, countOf(params[name]), { one, other }) : match
		)
		.replace(/\{(\w+)\}/g, (match, name: string) =>
			name in params ? String(params[name]) : match
		);
}

/** A count as a number; a formatted one ("1.000" in German) without its grouping marks. */
function countOf(value: string | number): number {
	return typeof value === 'number' ? value : Number(value.replace(/[^\d-]/g, ''));
}

/** Whether `key` names a text (every language has the same keys, checked by the type). */
export function isMessageKey(key: string): key is MessageKey {
	const table = tables.en ?? tables.de;
	return table !== undefined && key in table;
}

/** The BCP 47 locale for Intl: the browser's own regional variant when it speaks the language. */
export function intlLocale(language: Language, browserLanguages: readonly string[] = []): string {
	const regional = browserLanguages.find((tag) => tag.toLowerCase().startsWith(`${language}-`));
	return regional ?? (language === 'de' ? 'de-DE' : 'en-GB');
}

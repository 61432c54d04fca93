import { dateTimeFormat, numberFormat } from '$lib/domain/intl-formats';
import { formatDecimal, formatMoney, type DecimalString } from '$lib/domain/money';
import type { LocalizedText } from '$lib/domain/localized-text';
import type { Language } from '$lib/domain/language';
import {
	intlLocale,
	loadMessages,
	translate,
	type MessageKey,
	type ParamsArgument
} from './translate';

function browserLanguages(): readonly string[] {
	return typeof navigator === 'undefined' ? [] : navigator.languages;
}

/** The language the browser prefers among the ones we have, for a first run. */
export function browserLanguage(): Language {
	return browserLanguages()[0]?.toLowerCase().startsWith('de') ? 'de' : 'en';
}

/** The chosen language and the Intl formatting that goes with it. */
class I18n {
	language = $state<Language>(browserLanguage());
	locale = $derived(intlLocale(this.language, browserLanguages()));

	/** Switches to `language` once its texts are loaded (the page keeps the old one until then). */
	async use(language: Language): Promise<void> {
		this.#wanted = language;
		await loadMessages(language);
		// A later switch that loaded sooner wins: the last language asked for is the one shown.
		if (this.#wanted === language) this.language = language;
	}
	#wanted: Language | undefined;

	t = <Key extends MessageKey>(key: Key, ...params: ParamsArgument<Key>): string =>
		translate(this.language, key, params[0]);

	/** A text a program or pack brings in both languages, in the chosen one. */
	text = (value: LocalizedText): string => value[this.language];

	date = (value: Date, timeZone?: string): string =>
		dateTimeFormat(this.locale, { dateStyle: 'long', timeZone }).format(value);

	dateTime = (value: Date, timeZone?: string): string =>
		dateTimeFormat(this.locale, {
			dateStyle: 'medium',
			timeStyle: 'short',
			timeZone
		}).format(value);

	month = (year: number, month: number): string =>
		dateTimeFormat(this.locale, {
			year: 'numeric',
			month: 'long',
			timeZone: 'UTC'
		}).format(new Date(Date.UTC(year, month - 1, 1)));

	money = (value: DecimalString, currency: string): string =>
		formatMoney(value, currency, this.locale);

	/** A decimal in the locale's digits; `places`: at least that many after the mark ("2,520.00"). */
	decimal = (value: DecimalString, places = 0): string => formatDecimal(value, this.locale, places);

	/** A count with the locale's grouping: "100,000" or "100.000". */
	count = (value: number): string => numberFormat(this.locale).format(value);

	bytes = (value: number): string => {
		const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
		let unit = 0;
		while (value >= 1000 && unit < units.length - 1) {
			value /= 1000;
			unit++;
		}
		return numberFormat(this.locale, {
			style: 'unit',
			unit: units[unit],
			maximumFractionDigits: 1
		}).format(value);
	};

	percent = (share: number): string =>
		numberFormat(this.locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

export const i18n = new I18n();

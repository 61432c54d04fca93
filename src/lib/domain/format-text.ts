/**
 * Number and date formatting for finding messages. Plain string work on decimal strings: exact
 * (no float), and cheap enough for a report in which every one of 100,000 lines has a finding,
 * where an Intl formatter per message would cost seconds.
 */
export type MessageLocale = 'de' | 'en';

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** "1234.5" as "1.234,5" (de) or "1,234.5" (en); text that is not a decimal stays as it is. */
export function formatNumber(value: string, locale: MessageLocale): string {
	if (!DECIMAL.test(value)) return value;
	const start = value.charCodeAt(0) === 45 ? 1 : 0;
	const dot = value.indexOf('.');
	const end = dot < 0 ? value.length : dot;
	const fraction = dot < 0 ? '' : (locale === 'de' ? ',' : '.') + value.slice(dot + 1);
	if (end - start <= 3) return value.slice(0, end) + fraction;
	const group = locale === 'de' ? '.' : ',';
	let whole = '';
	for (let cut = end; cut > start; cut -= 3) {
		const piece = value.slice(Math.max(start, cut - 3), cut);
		whole = whole === '' ? piece : piece + group + whole;
	}
	return (start === 1 ? '-' : '') + whole + fraction;
}

const MONTHS: Record<MessageLocale, readonly string[]> = {
	en: 'January February March April May June July August September October November December'.split(
		' '
	),
	de: 'Januar Februar März April Mai Juni Juli August September Oktober November Dezember'.split(
		' '
	)
};

/**
 * An ISO date "2026-11-15" as "15.11.2026" (de) or "15 November 2026" (en): a partner reads
 * dates as their language writes them, as the rest of the page does.
 */
export function formatDate(value: string, locale: MessageLocale): string {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
	if (locale === 'de') return `${value.slice(8, 10)}.${value.slice(5, 7)}.${value.slice(0, 4)}`;
	return `${Number(value.slice(8, 10))} ${MONTHS.en[Number(value.slice(5, 7)) - 1]} ${value.slice(0, 4)}`;
}

/** A period "2026-08" as "August 2026" in either language; other text stays as it is. */
export function formatPeriod(value: string, locale: MessageLocale): string {
	if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) return value;
	return `${MONTHS[locale][Number(value.slice(5, 7)) - 1]} ${value.slice(0, 4)}`;
}

const SYMBOLS: Readonly<Record<string, string>> = { EUR: '€', USD: '$', GBP: '£' };

/**
 * An amount with its currency, as each language writes it: "€1,234.50" (en), "1.234,50 €" (de);
 * a currency without a common symbol by its code ("CHF 1,234.50", "1.234,50 CHF"). Without a
 * currency the number stands alone.
 */
export function formatMoneyText(
	value: string,
	currency: string | undefined,
	locale: MessageLocale
): string {
	const number = formatNumber(value, locale);
	if (!currency || !DECIMAL.test(value)) return number;
	const symbol = SYMBOLS[currency];
	if (locale === 'de') return `${number} ${symbol ?? currency}`;
	const sign = number.startsWith('-') ? '-' : '';
	const digits = sign ? number.slice(1) : number;
	return symbol ? `${sign}${symbol}${digits}` : `${sign}${currency} ${digits}`;
}

/** Quotes user text the way each language does. */
export function quote(value: string, locale: MessageLocale): string {
	return locale === 'de' ? `„${value}“` : `"${value}"`;
}

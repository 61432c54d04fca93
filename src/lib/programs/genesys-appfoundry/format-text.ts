import { formatDecimal, formatMoney, isDecimalString } from '../../domain/money';

type Locale = 'de' | 'en';

const MONTHS_EN =
	'January February March April May June July August September October November December'.split(
		' '
	);

/** "2026-12-01" as "01.12.2026" (de) or "1 December 2026" (en), as the rest of the app writes days. */
export function formatDay(value: string, locale: Locale): string {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
	if (locale === 'de') return `${value.slice(8, 10)}.${value.slice(5, 7)}.${value.slice(0, 4)}`;
	return `${Number(value.slice(8, 10))} ${MONTHS_EN[Number(value.slice(5, 7)) - 1]} ${value.slice(0, 4)}`;
}

/** A count or plain decimal in the language's digits; other text stays as it is. */
export function formatCount(value: string, locale: Locale): string {
	return isDecimalString(value) ? formatDecimal(value, locale) : value;
}

/** An amount with its currency (Intl, exact from the decimal string); other text stays. */
export function formatAmount(value: string, currency: string | undefined, locale: Locale): string {
	if (!isDecimalString(value) || !currency) return formatCount(value, locale);
	return formatMoney(value, currency, locale === 'de' ? 'de-DE' : 'en-US');
}

export function quote(value: string, locale: Locale): string {
	return locale === 'de' ? `„${value}“` : `"${value}"`;
}

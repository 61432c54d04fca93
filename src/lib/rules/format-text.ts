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

/** An ISO date "2026-11-15" as "15.11.2026" (de) or unchanged (en, unambiguous as it is). */
export function formatDate(value: string, locale: MessageLocale): string {
	if (locale === 'en' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
	return `${value.slice(8, 10)}.${value.slice(5, 7)}.${value.slice(0, 4)}`;
}

/** Quotes user text the way each language does. */
export function quote(value: string, locale: MessageLocale): string {
	return locale === 'de' ? `„${value}“` : `"${value}"`;
}

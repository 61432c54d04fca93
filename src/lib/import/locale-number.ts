import { isDecimalString, type DecimalString } from '../domain/money';
import type { NumberLocale } from './import-problem';

export type LocaleNumber =
	{ ok: true; value: DecimalString; currency?: string } | { ok: false; reason: 'not-a-number' };

/** Sign, integer part (plain or grouped), decimals; a space (also no-break) groups in both. */
const FORMATS: Record<NumberLocale, RegExp> = {
	de: /^([-+\u2212]\s*)?(\d+|[1-9]\d{0,2}(?:\.\d{3})+|[1-9]\d{0,2}(?:[ \u00a0\u202f]\d{3})+)?(?:,(\d+))?$/,
	en: /^([-+\u2212]\s*)?(\d+|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d{0,2}(?:[ \u00a0\u202f]\d{3})+)?(?:\.(\d+))?$/
};

const SYMBOLS: Record<string, string> = { '€': 'EUR', $: 'USD', '£': 'GBP' };
const LEADING_CURRENCY = /^(?:([€$£])|([A-Z]{3}))\s*/;
const TRAILING_CURRENCY = /\s*(?:([€$£])|([A-Z]{3}))$/;

/**
 * Reads a number cell as the given locale writes it (`de`: `1.234,56`, `en`: `1,234.56`) and
 * returns an exact decimal string that keeps the written decimals (`"1568.00"`). A leading
 * `-`/`+` (also U+2212) and one currency symbol or ISO code before or after are accepted.
 * Called for every number cell of a file, so the common case takes one regex and no copies.
 */
export function parseLocaleNumber({
	text,
	locale
}: {
	text: string;
	locale: NumberLocale;
}): LocaleNumber {
	let body = text.trim();
	let currency: string | undefined;
	if (!isDigit(body.charCodeAt(body.length - 1)) || !isNumberStart(body.charCodeAt(0))) {
		const split = splitCurrency(body);
		body = split.body;
		currency = split.currency;
	}
	const match = FORMATS[locale].exec(body);
	const sign = match?.[1];
	const grouped = match?.[2];
	const fraction = match?.[3];
	if (!match || (grouped === undefined && fraction === undefined)) {
		return { ok: false, reason: 'not-a-number' };
	}
	let integer = grouped ?? '0';
	if (integer.length > 3 && !/^\d+$/.test(integer)) integer = integer.replace(/\D/g, '');
	if (integer.length > 1 && integer.charCodeAt(0) === 48)
		integer = integer.replace(/^0+(?=\d)/, '');
	const digits = fraction === undefined ? integer : `${integer}.${fraction}`;
	const negative = sign !== undefined && sign.charAt(0) !== '+' && /[1-9]/.test(digits);
	const value = negative ? `-${digits}` : digits;
	if (!isDecimalString(value)) return { ok: false, reason: 'not-a-number' };
	return currency ? { ok: true, value, currency } : { ok: true, value };
}

function isDigit(code: number): boolean {
	return code >= 48 && code <= 57;
}

/** A digit, a sign or a separator: no currency in front. */
function isNumberStart(code: number): boolean {
	return isDigit(code) || code === 45 || code === 43 || code === 44 || code === 46;
}

/** The currency a number cell names (`EUR 12,00`, `12.00 €`), if any. */
export function findCurrency({ text }: { text: string }): string | undefined {
	const body = text.trim();
	if (isDigit(body.charCodeAt(body.length - 1)) && isNumberStart(body.charCodeAt(0)))
		return undefined;
	return splitCurrency(body).currency;
}

function splitCurrency(text: string): { body: string; currency?: string } {
	const match = LEADING_CURRENCY.exec(text) ?? TRAILING_CURRENCY.exec(text);
	if (!match) return { body: text };
	const symbol = match[1];
	const currency = symbol ? SYMBOLS[symbol] : match[2];
	const body = text.slice(0, match.index) + text.slice(match.index + match[0].length);
	return currency ? { body: body.trim(), currency } : { body };
}

/** What a cell says about the file's locale. */
export type NumberEvidence = 'de' | 'en' | 'both-same' | 'ambiguous' | 'invalid';

/**
 * Classifies a number cell: readable in one locale only (evidence for it), the same in both
 * (`12`, `1 480`), different in both (`1.480`: 1480 or 1.48), or neither.
 */
export function classifyNumber({ text }: { text: string }): NumberEvidence {
	const de = parseLocaleNumber({ text, locale: 'de' });
	const en = parseLocaleNumber({ text, locale: 'en' });
	if (de.ok && en.ok) return de.value === en.value ? 'both-same' : 'ambiguous';
	if (de.ok) return 'de';
	if (en.ok) return 'en';
	return 'invalid';
}

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
 * Called for every number cell of a file: the common shapes take one scan, the rest the pattern.
 */
export function parseLocaleNumber({
	text,
	locale
}: {
	text: string;
	locale: NumberLocale;
}): LocaleNumber {
	const plain = scanPlainNumber(text, locale);
	return plain === undefined ? readByPattern(text, locale) : { ok: true, value: plain };
}

/** `parseLocaleNumber` by the full pattern alone; exported to test the scan against it. */
export function readByPattern(text: string, locale: NumberLocale): LocaleNumber {
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

const SEPARATORS: Record<NumberLocale, { group: number; point: number }> = {
	de: { group: 46, point: 44 },
	en: { group: 44, point: 46 }
};

/**
 * The common shapes of a number cell in one scan, without a regex or a copy: an optional `-`,
 * digits (in groups of three after a first group of one to three, not starting with 0) and an
 * optional decimal part, as in `-1.234,56`. Anything else (spaces, `+`, a currency, a leading
 * zero, a cut group) is undefined, and the regex reads it: three cells a row, 100,000 rows,
 * and the regex's match arrays and substrings were a tenth of a 100k-row import.
 */
function scanPlainNumber(text: string, locale: NumberLocale): DecimalString | undefined {
	const { group, point } = SEPARATORS[locale];
	const length = text.length;
	const start = length > 0 && text.charCodeAt(0) === 45 ? 1 : 0;
	let i = start;
	while (i < length && isDigit(text.charCodeAt(i))) i++;
	const lead = i - start;
	if (lead === 0 || (lead > 1 && text.charCodeAt(start) === 48)) return undefined;
	let integer: string;
	if (i < length && text.charCodeAt(i) === group) {
		if (lead > 3 || text.charCodeAt(start) === 48) return undefined;
		integer = text.slice(start, i);
		while (i < length && text.charCodeAt(i) === group) {
			const next = i + 4;
			if (next > length) return undefined;
			for (let j = i + 1; j < next; j++) if (!isDigit(text.charCodeAt(j))) return undefined;
			integer += text.slice(i + 1, next);
			i = next;
		}
	} else integer = text.slice(start, i);
	let digits = integer;
	if (i < length) {
		if (text.charCodeAt(i) !== point || i + 1 === length) return undefined;
		for (let j = i + 1; j < length; j++) if (!isDigit(text.charCodeAt(j))) return undefined;
		digits = `${integer}.${text.slice(i + 1)}`;
	}
	const negative = start === 1 && !isZero(digits);
	return (negative ? `-${digits}` : digits) as DecimalString;
}

/** Only zeros and a point: `-0,00` is written `0.00`. */
function isZero(digits: string): boolean {
	for (let i = 0; i < digits.length; i++) {
		const code = digits.charCodeAt(i);
		if (code !== 48 && code !== 46) return false;
	}
	return true;
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

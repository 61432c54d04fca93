import type { DecimalString } from '../domain/money';
import type { NumberLocale } from './import-problem';
import { parseLocaleNumber } from './locale-number';

/**
 * A number the user types into a field (a line correction), read in the app's language: in
 * German `1.480` is 1480 and `1,48` is 1.48; in English `1,480` is 1480 and `1.480` is 1.48.
 * Empty text, or text the language cannot read (`1.48` in German), is refused, never guessed.
 */
export function readTypedNumber({
	text,
	language
}: {
	text: string;
	language: NumberLocale;
}): { ok: true; value: DecimalString } | { ok: false } {
	const trimmed = text.trim();
	if (trimmed === '') return { ok: false };
	const read = parseLocaleNumber({ text: trimmed, locale: language });
	return read.ok && read.currency === undefined ? { ok: true, value: read.value } : { ok: false };
}

/**
 * A decimal string as the user would type it back: the language's decimal mark and no grouping,
 * so that what a field shows reads back as the same number (a Swiss `1’480` would not).
 */
export function writeTypedNumber({
	value,
	language
}: {
	value: DecimalString;
	language: NumberLocale;
}): string {
	return language === 'de' ? value.replace('.', ',') : value;
}

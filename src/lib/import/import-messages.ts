import type { UsageField } from '../domain/usage-line';
import type { ImportProblem, ImportProblemCode, NumberLocale } from './import-problem';
import { parseLocaleNumber } from './locale-number';

export type MessageLocale = 'de' | 'en';

type Sentence = (problem: ImportProblem, say: Helpers) => string;
type Helpers = { quote: string; label: string; number: (value: string | undefined) => string };

const FIELD_LABELS: Record<MessageLocale, Record<UsageField, string>> = {
	en: {
		sid: 'service identifier (SID)',
		description: 'description',
		customerRef: 'customer',
		quantity: 'quantity',
		unitPrice: 'unit price',
		total: 'total',
		currency: 'currency',
		sku: 'SKU',
		unit: 'unit',
		period: 'period',
		contractId: 'contract ID'
	},
	de: {
		sid: 'Service-ID (SID)',
		description: 'Beschreibung',
		customerRef: 'Kunde',
		quantity: 'Menge',
		unitPrice: 'Einzelpreis',
		total: 'Gesamt',
		currency: 'Währung',
		sku: 'SKU',
		unit: 'Einheit',
		period: 'Zeitraum',
		contractId: 'Vertrags-ID'
	}
};

const FORMAT_NAMES: Record<MessageLocale, Record<NumberLocale, string>> = {
	en: { de: 'German, 1.234,56', en: 'English, 1,234.56' },
	de: { de: 'deutsch, 1.234,56', en: 'englisch, 1,234.56' }
};

const EN: Record<ImportProblemCode, Sentence> = {
	'empty-file': () => 'the file is empty',
	'binary-file': (p) =>
		({
			pdf: 'this is a PDF, not a text file; export the usage from the Commerce Portal as CSV and import that',
			zip: 'this is not a text file (a zip archive, such as an Excel .xlsx workbook); save it as CSV and import that',
			ole: 'this is not a text file (an Excel .xls workbook); save it as CSV and import that'
		})[p.value ?? ''] ?? 'this is not a text file (binary data); save it as CSV and import that',
	'no-rows': () => 'the file has a header but no data rows',
	'no-columns': () =>
		'no known columns found; map the columns (SID, quantity, unit price, total) by hand',
	'missing-column': (_, s) => `no column for ${s.label} found; map it by hand`,
	'mapped-column-missing': (_, s) =>
		`the mapped column ${s.quote} for ${s.label} is not in the file`,
	aborted: () => 'import cancelled',
	'missing-value': () => 'value missing',
	'invalid-sid': (_, s) =>
		`${s.quote} is not a service identifier (SID): an id has no spaces or control characters`,
	'sid-pattern-mismatch': (p, s) =>
		`${s.quote} does not have the SID shape the program pack expects (${p.expected ?? ''}); the line is kept: correct the SID, or adjust the pattern in Settings → Program pack`,
	'invalid-currency': (_, s) => `${s.quote} is not a currency code (ISO 4217, e.g. EUR)`,
	'currency-mismatch': (p, s) => `${s.quote} is not in the line's currency ${p.expected ?? ''}`,
	'not-a-number': (_, s) => `${s.quote} is not a number`,
	'ambiguous-number': (p, s) => {
		const [de, en] = readings(p.value, s);
		return `${s.quote} is ambiguous (German ${de}, English ${en}); choose the number format in the column mapping`;
	},
	'number-format-mismatch': (p, s) =>
		`${s.quote} does not match the file's number format${p.numberLocale ? ` (${FORMAT_NAMES.en[p.numberLocale]})` : ''}`,
	'line-total-mismatch': (p, s) =>
		`${s.quote} is not quantity × unit price (${s.number(p.expected)})`,
	'column-count-mismatch': (p) =>
		`the row has ${p.value} cells, the header ${p.expected}; is a delimiter in a text without quotes?`,
	'malformed-quotes': () => 'a quoted cell is not closed properly',
	'total-row-mismatch': (p, s) =>
		`the total row says ${s.quote}, the lines add up to ${s.number(p.expected)}`
};

const DE: Record<ImportProblemCode, Sentence> = {
	'empty-file': () => 'die Datei ist leer',
	'binary-file': (p) =>
		({
			pdf: 'das ist ein PDF, keine Textdatei; bitte die Nutzung im Commerce Portal als CSV exportieren und diese importieren',
			zip: 'das ist keine Textdatei (ein ZIP-Archiv, etwa eine Excel-Arbeitsmappe .xlsx); bitte als CSV speichern und diese importieren',
			ole: 'das ist keine Textdatei (eine Excel-Arbeitsmappe .xls); bitte als CSV speichern und diese importieren'
		})[p.value ?? ''] ??
		'das ist keine Textdatei (Binärdaten); bitte als CSV speichern und diese importieren',
	'no-rows': () => 'die Datei hat eine Kopfzeile, aber keine Datenzeilen',
	'no-columns': () =>
		'keine bekannten Spalten gefunden; bitte die Spalten (SID, Menge, Einzelpreis, Gesamt) selbst zuordnen',
	'missing-column': (_, s) => `keine Spalte für ${s.label} gefunden; bitte selbst zuordnen`,
	'mapped-column-missing': (_, s) =>
		`die zugeordnete Spalte ${s.quote} für ${s.label} fehlt in der Datei`,
	aborted: () => 'Import abgebrochen',
	'missing-value': () => 'Wert fehlt',
	'invalid-sid': (_, s) =>
		`${s.quote} ist keine Service-ID (SID): eine ID enthält keine Leer- oder Steuerzeichen`,
	'sid-pattern-mismatch': (p, s) =>
		`${s.quote} hat nicht die SID-Form, die das Programmpaket erwartet (${p.expected ?? ''}); die Zeile bleibt erhalten: SID korrigieren oder das Muster unter Einstellungen → Programmpaket anpassen`,
	'invalid-currency': (_, s) => `${s.quote} ist kein Währungscode (ISO 4217, z. B. EUR)`,
	'currency-mismatch': (p, s) =>
		`${s.quote} ist nicht in der Währung der Zeile, ${p.expected ?? ''}`,
	'not-a-number': (_, s) => `${s.quote} ist keine Zahl`,
	'ambiguous-number': (p, s) => {
		const [de, en] = readings(p.value, s);
		return `${s.quote} ist mehrdeutig (deutsch ${de}, englisch ${en}); bitte das Zahlenformat in der Spaltenzuordnung wählen`;
	},
	'number-format-mismatch': (p, s) =>
		`${s.quote} passt nicht zum Zahlenformat der Datei${p.numberLocale ? ` (${FORMAT_NAMES.de[p.numberLocale]})` : ''}`,
	'line-total-mismatch': (p, s) =>
		`${s.quote} ist nicht Menge × Einzelpreis (${s.number(p.expected)})`,
	'column-count-mismatch': (p) =>
		`die Zeile hat ${p.value} Felder, die Kopfzeile ${p.expected}; steht ein Trennzeichen ohne Anführungszeichen im Text?`,
	'malformed-quotes': () => 'ein Feld in Anführungszeichen ist nicht richtig geschlossen',
	'total-row-mismatch': (p, s) =>
		`die Summenzeile sagt ${s.quote}, die Zeilen ergeben ${s.number(p.expected)}`
};

const SENTENCES: Record<MessageLocale, Record<ImportProblemCode, Sentence>> = { en: EN, de: DE };

/**
 * One problem as a sentence that names file, line, column and the bad value, e.g.
 * `usage-2026-10.csv, line 17, Menge: 'zwölf' is not a number`.
 */
export function formatImportProblem(problem: ImportProblem, locale: MessageLocale): string {
	const label = problem.field ? FIELD_LABELS[locale][problem.field] : '';
	const helpers: Helpers = {
		quote: `'${problem.value ?? ''}'`,
		label,
		number: (value) => formatDecimal(value ?? '', locale)
	};
	const sentence = SENTENCES[locale][problem.code](problem, helpers);
	const where = [problem.file];
	if (problem.line !== undefined)
		where.push(`${locale === 'de' ? 'Zeile' : 'line'} ${problem.line}`);
	const fileLevel = problem.code === 'missing-column' || problem.code === 'mapped-column-missing';
	if (problem.field && !fileLevel) where.push(problem.column || label);
	return `${where.join(', ')}: ${sentence}`;
}

/** A decimal string in the reader's convention, at least 2 decimals, never rounded. */
function formatDecimal(value: string, locale: MessageLocale): string {
	const [integer = '', fraction = ''] = value.split('.');
	const digits = `${integer}.${fraction.padEnd(2, '0')}`;
	return locale === 'de' ? digits.replace('.', ',') : digits;
}

function readings(value: string | undefined, say: Helpers): [string, string] {
	const read = (locale: NumberLocale) => {
		const number = parseLocaleNumber({ text: value ?? '', locale });
		return number.ok ? say.number(number.value).replace(/[.,]00$/, '') : '?';
	};
	return [read('de'), read('en')];
}

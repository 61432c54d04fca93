import { describe, expect, it } from 'vitest';
import { formatImportProblem } from './import-messages';
import { FILE_PROBLEM_CODES, ROW_PROBLEM_CODES, type ImportProblem } from './import-problem';

const file = 'usage-2026-10.csv';

/** Every code once, with the sentence in English and in German. */
const CASES: [ImportProblem, string, string][] = [
	[
		{ code: 'not-a-number', file, line: 17, field: 'quantity', column: 'Menge', value: 'zwölf' },
		"usage-2026-10.csv, line 17, Menge: 'zwölf' is not a number",
		"usage-2026-10.csv, Zeile 17, Menge: 'zwölf' ist keine Zahl"
	],
	[
		{ code: 'empty-file', file },
		'usage-2026-10.csv: the file is empty',
		'usage-2026-10.csv: die Datei ist leer'
	],
	[
		{ code: 'binary-file', file },
		'usage-2026-10.csv: this is not a text file (binary data); save it as CSV and import that',
		'usage-2026-10.csv: das ist keine Textdatei (Binärdaten); bitte als CSV speichern und diese importieren'
	],
	[
		{ code: 'binary-file', file, value: 'pdf' },
		'usage-2026-10.csv: this is a PDF, not a text file; export the usage from the Commerce Portal as CSV and import that',
		'usage-2026-10.csv: das ist ein PDF, keine Textdatei; bitte die Nutzung im Commerce Portal als CSV exportieren und diese importieren'
	],
	[
		{ code: 'no-rows', file, line: 1 },
		'usage-2026-10.csv, line 1: the file has a header but no data rows',
		'usage-2026-10.csv, Zeile 1: die Datei hat eine Kopfzeile, aber keine Datenzeilen'
	],
	[
		{ code: 'no-columns', file, line: 1, value: 'Datum, Artikel' },
		'usage-2026-10.csv, line 1: no known columns found; map the columns (SID, quantity, unit price, total) by hand',
		'usage-2026-10.csv, Zeile 1: keine bekannten Spalten gefunden; bitte die Spalten (SID, Menge, Einzelpreis, Gesamt) selbst zuordnen'
	],
	[
		{ code: 'missing-column', file, line: 1, field: 'unitPrice' },
		'usage-2026-10.csv, line 1: no column for unit price found; map it by hand',
		'usage-2026-10.csv, Zeile 1: keine Spalte für Einzelpreis gefunden; bitte selbst zuordnen'
	],
	[
		{ code: 'mapped-column-missing', file, line: 1, field: 'sid', value: 'SID-Nummer' },
		"usage-2026-10.csv, line 1: the mapped column 'SID-Nummer' for service identifier (SID) is not in the file",
		"usage-2026-10.csv, Zeile 1: die zugeordnete Spalte 'SID-Nummer' für Service-ID (SID) fehlt in der Datei"
	],
	[
		{ code: 'aborted', file },
		'usage-2026-10.csv: import cancelled',
		'usage-2026-10.csv: Import abgebrochen'
	],
	[
		{ code: 'missing-value', file, line: 18, field: 'sid', column: 'Service-ID (SID)', value: '' },
		'usage-2026-10.csv, line 18, Service-ID (SID): value missing',
		'usage-2026-10.csv, Zeile 18, Service-ID (SID): Wert fehlt'
	],
	[
		{ code: 'invalid-sid', file, line: 20, field: 'sid', column: 'SID', value: 'SID 4711' },
		"usage-2026-10.csv, line 20, SID: 'SID 4711' is not a service identifier (SID): an id has no spaces or control characters",
		"usage-2026-10.csv, Zeile 20, SID: 'SID 4711' ist keine Service-ID (SID): eine ID enthält keine Leer- oder Steuerzeichen"
	],
	[
		{
			code: 'sid-pattern-mismatch',
			file,
			line: 21,
			field: 'sid',
			column: 'SID',
			value: 'HZN-DAAS-NU',
			expected: 'SID-[0-9]{4,}-[A-Z]{3}-[0-9]{2}'
		},
		"usage-2026-10.csv, line 21, SID: 'HZN-DAAS-NU' does not have the SID shape the program pack expects (SID-[0-9]{4,}-[A-Z]{3}-[0-9]{2}); the line is kept: correct the SID, or adjust the pattern in Settings → Program pack",
		"usage-2026-10.csv, Zeile 21, SID: 'HZN-DAAS-NU' hat nicht die SID-Form, die das Programmpaket erwartet (SID-[0-9]{4,}-[A-Z]{3}-[0-9]{2}); die Zeile bleibt erhalten: SID korrigieren oder das Muster unter Einstellungen → Programmpaket anpassen"
	],
	[
		{
			code: 'invalid-currency',
			file,
			line: 22,
			field: 'currency',
			column: 'Währung',
			value: 'Euro'
		},
		"usage-2026-10.csv, line 22, Währung: 'Euro' is not a currency code (ISO 4217, e.g. EUR)",
		"usage-2026-10.csv, Zeile 22, Währung: 'Euro' ist kein Währungscode (ISO 4217, z. B. EUR)"
	],
	[
		{
			code: 'currency-mismatch',
			file,
			line: 24,
			field: 'unitPrice',
			column: 'Einzelpreis',
			value: 'USD 2,40',
			expected: 'EUR'
		},
		"usage-2026-10.csv, line 24, Einzelpreis: 'USD 2,40' is not in the line's currency EUR",
		"usage-2026-10.csv, Zeile 24, Einzelpreis: 'USD 2,40' ist nicht in der Währung der Zeile, EUR"
	],
	[
		{ code: 'ambiguous-number', file, line: 2, field: 'total', column: 'Gesamt', value: '1.285' },
		"usage-2026-10.csv, line 2, Gesamt: '1.285' is ambiguous (German 1285, English 1.285); choose the number format in the column mapping",
		"usage-2026-10.csv, Zeile 2, Gesamt: '1.285' ist mehrdeutig (deutsch 1285, englisch 1,285); bitte das Zahlenformat in der Spaltenzuordnung wählen"
	],
	[
		{
			code: 'number-format-mismatch',
			file,
			line: 21,
			field: 'unitPrice',
			column: 'Einzelpreis',
			value: '2.40',
			numberLocale: 'de'
		},
		"usage-2026-10.csv, line 21, Einzelpreis: '2.40' does not match the file's number format (German, 1.234,56)",
		"usage-2026-10.csv, Zeile 21, Einzelpreis: '2.40' passt nicht zum Zahlenformat der Datei (deutsch, 1.234,56)"
	],
	[
		{
			code: 'line-total-mismatch',
			file,
			line: 19,
			field: 'total',
			column: 'Gesamt',
			value: '4.400,00',
			expected: '4482'
		},
		"usage-2026-10.csv, line 19, Gesamt: '4.400,00' is not quantity × unit price (4482.00)",
		"usage-2026-10.csv, Zeile 19, Gesamt: '4.400,00' ist nicht Menge × Einzelpreis (4482,00)"
	],
	[
		{ code: 'column-count-mismatch', file, line: 23, value: '8', expected: '7' },
		'usage-2026-10.csv, line 23: the row has 8 cells, the header 7; is a delimiter in a text without quotes?',
		'usage-2026-10.csv, Zeile 23: die Zeile hat 8 Felder, die Kopfzeile 7; steht ein Trennzeichen ohne Anführungszeichen im Text?'
	],
	[
		{ code: 'malformed-quotes', file, line: 3 },
		'usage-2026-10.csv, line 3: a quoted cell is not closed properly',
		'usage-2026-10.csv, Zeile 3: ein Feld in Anführungszeichen ist nicht richtig geschlossen'
	],
	[
		{
			code: 'total-row-mismatch',
			file,
			line: 48,
			field: 'total',
			column: 'Gesamt',
			value: '77.220,00',
			expected: '77220.34'
		},
		"usage-2026-10.csv, line 48, Gesamt: the total row says '77.220,00', the lines add up to 77220.34",
		"usage-2026-10.csv, Zeile 48, Gesamt: die Summenzeile sagt '77.220,00', die Zeilen ergeben 77220,34"
	]
];

describe('formatImportProblem', () => {
	it.each(CASES)('says $code in both languages', (problem, en, de) => {
		expect(formatImportProblem(problem, 'en')).toBe(en);
		expect(formatImportProblem(problem, 'de')).toBe(de);
	});

	it('has a sentence for every code', () => {
		const codes = new Set(CASES.map(([problem]) => problem.code));
		expect(codes).toEqual(new Set([...FILE_PROBLEM_CODES, ...ROW_PROBLEM_CODES]));
	});

	it('names the field when the column header is unknown', () => {
		const problem: ImportProblem = { code: 'missing-value', file, line: 5, field: 'quantity' };
		expect(formatImportProblem(problem, 'en')).toBe(
			'usage-2026-10.csv, line 5, quantity: value missing'
		);
		expect(formatImportProblem(problem, 'de')).toBe(
			'usage-2026-10.csv, Zeile 5, Menge: Wert fehlt'
		);
	});
});

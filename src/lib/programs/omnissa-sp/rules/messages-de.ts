import {
	formatDate,
	formatMoneyText,
	formatNumber,
	formatPeriod,
	quote
} from '$lib/domain/format-text';
import type { MessageInput } from '$lib/domain/finding';
import type { MessageTable } from './messages';

const n = (value: string | undefined) => formatNumber(value ?? '', 'de');
const d = (value: string | undefined) => formatDate(value ?? '', 'de');
const q = (value: string | undefined) => quote(value ?? '', 'de');
/** An amount in the report currency (`numbers.currency`), as the language writes money. */
const m = (value: string | undefined, numbers: MessageInput['numbers']) =>
	formatMoneyText(value ?? '', numbers.currency, 'de');
const p = (value: string | undefined) => formatPeriod(value ?? '', 'de');
const days = (count: string | undefined) => (count === '1' ? '1 Tag' : `${count} Tage`);
const lineCount = (count: string | undefined) => (count === '1' ? '1 Zeile' : `${count} Zeilen`);
const daysDative = (count: string | undefined) => (count === '1' ? '1 Tag' : `${count} Tagen`);

function line({ subject }: MessageInput): string {
	return `Zeile ${subject.line}`;
}

/** „Kunde X auf SID-..., SKU“ oder so viel davon, wie der Gegenstand hat. */
function usage({ subject }: MessageInput): string {
	const on =
		subject.customerRef === undefined ? subject.sid : `${subject.customerRef} auf ${subject.sid}`;
	return subject.sku === undefined ? `${on}` : `${on}, ${subject.sku}`;
}

/** `subject` is the field as a sentence subject, `object` as the accusative object. */
const notANumber = (subject: string, object: string) => ({
	message: (input: MessageInput) =>
		`${line(input)}: ${subject} ${q(input.numbers.value)} ist keine Zahl.`,
	fixHint: () => `Geben Sie ${object} als einfache Zahl ein, etwa 140 oder 12,50.`
});

/** Deutsche Sätze für jede Regel. */
export const messagesDe: MessageTable = {
	'sid-missing': {
		message: (input) => `${line(input)}: Die Service-ID (SID) fehlt.`,
		fixHint: () =>
			'Tragen Sie die SID aus dem Export des Commerce Portal ein: Jede Zeile nennt die SID, auf der die Nutzung anfiel.'
	},
	'sid-malformed': {
		message: (input) =>
			`${line(input)}: Die SID ${q(input.subject.sid)} hat nicht die erwartete Form ${input.numbers.pattern}.`,
		fixHint: () =>
			'Übernehmen Sie die SID genau so, wie das Commerce Portal sie zeigt; sehen Ihre SIDs anders aus, passen Sie das SID-Muster in den Programmeinstellungen an.'
	},
	'quantity-not-number': notANumber('Die Menge', 'die Menge'),
	'unit-price-not-number': notANumber('Der Einzelpreis', 'den Einzelpreis'),
	'total-not-number': notANumber('Der Gesamtbetrag', 'den Gesamtbetrag'),
	'negative-quantity-without-credit-reason': {
		message: (input) =>
			`${line(input)}: Die Menge ${n(input.numbers.quantity)} ist negativ (eine Gutschrift) und hat keinen Gutschriftsgrund.`,
		fixHint: () =>
			'Geben Sie für diese Zeile einen Gutschriftsgrund an (etwa eine Kündigung oder die Korrektur eines früheren Monats) oder korrigieren Sie die Menge.'
	},
	'line-total-mismatch': {
		message: ({ subject, numbers }) =>
			`Zeile ${subject.line}: Der Gesamtbetrag ${m(numbers.actual, numbers)} ist nicht Menge × Einzelpreis: ${n(numbers.quantity)} × ${m(numbers.unitPrice, numbers)} = ${m(numbers.expected, numbers)}.`,
		fixHint: () =>
			'Korrigieren Sie Gesamtbetrag, Menge oder Einzelpreis: Der Gesamtbetrag ist Menge × Einzelpreis, auf 2 Nachkommastellen gerundet.'
	},
	'counted-quantity-fraction': {
		message: (input) =>
			`${line(input)}: Die Menge ${n(input.numbers.quantity)} der Einheit ${q(input.numbers.unit)} ist keine ganze Zahl, diese Einheit wird aber gezählt.`,
		fixHint: () =>
			'Korrigieren Sie die Menge. Steht in der Datei 1.480 für eintausendvierhundertachtzig, importieren Sie sie erneut und wählen Sie das deutsche Zahlenformat (1.234,56).'
	},
	'line-total-rounding': {
		message: ({ subject, numbers }) =>
			`Zeile ${subject.line}: Der Gesamtbetrag ${n(numbers.actual)} rundet ${n(numbers.quantity)} × ${n(numbers.unitPrice)} = ${n(numbers.product)} in die andere Richtung; auf 2 Nachkommastellen zur geraden Ziffer gerundet ergibt sich ${n(numbers.expected)}.`,
		fixHint: ({ numbers }) =>
			`Das Programm rundet eine exakte Hälfte zum geraden Cent. Korrigieren Sie den Gesamtbetrag auf ${n(numbers.expected)} oder bestätigen Sie die Warnung, wenn Ihr Aggregator den Cent akzeptiert.`
	},
	'currency-mismatch': {
		message: (input) =>
			`${line(input)}: Die Währung ${input.numbers.lineCurrency} weicht von der Berichtswährung ${input.numbers.reportCurrency} ab.`,
		fixHint: ({ numbers }) =>
			`Melden Sie jede Zeile in ${numbers.reportCurrency} oder legen Sie Zeilen in einer anderen Währung in einen eigenen Bericht.`
	},
	'duplicate-line': {
		message: (input) =>
			`${line(input)} wiederholt Zeile ${input.numbers.firstLine}: gleiche SID, gleicher Kunde, gleiches Produkt, gleiche Menge und gleicher Einzelpreis.`,
		fixHint: () =>
			'Löschen Sie die Kopie, wenn die Zeile doppelt ist; sind beide Zeilen echt, bestätigen Sie die Warnung mit einem Grund.'
	},
	'quantity-change': {
		message: (input) =>
			`${usage(input)}: Menge ${n(input.numbers.previous)} im Vormonat, jetzt ${n(input.numbers.current)} (${n(input.numbers.changePercent)} %), über der Schwelle von ${n(input.numbers.threshold)} %.`,
		fixHint: () =>
			'Prüfen Sie die Nutzung; stimmt die Änderung, bestätigen Sie sie mit einem Grund wie Kundenwachstum oder Migration.'
	},
	'sid-dropped': {
		message: (input) =>
			`${usage(input)}: im Vormonat abgerechnet (${lineCount(input.numbers.previousLines)}, ${m(input.numbers.previousTotal, input.numbers)}), jetzt nicht mehr enthalten.`,
		fixHint: () =>
			'Wurde der Dienst gekündigt, bestätigen Sie die Warnung mit einem Grund; sonst ergänzen Sie die fehlende Nutzung, denn genutzte Dienste wegzulassen ist eine zu niedrige Meldung.'
	},
	'report-late': {
		message: ({ numbers }) =>
			numbers.submittedAt === undefined
				? `Der Bericht war bis ${d(numbers.dueDate)} fällig und ist seit ${daysDative(numbers.daysLate)} überfällig.`
				: `Der Bericht wurde ${days(numbers.daysLate)} nach dem Fälligkeitstag ${d(numbers.dueDate)} übermittelt.`,
		fixHint: ({ numbers }) =>
			numbers.submittedAt === undefined
				? 'Übermitteln Sie den Bericht so bald wie möglich an Ihren Solution Aggregator.'
				: 'Bestätigen Sie die Verspätung mit einem Grund; Ihr Solution Aggregator kann danach fragen.'
	},
	'pack-not-valid-for-period': {
		message: ({ numbers }) =>
			`Das Programmpaket gilt ab ${d(numbers.validFrom)}${numbers.validTo === undefined ? '' : ` bis ${d(numbers.validTo)}`}; der Zeitraum ${p(numbers.period)} liegt außerhalb.`,
		fixHint: () =>
			'Verwenden Sie das Programmpaket für diesen Zeitraum oder prüfen Sie den Berichtszeitraum.'
	},
	'empty-report': {
		message: ({ numbers }) =>
			`Der Bericht für ${p(numbers.period)} enthält keine Nutzung (${lineCount(numbers.lines)}).`,
		fixHint: () =>
			'Importieren Sie den Nutzungsexport oder bestätigen Sie ausdrücklich, dass es in diesem Monat keine Nutzung gab.'
	},
	'rows-left-out': {
		message: ({ numbers }) =>
			`${numbers.count === '1' ? '1 Zeile' : `${numbers.count} Zeilen`} der Datei ${numbers.count === '1' ? 'ist' : 'sind'} nicht in diesem Bericht${numbers.lines === '' ? '' : ` (Zeile ${numbers.lines}${numbers.more === '0' ? '' : ` und ${numbers.more} weitere`})`}.`,
		fixHint: () =>
			'Korrigieren Sie unter „Ausgelassene Zeilen“ jede Zeile zu einer Berichtszeile oder schließen Sie sie mit Begründung aus, oder importieren Sie eine korrigierte Datei.'
	},
	'zero-usage-confirmed': {
		message: ({ numbers }) => `Keine Nutzung für ${p(numbers.period)}, wie bestätigt.`,
		fixHint: () =>
			'Nichts zu tun. Taucht doch Nutzung auf, importieren Sie den Export für diesen Monat: Er ersetzt diesen Bericht.'
	},
	'new-sid': {
		message: (input) =>
			`${input.subject.sid} ist neu: nicht im Bericht des Vormonats (${lineCount(input.numbers.lines)}, ${m(input.numbers.total, input.numbers)}).`,
		fixHint: () =>
			'Neugeschäft unter dem Commit-Vertrag zählt als Buchungspunkt; prüfen Sie, ob die SID stimmt.'
	},
	'new-customer': {
		message: (input) =>
			`${input.subject.customerRef} ist ein neuer Kunde: nicht im Bericht des Vormonats (${lineCount(input.numbers.lines)}, ${m(input.numbers.total, input.numbers)}).`,
		fixHint: () =>
			'Neugeschäft unter dem Commit-Vertrag zählt als Buchungspunkt; vergleichen Sie den Kundennamen mit dem Vormonat.'
	},
	'totals-computed': {
		message: ({ numbers }) =>
			`Die Datei hatte keine Spalte Gesamt: Die Gesamtbeträge von ${lineCount(numbers.lines)} wurden als Menge × Einzelpreis berechnet, auf 2 Nachkommastellen zur geraden Ziffer gerundet.`,
		fixHint: () =>
			'Nichts zu tun. Vergleichen Sie die Berichtssumme mit der Rechnung Ihres Aggregators; enthält der Export des Herstellers Gesamtbeträge, importieren Sie besser diesen Export.'
	},
	'previous-period-gap': {
		message: ({ numbers }) =>
			`Verglichen mit dem Bericht für ${p(numbers.previousPeriod)}, nicht ${p(numbers.expectedPeriod)}: Änderungen können mehr als einen Monat umfassen.`,
		fixHint: () =>
			'Liefern Sie zuerst den fehlenden Monat oder lesen Sie die Änderungen mit dieser Lücke im Blick.'
	}
};

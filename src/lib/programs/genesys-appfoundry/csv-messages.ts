import type { GenesysRowProblem, GenesysRowProblemCode } from './csv-rows';
import type { Language } from '../../domain/language';

const FIELD_LABELS: Record<Language, Record<string, string>> = {
	en: {
		date: 'invoice date',
		invoiceNo: 'invoice number',
		source: 'source',
		listingId: 'listing ID',
		listing: 'listing',
		customer: 'customer',
		description: 'description',
		recurring: 'recurring',
		grossAmount: 'gross amount',
		currency: 'currency',
		leadId: 'lead ID',
		createdOn: 'created',
		region: 'region',
		country: 'country',
		salesRep: 'Genesys sales rep',
		forwardedToOwnerOn: 'forwarded to listing owner',
		forwardedToRepOn: 'forwarded to sales rep',
		status: 'status',
		statusChangedOn: 'status changed',
		estimatedAnnualValue: 'estimated annual value',
		name: 'listing name',
		isvApp: 'ISV app in Genesys Cloud',
		pricingModel: 'pricing model',
		launchedOn: 'launch date',
		person: 'person',
		role: 'role',
		course: 'course',
		completedOn: 'completed',
		expiresOn: 'expires',
		evidenceFile: 'evidence file'
	},
	de: {
		date: 'Rechnungsdatum',
		invoiceNo: 'Rechnungsnummer',
		source: 'Quelle',
		listingId: 'Listing-ID',
		listing: 'Listing',
		customer: 'Kunde',
		description: 'Beschreibung',
		recurring: 'wiederkehrend',
		grossAmount: 'Bruttobetrag',
		currency: 'Währung',
		leadId: 'Lead-ID',
		createdOn: 'erstellt',
		region: 'Region',
		country: 'Land',
		salesRep: 'Genesys-Vertriebsmitarbeiter',
		forwardedToOwnerOn: 'an Eintragsgeber weitergeleitet',
		forwardedToRepOn: 'an Vertriebsmitarbeiter weitergeleitet',
		status: 'Status',
		statusChangedOn: 'Status geändert',
		estimatedAnnualValue: 'geschätzter Jahreswert',
		name: 'Listing-Name',
		isvApp: 'ISV-Anwendung in Genesys Cloud',
		pricingModel: 'Preismodell',
		launchedOn: 'Startdatum',
		person: 'Person',
		role: 'Rolle',
		course: 'Kurs',
		completedOn: 'abgeschlossen',
		expiresOn: 'gültig bis',
		evidenceFile: 'Nachweisdatei'
	}
};

type Say = { where: string; field: string; value: string; expected: string };

const SENTENCES: Record<Language, Record<GenesysRowProblemCode, (say: Say) => string>> = {
	en: {
		'broken-row': (s) =>
			`${s.where}: the row has ${s.value} cells, the header ${s.expected} (a quote or delimiter is off).`,
		'missing-column': (s) =>
			`${s.where}: there is no column for ${s.field}; map one in the column mapping.`,
		'missing-value': (s) => `${s.where}, ${s.field}: the value is empty.`,
		'invalid-date': (s) =>
			`${s.where}, ${s.field}: ${s.value} is not a date; write 2026-03-31 or 31.03.2026.`,
		'not-a-number': (s) => `${s.where}, ${s.field}: ${s.value} is not a number.`,
		'ambiguous-number': (s) =>
			`${s.where}, ${s.field}: ${s.value} reads differently in German and English; state the number format in the mapping.`,
		'invalid-choice': (s) => `${s.where}, ${s.field}: ${s.value} is not one of ${s.expected}.`,
		'invalid-currency': (s) =>
			`${s.where}, ${s.field}: ${s.value} is not a three-letter currency code such as USD.`,
		'unknown-listing': (s) =>
			`${s.where}, ${s.field}: there is no listing named ${s.value}; add the listing first.`,
		'expires-before-completed': (s) =>
			`${s.where}, ${s.field}: ${s.value} is before the completion date.`
	},
	de: {
		'broken-row': (s) =>
			`${s.where}: Die Zeile hat ${s.value} Zellen, die Kopfzeile ${s.expected} (ein Anführungszeichen oder Trennzeichen stimmt nicht).`,
		'missing-column': (s) =>
			`${s.where}: Es gibt keine Spalte für ${s.field}; bitte in der Spaltenzuordnung zuweisen.`,
		'missing-value': (s) => `${s.where}, ${s.field}: Der Wert ist leer.`,
		'invalid-date': (s) =>
			`${s.where}, ${s.field}: ${s.value} ist kein Datum; schreiben Sie 31.03.2026 oder 2026-03-31.`,
		'not-a-number': (s) => `${s.where}, ${s.field}: ${s.value} ist keine Zahl.`,
		'ambiguous-number': (s) =>
			`${s.where}, ${s.field}: ${s.value} ist deutsch und englisch gelesen verschieden; bitte das Zahlenformat in der Zuordnung angeben.`,
		'invalid-choice': (s) =>
			`${s.where}, ${s.field}: ${s.value} ist keiner der Werte ${s.expected}.`,
		'invalid-currency': (s) =>
			`${s.where}, ${s.field}: ${s.value} ist kein dreistelliger Währungscode wie USD.`,
		'unknown-listing': (s) =>
			`${s.where}, ${s.field}: Es gibt kein Listing ${s.value}; bitte zuerst das Listing anlegen.`,
		'expires-before-completed': (s) =>
			`${s.where}, ${s.field}: ${s.value} liegt vor dem Abschlussdatum.`
	}
};

/** One sentence naming the file, line, field (with the file's own header) and the bad value. */
export function formatGenesysRowProblem(problem: GenesysRowProblem, locale: Language): string {
	const line =
		problem.line === undefined
			? ''
			: locale === 'de'
				? `, Zeile ${problem.line}`
				: `, line ${problem.line}`;
	const label =
		problem.field === undefined ? '' : (FIELD_LABELS[locale][problem.field] ?? problem.field);
	const field =
		problem.column && problem.column.toLowerCase() !== label.toLowerCase()
			? `${label} („${problem.column}“)`
			: label;
	const quoteValue = (value: string) => (locale === 'de' ? `„${value}“` : `"${value}"`);
	return SENTENCES[locale][problem.code]({
		where: `${problem.file}${line}`,
		field: locale === 'de' ? field : field.replace(/„(.*)“/, '"$1"'),
		value: problem.code === 'broken-row' ? (problem.value ?? '') : quoteValue(problem.value ?? ''),
		expected: problem.expected ?? ''
	});
}

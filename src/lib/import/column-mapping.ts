import { USAGE_FIELDS, type UsageField } from '../domain/usage-line';
import { type NumberLocale } from './import-problem';
import type { Delimiter } from './parse-window';

/** A column by its 0-based index or by its header text (compared as `normalizeHeader` does). */
export type ColumnRef = number | string;

/** What the user states once for a source whose headers the importer does not know. */
export type ColumnMapping = {
	fields: Partial<Record<UsageField, ColumnRef>>;
	numberLocale?: NumberLocale;
	delimiter?: Delimiter;
};

/** Field to column index, as used for one file. */
export type ResolvedColumns = Partial<Record<UsageField, number>>;

/** Header names as the Omnissa Commerce Portal and common spreadsheets write them, de and en. */
const SYNONYMS: Record<UsageField, readonly string[]> = {
	sid: [
		'service identifier (sid)',
		'service identifier',
		'service-id (sid)',
		'service-id',
		'service id',
		'sid'
	],
	description: [
		'description',
		'beschreibung',
		'produkt',
		'product',
		'product name',
		'produktname',
		'bezeichnung',
		'artikelbezeichnung'
	],
	customerRef: [
		'customer',
		'kunde',
		'endkunde',
		'end customer',
		'customer reference',
		'customer name',
		'kundenname',
		'kundenreferenz'
	],
	quantity: ['menge', 'quantity', 'qty', 'anzahl'],
	unitPrice: [
		'einzelpreis (uvp)',
		'unit price (msrp)',
		'unit price',
		'einzelpreis',
		'list price',
		'listenpreis'
	],
	total: ['gesamt', 'total', 'line total', 'gesamtpreis', 'gesamtbetrag', 'amount', 'betrag'],
	currency: ['währung', 'waehrung', 'currency'],
	sku: ['sku', 'artikelnummer', 'part number', 'product code'],
	unit: ['unit', 'einheit', 'unit of measure', 'mengeneinheit'],
	period: ['period', 'zeitraum', 'abrechnungszeitraum', 'billing period', 'usage period'],
	contractId: ['contract id', 'vertrags-id', 'contract number', 'vertragsnummer']
};

const BY_NAME = new Map<string, UsageField>(
	USAGE_FIELDS.flatMap((field) => SYNONYMS[field].map((name) => [name, field] as const))
);

/** Lower case, NFC, single spaces, no trailing `:`: how headers are compared. */
export function normalizeHeader(text: string): string {
	return text
		.normalize('NFC')
		.replace(/[\s_]+/g, ' ')
		.trim()
		.replace(/\s*:$/, '')
		.toLowerCase();
}

function fieldFor(header: string): UsageField | undefined {
	const name = normalizeHeader(header);
	// `Total (MSRP)`, `Gesamt (UVP)`: the price basis in brackets does not change the column.
	return BY_NAME.get(name) ?? BY_NAME.get(name.replace(/\s*\([^)]*\)$/, ''));
}

/** Maps known header names (German or English) to fields; the first matching column wins. */
export function recognizeColumns({ header }: { header: readonly string[] }): ResolvedColumns {
	const columns: ResolvedColumns = {};
	header.forEach((cell, index) => {
		const field = fieldFor(cell);
		if (field && columns[field] === undefined) columns[field] = index;
	});
	return columns;
}

/**
 * Applies a user mapping over what the headers say: mapped fields take their column (and
 * take it away from a recognised field); `missing` lists references the header does not have.
 */
export function resolveColumns({
	header,
	mapping
}: {
	header: readonly string[];
	mapping?: ColumnMapping;
}): { columns: ResolvedColumns; missing: { field: UsageField; ref: ColumnRef }[] } {
	const columns = recognizeColumns({ header });
	const missing: { field: UsageField; ref: ColumnRef }[] = [];
	const names = header.map(normalizeHeader);
	for (const field of USAGE_FIELDS) {
		const ref = mapping?.fields[field];
		if (ref === undefined) continue;
		const index = typeof ref === 'number' ? ref : names.indexOf(normalizeHeader(ref));
		if (!Number.isInteger(index) || index < 0 || index >= header.length) {
			missing.push({ field, ref });
			delete columns[field];
			continue;
		}
		for (const other of USAGE_FIELDS) if (columns[other] === index) delete columns[other];
		columns[field] = index;
	}
	return { columns, missing };
}

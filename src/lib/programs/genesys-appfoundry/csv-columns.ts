/**
 * The fields of the Genesys CSV files and the headers that name them (de and en). The shared
 * importer reads the cells (delimiter, quotes, physical line numbers); this file only knows
 * which column is which.
 */
export const GENESYS_CSV_FIELDS = {
	revenue: {
		date: ['invoice date', 'date', 'rechnungsdatum', 'datum'],
		invoiceNo: ['invoice no', 'invoice number', 'rechnungsnummer', 'rechnungs-nr.'],
		source: ['source', 'quelle', 'billing source', 'abrechnungsquelle'],
		listingId: ['listing id', 'listing-id'],
		listing: ['listing', 'listing name', 'app'],
		customer: ['customer', 'kunde', 'customer org', 'endkunde'],
		description: ['description', 'beschreibung'],
		recurring: ['recurring', 'wiederkehrend'],
		grossAmount: ['gross amount', 'gross', 'bruttobetrag', 'brutto', 'amount', 'betrag'],
		currency: ['currency', 'währung', 'waehrung']
	},
	leads: {
		leadId: ['lead id', 'lead-id'],
		createdOn: ['created', 'created on', 'erstellt', 'erstellt am'],
		listingId: ['listing id', 'listing-id'],
		listing: ['listing', 'listing name'],
		customer: ['customer org', 'customer', 'kunde', 'organisation'],
		region: ['region'],
		country: ['country', 'land'],
		salesRep: [
			'genesys sales rep',
			'sales rep',
			'genesys-vertriebsmitarbeiter',
			'vertriebsmitarbeiter'
		],
		forwardedToOwnerOn: ['forwarded to listing owner', 'an eintragsgeber weitergeleitet'],
		forwardedToRepOn: ['forwarded to sales rep', 'an vertriebsmitarbeiter weitergeleitet'],
		status: ['status'],
		statusChangedOn: ['status changed', 'status geändert', 'letzte änderung', 'last change'],
		estimatedAnnualValue: ['est. annual value', 'estimated annual value', 'geschätzter jahreswert'],
		currency: ['currency', 'währung', 'waehrung']
	},
	listings: {
		listingId: ['listing id', 'listing-id'],
		name: ['listing name', 'name', 'listing', 'app'],
		isvApp: [
			'isv app in genesys cloud',
			'isv app',
			'isv-anwendung in genesys cloud',
			'isv-anwendung'
		],
		pricingModel: ['pricing model', 'preismodell'],
		launchedOn: ['launch date', 'launched', 'veröffentlicht am', 'startdatum']
	},
	training: {
		person: ['person', 'name', 'mitarbeiter'],
		role: ['role', 'rolle'],
		course: ['course', 'kurs', 'schulung'],
		completedOn: ['completed', 'completed on', 'abgeschlossen', 'abgeschlossen am'],
		expiresOn: ['expires', 'expires on', 'gültig bis', 'läuft ab'],
		evidenceFile: ['evidence file', 'nachweis', 'nachweisdatei']
	}
} as const;

export type GenesysCsvKind = keyof typeof GENESYS_CSV_FIELDS;
export type GenesysField<K extends GenesysCsvKind> = keyof (typeof GENESYS_CSV_FIELDS)[K] & string;

/** Lower case, NFC, single spaces, no trailing `:`: how the shared importer compares headers. */
function normalizeHeader(text: string): string {
	return text
		.normalize('NFC')
		.replace(/[\s_]+/g, ' ')
		.trim()
		.replace(/\s*:$/, '')
		.toLowerCase();
}

/** A CSV record as the shared importer's `readCsvRecords` yields it. */
export type CsvRecordLike = { line: number; cells: string[]; malformed?: true };

/** One data row as field → cell text, with its physical line. */
export type MappedRecord = { line: number; values: Record<string, string> };

export type MappedCsv = {
	file: string;
	/** Field → the header as the file writes it (for messages and to read `(USD)` from it). */
	columns: Record<string, string>;
	rows: MappedRecord[];
	/** Records whose quotes could not be read or whose cell count differs from the header. */
	brokenLines: { line: number; cells: number; expected: number }[];
};

function fieldFor(kind: GenesysCsvKind, header: string): string | undefined {
	const name = normalizeHeader(header);
	// `Est. Annual Value (USD)`: the bracket names a unit, not a different column.
	const bare = name.replace(/\s*\([^)]*\)$/, '');
	for (const [field, names] of Object.entries(GENESYS_CSV_FIELDS[kind])) {
		const known = names as readonly string[];
		if (known.includes(name) || known.includes(bare)) return field;
	}
	return undefined;
}

/**
 * Maps the records of a Genesys CSV (read by the shared importer: `readCsvRecords`, the first
 * record the header) to fields: headers matched by name (de and en), `mapping` (field → header
 * text) winning over the names. Programs do not import the importer, so the caller reads.
 */
export function mapGenesysRecords(options: {
	file: string;
	kind: GenesysCsvKind;
	records: readonly CsvRecordLike[];
	mapping?: Record<string, string>;
}): MappedCsv {
	const records = [...options.records];
	const result: MappedCsv = { file: options.file, columns: {}, rows: [], brokenLines: [] };
	const header = records.shift();
	if (!header) return result;
	const index = new Map<string, number>();
	header.cells.forEach((cell, at) => {
		const field = fieldFor(options.kind, cell);
		if (field && !index.has(field)) index.set(field, at);
	});
	const names = header.cells.map(normalizeHeader);
	for (const [field, headerText] of Object.entries(options.mapping ?? {})) {
		const at = names.indexOf(normalizeHeader(headerText));
		if (at >= 0) index.set(field, at);
	}
	for (const [field, at] of index) result.columns[field] = header.cells[at].trim();
	for (const record of records) {
		if (record.malformed || record.cells.length !== header.cells.length) {
			result.brokenLines.push({
				line: record.line,
				cells: record.cells.length,
				expected: header.cells.length
			});
			continue;
		}
		const values: Record<string, string> = {};
		for (const [field, at] of index) values[field] = record.cells[at];
		result.rows.push({ line: record.line, values });
	}
	return result;
}

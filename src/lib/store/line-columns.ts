import type { DecimalString } from '$lib/domain/money';
import type { UsageLine } from '$lib/import/usage-row-schema';

/** The optional text fields of a usage line, in the order the importer writes them. */
const OPTIONAL_FIELDS = ['customerRef', 'sku', 'unit', 'period', 'contractId', 'currency'] as const;
type OptionalField = (typeof OPTIONAL_FIELDS)[number];

/**
 * A chunk of lines as IndexedDB stores it: one array per field, not one object per line.
 * IndexedDB clones every record it writes, and 1,000 line objects repeat each field name
 * 1,000 times; columns are plain arrays of strings, as cheap to clone as the CSV rows
 * themselves (storing 100k lines took about half the time). An optional column holds
 * `null` where a line has no value, so every line comes back exactly as it went in.
 */
export type LineColumns = {
	line: number[];
	sid: string[];
	description: string[];
	quantity: DecimalString[];
	unitPrice: DecimalString[];
	total: DecimalString[];
} & Record<OptionalField, (string | null)[]>;

export function toLineColumns(lines: readonly UsageLine[]): LineColumns {
	const length = lines.length;
	const columns: LineColumns = {
		line: new Array(length),
		sid: new Array(length),
		description: new Array(length),
		quantity: new Array(length),
		unitPrice: new Array(length),
		total: new Array(length),
		customerRef: new Array(length),
		sku: new Array(length),
		unit: new Array(length),
		period: new Array(length),
		contractId: new Array(length),
		currency: new Array(length)
	};
	for (let i = 0; i < length; i++) {
		const line = lines[i];
		columns.line[i] = line.line;
		columns.sid[i] = line.sid;
		columns.description[i] = line.description;
		columns.quantity[i] = line.quantity;
		columns.unitPrice[i] = line.unitPrice;
		columns.total[i] = line.total;
		for (const field of OPTIONAL_FIELDS) columns[field][i] = line[field] ?? null;
	}
	return columns;
}

export function fromLineColumns(columns: LineColumns): UsageLine[] {
	const lines: UsageLine[] = new Array(columns.line.length);
	for (let i = 0; i < lines.length; i++) {
		const line: UsageLine = {
			line: columns.line[i],
			sid: columns.sid[i],
			description: columns.description[i],
			quantity: columns.quantity[i],
			unitPrice: columns.unitPrice[i],
			total: columns.total[i]
		};
		for (const field of OPTIONAL_FIELDS) {
			const value = columns[field][i];
			if (value !== null) line[field] = value;
		}
		lines[i] = line;
	}
	return lines;
}

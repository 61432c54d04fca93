import type { DecimalString } from '$lib/domain/money';
import type { UsageLine } from '$lib/import/usage-row-schema';

/** The optional text fields of a usage line, in the order the importer writes them. */
const OPTIONAL_FIELDS = ['customerRef', 'sku', 'unit', 'period', 'contractId', 'currency'] as const;
type OptionalField = (typeof OPTIONAL_FIELDS)[number];

/** A column of text: each distinct value once, and for each line the index of its value. */
export type TextColumn<T extends string | null> = { values: T[]; codes: Uint32Array };

/**
 * A chunk of lines as IndexedDB stores it: one column per field, not one object per line.
 * IndexedDB clones every record it writes, and the clone's cost is per value: 1,000 line
 * objects repeat each field name 1,000 times, and a month's lines repeat the same SID,
 * period, SKU, unit and description line after line. Such a text column keeps its distinct
 * values once and a typed array of indexes (copied as one block); quantities and totals,
 * which seldom repeat, stay plain arrays. So a chunk clones in less than half the time of
 * the CSV rows themselves. An optional field is `null` where a line has none, so every
 * line comes back exactly as it went in.
 */
export type LineColumns = {
	line: Uint32Array;
	sid: TextColumn<string>;
	description: TextColumn<string>;
	quantity: DecimalString[];
	unitPrice: TextColumn<DecimalString>;
	total: DecimalString[];
} & Record<OptionalField, TextColumn<string | null>>;

function encode<T extends string | null>(
	lines: readonly UsageLine[],
	read: (line: UsageLine) => T
): TextColumn<T> {
	const values: T[] = [];
	const seen = new Map<T, number>();
	const codes = new Uint32Array(lines.length);
	let previous: T | undefined;
	let code = 0;
	for (let i = 0; i < lines.length; i++) {
		const value = read(lines[i]);
		// Lines come in runs (sorted by SID, one period): most need no lookup.
		if (value !== previous) {
			const known = seen.get(value);
			if (known === undefined) {
				code = values.length;
				values.push(value);
				seen.set(value, code);
			} else code = known;
			previous = value;
		}
		codes[i] = code;
	}
	return { values, codes };
}

export function toLineColumns(lines: readonly UsageLine[]): LineColumns {
	return {
		line: Uint32Array.from(lines, (line) => line.line),
		sid: encode(lines, (line) => line.sid),
		description: encode(lines, (line) => line.description),
		quantity: lines.map((line) => line.quantity),
		unitPrice: encode(lines, (line) => line.unitPrice),
		total: lines.map((line) => line.total),
		customerRef: encode(lines, (line) => line.customerRef ?? null),
		sku: encode(lines, (line) => line.sku ?? null),
		unit: encode(lines, (line) => line.unit ?? null),
		period: encode(lines, (line) => line.period ?? null),
		contractId: encode(lines, (line) => line.contractId ?? null),
		currency: encode(lines, (line) => line.currency ?? null)
	};
}

export function fromLineColumns(columns: LineColumns): UsageLine[] {
	const at = <T extends string | null>(column: TextColumn<T>, i: number): T =>
		column.values[column.codes[i]];
	const lines: UsageLine[] = new Array(columns.line.length);
	for (let i = 0; i < lines.length; i++) {
		const line: UsageLine = {
			line: columns.line[i],
			sid: at(columns.sid, i),
			description: at(columns.description, i),
			quantity: columns.quantity[i],
			unitPrice: at(columns.unitPrice, i),
			total: columns.total[i]
		};
		for (const field of OPTIONAL_FIELDS) {
			const value = at(columns[field], i);
			if (value !== null) line[field] = value;
		}
		lines[i] = line;
	}
	return lines;
}

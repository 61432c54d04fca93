import type { UsageLine } from '$lib/domain/usage-line';
import type { DecimalString } from '$lib/domain/money';

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
	customerRef: TextColumn<string | null>;
	sku: TextColumn<string | null>;
	unit: TextColumn<string | null>;
	period: TextColumn<string | null>;
	contractId: TextColumn<string | null>;
	currency: TextColumn<string | null>;
};

/** Builds a `TextColumn` value by value; one per column, so each call site sees one type. */
class ColumnEncoder<T extends string | null> {
	readonly #values: T[] = [];
	readonly #seen = new Map<T, number>();
	readonly #codes: Uint32Array;
	#previous: T | undefined;
	#code = 0;

	constructor(length: number) {
		this.#codes = new Uint32Array(length);
	}

	set(index: number, value: T): void {
		// Lines come in runs (sorted by SID, one period): most need no lookup.
		if (value !== this.#previous) {
			const known = this.#seen.get(value);
			if (known === undefined) {
				this.#code = this.#values.length;
				this.#values.push(value);
				this.#seen.set(value, this.#code);
			} else this.#code = known;
			this.#previous = value;
		}
		this.#codes[index] = this.#code;
	}

	get column(): TextColumn<T> {
		return { values: this.#values, codes: this.#codes };
	}
}

export function toLineColumns(lines: readonly UsageLine[]): LineColumns {
	const length = lines.length;
	const line = new Uint32Array(length);
	const quantity: DecimalString[] = [];
	const total: DecimalString[] = [];
	const sid = new ColumnEncoder<string>(length);
	const description = new ColumnEncoder<string>(length);
	const unitPrice = new ColumnEncoder<DecimalString>(length);
	const customerRef = new ColumnEncoder<string | null>(length);
	const sku = new ColumnEncoder<string | null>(length);
	const unit = new ColumnEncoder<string | null>(length);
	const period = new ColumnEncoder<string | null>(length);
	const contractId = new ColumnEncoder<string | null>(length);
	const currency = new ColumnEncoder<string | null>(length);
	// One pass with a named read per field: the shape of the lines is seen once per site.
	for (let i = 0; i < length; i++) {
		const usage = lines[i];
		line[i] = usage.line;
		quantity.push(usage.quantity);
		total.push(usage.total);
		sid.set(i, usage.sid);
		description.set(i, usage.description);
		unitPrice.set(i, usage.unitPrice);
		customerRef.set(i, usage.customerRef ?? null);
		sku.set(i, usage.sku ?? null);
		unit.set(i, usage.unit ?? null);
		period.set(i, usage.period ?? null);
		contractId.set(i, usage.contractId ?? null);
		currency.set(i, usage.currency ?? null);
	}
	return {
		line,
		sid: sid.column,
		description: description.column,
		quantity,
		unitPrice: unitPrice.column,
		total,
		customerRef: customerRef.column,
		sku: sku.column,
		unit: unit.column,
		period: period.column,
		contractId: contractId.column,
		currency: currency.column
	};
}

/**
 * The lines of a chunk, or of the positions `start` to `end` (exclusive) in it: a page of lines
 * decodes only its own rows.
 */
export function fromLineColumns(
	columns: LineColumns,
	start = 0,
	end = columns.line.length
): UsageLine[] {
	const at = <T extends string | null>(column: TextColumn<T>, i: number): T =>
		column.values[column.codes[i]];
	const lines: UsageLine[] = [];
	for (let i = Math.max(0, start); i < Math.min(end, columns.line.length); i++) {
		const line: UsageLine = {
			line: columns.line[i],
			sid: at(columns.sid, i),
			description: at(columns.description, i),
			quantity: columns.quantity[i],
			unitPrice: at(columns.unitPrice, i),
			total: columns.total[i]
		};
		// In the importer's order, so a line reads back with the same shape and key order.
		const customerRef = at(columns.customerRef, i);
		if (customerRef !== null) line.customerRef = customerRef;
		const sku = at(columns.sku, i);
		if (sku !== null) line.sku = sku;
		const unit = at(columns.unit, i);
		if (unit !== null) line.unit = unit;
		const period = at(columns.period, i);
		if (period !== null) line.period = period;
		const contractId = at(columns.contractId, i);
		if (contractId !== null) line.contractId = contractId;
		const currency = at(columns.currency, i);
		if (currency !== null) line.currency = currency;
		lines.push(line);
	}
	return lines;
}

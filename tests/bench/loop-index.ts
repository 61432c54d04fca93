import type { UsageLineFacts } from '$lib/domain/report-facts';
import { addDecimal, compareDecimal, ZERO, type Decimal } from './loop-decimal';

/** A line with its two numbers that decide a repeat; undefined where the text is no number. */
type Entry = {
	line: UsageLineFacts;
	quantity: Decimal | undefined;
	unitPrice: Decimal | undefined;
};

/** One product of a customer on a SID: its first line, its line count and its summed quantity. */
export type MonthItem = Entry & {
	lines: number;
	/** Unreadable quantities count 0 (they have their own finding). */
	sum: Decimal;
	/** The distinct lines so far, once a second line arrives. */
	distinct?: Entry[];
};

/** SID → customer ('' for none) → product (SKU, else description). */
export type MonthItems = Map<string, Map<string, Map<string, MonthItem>>>;

/** Same number ("24.90" is "24.9"); where one side is no number, the text as typed. */
function sameNumber(a: Decimal | undefined, b: Decimal | undefined, textA: string, textB: string) {
	return a === undefined || b === undefined ? textA === textB : compareDecimal(a, b) === 0;
}

function repeats(a: Entry, b: Entry): boolean {
	return (
		a.line.description === b.line.description &&
		sameNumber(a.unitPrice, b.unitPrice, a.line.unitPrice, b.line.unitPrice) &&
		sameNumber(a.quantity, b.quantity, a.line.quantity, b.line.quantity)
	);
}

/**
 * One month's usage grouped the way the month-over-month rules compare it, built in one pass by
 * the benchmarks' baselines (the hand-written loop, and the json-rules-engine version, which
 * cannot group across facts itself). Lines without a SID belong to no product, but their
 * customer still counts.
 */
export class MonthIndex {
	readonly sids: MonthItems = new Map();
	/** Customers with a name, on any line. */
	readonly customers = new Set<string>();

	/**
	 * Adds a line; returns the file line of an earlier line that it repeats (same SID, customer,
	 * product, description, unit price and quantity), else 0.
	 */
	add(line: UsageLineFacts, quantity: Decimal | undefined, unitPrice: Decimal | undefined): number {
		const customer = line.customerRef ?? '';
		if (customer !== '') this.customers.add(customer);
		if (line.sid === '') return 0;
		let pairs = this.sids.get(line.sid);
		if (pairs === undefined) this.sids.set(line.sid, (pairs = new Map()));
		let items = pairs.get(customer);
		if (items === undefined) pairs.set(customer, (items = new Map()));
		const product = line.sku || line.description;
		const item = items.get(product);
		if (item === undefined) {
			items.set(product, { line, quantity, unitPrice, lines: 1, sum: quantity ?? ZERO });
			return 0;
		}
		item.lines++;
		item.sum = addDecimal(item.sum, quantity ?? ZERO);
		const entry: Entry = { line, quantity, unitPrice };
		const distinct = (item.distinct ??= [item]);
		const first = distinct.find((earlier) => repeats(earlier, entry));
		if (first !== undefined) return first.line.line;
		distinct.push(entry);
		return 0;
	}
}

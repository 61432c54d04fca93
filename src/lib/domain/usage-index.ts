import type { UsageLineFacts } from './report-facts';
import { addScaled, parseScaled, ZERO, type ScaledDecimal } from './scaled-decimal';

/** Lines that share a customer, a SID, or a customer × SID pair. */
export type UsageGroup = { sid: string; customerRef: string; firstLine: number; lines: number };

/**
 * One product of a customer on a SID: the unit that month-over-month quantities compare. Kept
 * small, since most reports have one per line and a check keeps two months of them alive: the
 * first line, a count, and a summed quantity only once a second line arrives (`quantityOf`).
 */
export type UsageItem = { first: UsageLineFacts; lines: number; sum?: ScaledDecimal };

/** A customer × SID pair with its products, by product (SKU, else description). */
export type UsagePair = UsageGroup & { items: Map<string, UsageItem> };

/** A SID with its customers' pairs, by customer ('' for lines without one). */
export type UsageSid = UsageGroup & { pairs: Map<string, UsagePair> };

/** The item's quantity: its only line's, or the sum of its lines (unparsable ones count 0). */
export function quantityOf(item: UsageItem): ScaledDecimal {
	return item.sum ?? parseScaled(item.first.quantity) ?? ZERO;
}

/**
 * Per-report aggregates, SID → customer → product, built in one pass so the month-over-month
 * rules are map lookups, not scans. Measured on 100,000 lines, per-line cost is what matters:
 * nested maps instead of joined string keys (no key string to build and hash), no totals (only
 * the few groups in a finding need one, `totalsOf`), no parsing unless a product has a second
 * line, and customers derived from the pairs once instead of looked up per line.
 */
export class UsageIndex {
	readonly sids = new Map<string, UsageSid>();
	/** Customers seen only on lines without a SID, which belong to no pair. */
	private readonly loose = new Map<string, UsageGroup>();
	private customerGroups: Map<string, UsageGroup> | undefined;

	/** Adds one line and returns its product entry (undefined for a line without a SID). */
	add(line: UsageLineFacts): UsageItem | undefined {
		this.customerGroups = undefined;
		const customerRef = line.customerRef ?? '';
		if (line.sid === '') {
			if (customerRef !== '') countInto(this.loose, line, '', customerRef);
			return undefined;
		}
		let sid = this.sids.get(line.sid);
		if (sid === undefined) {
			sid = { sid: line.sid, customerRef: '', firstLine: line.line, lines: 0, pairs: new Map() };
			this.sids.set(line.sid, sid);
		}
		sid.lines += 1;
		let pair = sid.pairs.get(customerRef);
		if (pair === undefined) {
			pair = { sid: line.sid, customerRef, firstLine: line.line, lines: 0, items: new Map() };
			sid.pairs.set(customerRef, pair);
		}
		pair.lines += 1;
		const product = line.sku || line.description;
		const item = pair.items.get(product);
		if (item === undefined) {
			const created: UsageItem = { first: line, lines: 1 };
			pair.items.set(product, created);
			return created;
		}
		item.lines += 1;
		item.sum = addScaled(quantityOf(item), parseScaled(line.quantity) ?? ZERO);
		return item;
	}

	/** Customers (without '') in the order of their first line, with line counts. */
	get customers(): Map<string, UsageGroup> {
		if (this.customerGroups !== undefined) return this.customerGroups;
		const groups = new Map<string, UsageGroup>();
		const merge = (customerRef: string, from: UsageGroup) => {
			const group = groups.get(customerRef);
			if (group !== undefined) {
				group.lines += from.lines;
				group.firstLine = Math.min(group.firstLine, from.firstLine);
				return;
			}
			groups.set(customerRef, {
				sid: '',
				customerRef,
				firstLine: from.firstLine,
				lines: from.lines
			});
		};
		for (const sid of this.sids.values()) {
			for (const [customerRef, pair] of sid.pairs) if (customerRef !== '') merge(customerRef, pair);
		}
		for (const [customerRef, group] of this.loose) merge(customerRef, group);
		const ordered = [...groups].sort(([, a], [, b]) => a.firstLine - b.firstLine);
		this.customerGroups = new Map(ordered);
		return this.customerGroups;
	}

	/** The pair a line belongs to, if this report has it. */
	pairOf(line: UsageLineFacts): UsagePair | undefined {
		return this.sids.get(line.sid)?.pairs.get(line.customerRef ?? '');
	}

	/** Indexes a whole report. */
	static of(lines: readonly UsageLineFacts[]): UsageIndex {
		const index = new UsageIndex();
		for (const line of lines) index.add(line);
		return index;
	}
}

function countInto(
	groups: Map<string, UsageGroup>,
	line: UsageLineFacts,
	sid: string,
	customerRef: string
): void {
	const group = groups.get(customerRef);
	if (group === undefined)
		groups.set(customerRef, { sid, customerRef, firstLine: line.line, lines: 1 });
	else group.lines += 1;
}

/**
 * Sums line totals for the given groups only, in one pass; `groupOf` maps a line to its group.
 * Unparsable totals add nothing (they have their own finding).
 */
export function totalsOf<G>(
	lines: readonly UsageLineFacts[],
	groupOf: (line: UsageLineFacts) => G | undefined,
	groups: ReadonlySet<G>
): Map<G, ScaledDecimal> {
	const totals = new Map<G, ScaledDecimal>();
	if (groups.size === 0) return totals;
	for (const wanted of groups) totals.set(wanted, ZERO);
	for (const line of lines) {
		const owner = groupOf(line);
		if (owner === undefined || !groups.has(owner)) continue;
		const total = parseScaled(line.total);
		if (total !== undefined) totals.set(owner, addScaled(totals.get(owner) ?? ZERO, total));
	}
	return totals;
}

import { compare, subtract, toAmount, type DecimalString } from './money';

/** The fields of a usage line a diff compares (the importer's `UsageLine` has them all). */
export type DiffLine = {
	line: number;
	sid: string;
	description: string;
	customerRef?: string;
	sku?: string;
	unit?: string;
	contractId?: string;
	quantity: DecimalString;
	unitPrice: DecimalString;
	total: DecimalString;
};

export type RevisionDiff<T extends DiffLine = DiffLine> = {
	added: T[];
	removed: T[];
	changed: { before: T; after: T }[];
	totals: { before: DecimalString; after: DecimalString; difference: DecimalString };
};

/** What a line is about (SID, customer, product, contract), not what it counts. */
function identity(line: DiffLine): string {
	return JSON.stringify([
		line.sid,
		line.customerRef ?? '',
		line.sku ?? '',
		line.description,
		line.unit ?? '',
		line.contractId ?? ''
	]);
}

/**
 * Equal amounts: the same text is the same amount, and most lines of a correction are unchanged,
 * so only differing texts ("1.5" and "1.50") are compared as decimals. A 20,000-line month's
 * diff spent most of its time parsing unchanged amounts.
 */
const sameAmount = (a: DecimalString, b: DecimalString) => a === b || compare(a, b) === 0;

function sameFigures(a: DiffLine, b: DiffLine): boolean {
	return (
		sameAmount(a.quantity, b.quantity) &&
		sameAmount(a.unitPrice, b.unitPrice) &&
		sameAmount(a.total, b.total)
	);
}

/**
 * A correction against the revision it corrects: lines added, removed and changed (same SID,
 * customer and product, other quantity, price or total), and both totals with their difference.
 * Lines are matched by what they are about, not by their place in the file, so a row inserted at
 * the top does not make every line below it "changed". Lines about the same thing pair up in file
 * order, identical figures first.
 */
export function diffRevisions<T extends DiffLine>(options: {
	before: readonly T[];
	after: readonly T[];
	totals: { before: DecimalString; after: DecimalString };
}): RevisionDiff<T> {
	const waiting = new Map<string, T[]>();
	for (const line of options.before) {
		const key = identity(line);
		const list = waiting.get(key);
		if (list) list.push(line);
		else waiting.set(key, [line]);
	}
	const unmatched: T[] = [];
	for (const line of options.after) {
		const list = waiting.get(identity(line));
		const same = list?.findIndex((old) => sameFigures(old, line)) ?? -1;
		if (list && same >= 0) list.splice(same, 1);
		else unmatched.push(line);
	}
	const added: T[] = [];
	const changed: { before: T; after: T }[] = [];
	for (const line of unmatched) {
		const before = waiting.get(identity(line))?.shift();
		if (before) changed.push({ before, after: line });
		else added.push(line);
	}
	const removed = [...waiting.values()].flat().sort((a, b) => a.line - b.line);
	const before = toAmount(options.totals.before);
	const after = toAmount(options.totals.after);
	return {
		added,
		removed,
		changed,
		totals: { before, after, difference: toAmount(subtract(after, before)) }
	};
}

import { add, toAmount, type DecimalString } from './money';

/** The parts of a usage line that totals need. */
export type TotalsLine = {
	sid: string;
	customerRef?: string;
	quantity: DecimalString;
	total: DecimalString;
};

export type GroupTotal = {
	key: string;
	lines: number;
	quantity: DecimalString;
	amount: DecimalString;
};

export type ReportTotals = {
	lines: number;
	quantity: DecimalString;
	/** Half-even to 2 places, as the bundle carries it (DESIGN.md). */
	amount: DecimalString;
	bySid: GroupTotal[];
	byCustomer: GroupTotal[];
};

function group(map: Map<string, GroupTotal>, key: string, line: TotalsLine): void {
	const current = map.get(key);
	if (current) {
		current.lines += 1;
		current.quantity = add(current.quantity, line.quantity);
		current.amount = add(current.amount, line.total);
	} else {
		map.set(key, { key, lines: 1, quantity: line.quantity, amount: line.total });
	}
}

function sorted(map: Map<string, GroupTotal>): GroupTotal[] {
	return [...map.values()]
		.map((total) => ({ ...total, amount: toAmount(total.amount) }))
		.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Totals of a report, overall and per SID and per customer, exactly. Lines without a customer group under "". */
export function summarizeLines(lines: readonly TotalsLine[]): ReportTotals {
	const bySid = new Map<string, GroupTotal>();
	const byCustomer = new Map<string, GroupTotal>();
	let quantity = '0' as DecimalString;
	let amount = '0' as DecimalString;
	for (const line of lines) {
		quantity = add(quantity, line.quantity);
		amount = add(amount, line.total);
		group(bySid, line.sid, line);
		group(byCustomer, line.customerRef ?? '', line);
	}
	return {
		lines: lines.length,
		quantity,
		amount: toAmount(amount),
		bySid: sorted(bySid),
		byCustomer: sorted(byCustomer)
	};
}

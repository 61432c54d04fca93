import type { DecimalString } from './money';
import {
	formatPlain,
	formatScaled,
	roundScaledHalfEven,
	ScaledSum,
	toScaled,
	type ScaledDecimal
} from './scaled-decimal';

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

type Sum = { lines: number; quantity: ScaledSum; amount: ScaledSum };

/** Sums per key. Exports come sorted, so a line often has the key of the one before. */
class GroupSums {
	readonly #sums = new Map<string, Sum>();
	#lastKey: string | undefined;
	#last: Sum | undefined;

	add(key: string, quantity: ScaledDecimal, amount: ScaledDecimal): void {
		let sum = key === this.#lastKey ? this.#last : this.#sums.get(key);
		if (!sum) {
			sum = { lines: 0, quantity: new ScaledSum(), amount: new ScaledSum() };
			this.#sums.set(key, sum);
		}
		this.#lastKey = key;
		this.#last = sum;
		sum.lines += 1;
		sum.quantity.add(quantity);
		sum.amount.add(amount);
	}

	get sums(): Map<string, Sum> {
		return this.#sums;
	}
}

function money(value: ScaledDecimal): DecimalString {
	return formatScaled(roundScaledHalfEven(value, 2)) as DecimalString;
}

function sorted(map: Map<string, Sum>): GroupTotal[] {
	return [...map.entries()]
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([key, sum]) => ({
			key,
			lines: sum.lines,
			quantity: formatPlain(sum.quantity.value) as DecimalString,
			amount: money(sum.amount.value)
		}));
}

/**
 * Adds up lines one by one, for a caller that has their amounts parsed already (the importer
 * checks every line's total against quantity x unit price): a second pass over 100,000 lines
 * just to add them up costs about 100 ms.
 */
export class TotalsAccumulator {
	#lines = 0;
	readonly #quantity = new ScaledSum();
	readonly #amount = new ScaledSum();
	readonly #bySid = new GroupSums();
	readonly #byCustomer = new GroupSums();

	/** `quantity` and `amount` are the line's quantity and total, parsed. */
	add(line: TotalsLine, quantity: ScaledDecimal, amount: ScaledDecimal): void {
		this.#lines++;
		this.#quantity.add(quantity);
		this.#amount.add(amount);
		this.#bySid.add(line.sid, quantity, amount);
		this.#byCustomer.add(line.customerRef ?? '', quantity, amount);
	}

	/** The sums before rounding: a file's own total row is compared with these. */
	exact(): { quantity: DecimalString; amount: DecimalString } {
		return {
			quantity: formatPlain(this.#quantity.value) as DecimalString,
			amount: formatPlain(this.#amount.value) as DecimalString
		};
	}

	result(): ReportTotals {
		return {
			lines: this.#lines,
			quantity: formatPlain(this.#quantity.value) as DecimalString,
			amount: money(this.#amount.value),
			bySid: sorted(this.#bySid.sums),
			byCustomer: sorted(this.#byCustomer.sums)
		};
	}
}

/**
 * Totals of a report, overall and per SID and per customer, exactly. Lines without a customer
 * group under "". Summed as scaled integers: big.js objects for 300,000 additions cost most of
 * a second, this a few milliseconds, with the same exact result.
 */
export function summarizeLines(lines: readonly TotalsLine[]): ReportTotals {
	const totals = new TotalsAccumulator();
	for (const line of lines) totals.add(line, toScaled(line.quantity), toScaled(line.total));
	return totals.result();
}

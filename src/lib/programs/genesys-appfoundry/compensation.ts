import { add, multiply, roundHalfEven, toDecimal, type DecimalString } from '../../domain/money';
import { quarterOf } from './iso-date';
import type { CompensationBasis, RepCompensation } from './records';

/**
 * What a Genesys rep is owed for one marketplace sale: a rate of the sale amount (half-even to
 * cents) or a fixed amount per deal (seed: partners may compensate Genesys sales directly).
 */
export function compensationFor(options: {
	saleAmount: DecimalString;
	basis: CompensationBasis;
}): DecimalString {
	const { saleAmount, basis } = options;
	if (basis.kind === 'amount') return roundHalfEven(basis.amount);
	return roundHalfEven(multiply(saleAmount, multiply(toDecimal(basis.percent), toDecimal('0.01'))));
}

export type QuarterTotals = {
	/** `2026-Q4`, by sale date. */
	quarter: string;
	currency: string;
	/** Everything owed for the quarter's sales, paid or not. */
	total: DecimalString;
	paid: DecimalString;
	/** Still to pay: total − paid. */
	open: DecimalString;
	deals: number;
};

/** Compensation totals per quarter and currency, in quarter order; amounts never mix currencies. */
export function compensationByQuarter(options: {
	records: readonly RepCompensation[];
}): QuarterTotals[] {
	const totals = new Map<string, QuarterTotals>();
	for (const record of options.records) {
		const quarter = quarterOf(record.saleDate);
		const key = `${quarter} ${record.currency}`;
		const zero = '0.00' as DecimalString;
		const row = totals.get(key) ?? {
			quarter,
			currency: record.currency,
			total: zero,
			paid: zero,
			open: zero,
			deals: 0
		};
		const owed = compensationFor({ saleAmount: record.saleAmount, basis: record.basis });
		row.total = roundHalfEven(add(row.total, owed));
		if (record.status === 'paid') row.paid = roundHalfEven(add(row.paid, owed));
		else row.open = roundHalfEven(add(row.open, owed));
		row.deals += 1;
		totals.set(key, row);
	}
	return [...totals.values()].sort((a, b) =>
		a.quarter === b.quarter ? a.currency.localeCompare(b.currency) : a.quarter < b.quarter ? -1 : 1
	);
}

import { add, roundHalfEven, type DecimalString } from '../../domain/money';
import type { KpiResult } from './kpi';
import type { RevenueSource } from './records';

export type KpiMonth = {
	/** `2026-03`: records are dated days, so a month is its calendar month. */
	month: string;
	bySource: Record<RevenueSource, DecimalString>;
	recurring: DecimalString;
	/** The KPI at the month's end (or at the KPI's date in its last month). */
	cumulative: DecimalString;
};

/**
 * The counted records of a KPI by calendar month, for the dashboard's chart and its table:
 * each figure summed exactly and rounded half-even once. A month without a counted record is
 * listed with zeros from the window's first month through its last, so the chart has no gaps.
 */
export function kpiByMonth(kpi: KpiResult): KpiMonth[] {
	const zero = '0' as DecimalString;
	const months = new Map<string, Record<RevenueSource, DecimalString>>();
	for (
		let month = kpi.from.slice(0, 7);
		month <= kpi.through.slice(0, 7);
		month = nextMonth(month)
	) {
		months.set(month, { 'genesys-billing': zero, 'partner-billing': zero });
	}
	for (const { record, kpiAmount } of kpi.counted) {
		const sums = months.get(record.date.slice(0, 7));
		if (sums) sums[record.source] = add(sums[record.source], kpiAmount);
	}
	let running = zero;
	return [...months].map(([month, sums]) => {
		const recurring = add(sums['genesys-billing'], sums['partner-billing']);
		running = add(running, recurring);
		return {
			month,
			bySource: {
				'genesys-billing': roundHalfEven(sums['genesys-billing']),
				'partner-billing': roundHalfEven(sums['partner-billing'])
			},
			recurring: roundHalfEven(recurring),
			cumulative: roundHalfEven(running)
		};
	});
}

function nextMonth(month: string): string {
	const year = Number(month.slice(0, 4));
	const index = Number(month.slice(5, 7));
	return index === 12 ? `${year + 1}-01` : `${year}-${String(index + 1).padStart(2, '0')}`;
}

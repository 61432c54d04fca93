import Big from 'big.js';
import {
	add,
	compare,
	roundHalfEven,
	subtract,
	sum,
	toDecimal,
	type DecimalString
} from '../../../domain/money';
import { shiftPeriod, type Period } from '../../../domain/period';
import { inTerm, termOf, type Contract } from './contract';

/** A report revision as the evaluation needs it: its period, state and total at list price. */
export type ReportTotal = {
	period: Period;
	state: 'delivered' | 'ready';
	totalMsrp: DecimalString;
};

export type BandPosition = {
	band: string | undefined;
	discountPercent: DecimalString;
	nextBand: string | undefined;
	distanceToNext: DecimalString | undefined;
};

export type BurnDownMonth = {
	period: Period;
	committed: DecimalString;
	consumed: DecimalString | undefined;
	forecast: DecimalString;
	pending: boolean;
};

export type ContractEvaluation = {
	consumedToDate: DecimalString;
	pendingTotal: DecimalString;
	pendingPeriods: Period[];
	monthsReported: number;
	monthsRemaining: number;
	remainingCommit: DecimalString;
	runRate: DecimalString;
	forecastAtTermEnd: DecimalString;
	projectedShortfall: DecimalString;
	projectedOverage: DecimalString;
	consumedPercent: DecimalString;
	bandByCommit: BandPosition;
	bandByConsumption: BandPosition;
	burnDown: BurnDownMonth[];
};

/** The band an amount earns: the highest band whose threshold it reaches; the next one and the gap. */
export function bandFor(contract: Contract, amount: DecimalString): BandPosition {
	const bands = [...contract.discountBands.bands].sort((a, b) =>
		compare(toDecimal(a.minAmountMsrp), toDecimal(b.minAmountMsrp))
	);
	let index = -1;
	bands.forEach((band, i) => {
		if (compare(amount, toDecimal(band.minAmountMsrp)) >= 0) index = i;
	});
	const next = bands[index + 1];
	return {
		band: bands[index]?.id,
		discountPercent: toDecimal(bands[index]?.discountPercent ?? '0'),
		nextBand: next?.id,
		distanceToNext: next
			? roundHalfEven(subtract(toDecimal(next.minAmountMsrp), amount))
			: undefined
	};
}

/** Net price of a list amount after a discount percent, rounded half-even to cents once. */
export function netPrice(amountMsrp: DecimalString, discountPercent: DecimalString): DecimalString {
	const factor = new Big(100).minus(discountPercent).div(100);
	return roundHalfEven(toDecimal(new Big(amountMsrp).times(factor).toFixed()));
}

/**
 * Evaluates a commit contract as of a date. Consumed = delivered reports whose period lies in the
 * term (before/after the term do not count); ready reports are pending, shown apart. Run rate =
 * consumed / months reported (delivered months in the term); forecast = consumed + run rate x
 * months remaining (term months after the last delivered period). Every figure is computed exactly
 * and rounded half-even to cents once, at the end (the forecast uses the unrounded run rate).
 */
export function evaluateContract({
	contract,
	reports,
	extraMonths = []
}: {
	contract: Contract;
	reports: readonly ReportTotal[];
	/** Consumption before tracking (the aggregator's statements), counted like delivered months. */
	extraMonths?: readonly { period: Period; amountMsrp: DecimalString }[];
	asOf?: Date;
}): ContractEvaluation {
	const term = termOf(contract);
	const consumedBy = new Map<Period, DecimalString>();
	for (const m of extraMonths)
		if (inTerm(contract, m.period)) consumedBy.set(m.period, m.amountMsrp);
	const pendingBy = new Map<Period, DecimalString>();
	for (const r of reports) {
		if (!inTerm(contract, r.period)) continue;
		if (r.state === 'delivered') consumedBy.set(r.period, r.totalMsrp);
		else if (!consumedBy.has(r.period)) pendingBy.set(r.period, r.totalMsrp);
	}
	for (const p of consumedBy.keys()) pendingBy.delete(p);
	const consumed = sum(consumedBy.values());
	const committed = toDecimal(contract.committedAmountMsrp);
	const monthsReported = consumedBy.size;
	const lastReported = [...consumedBy.keys()].sort().at(-1);
	const monthsRemaining = lastReported
		? term.months - (monthIndex(lastReported) - monthIndex(term.first) + 1)
		: term.months;
	const runRateExact = monthsReported ? new Big(consumed).div(monthsReported) : new Big(0);
	const forecastExact = new Big(consumed).plus(runRateExact.times(monthsRemaining));
	const forecast = roundHalfEven(toDecimal(forecastExact.toFixed(20)));
	const gap = subtract(committed, forecast);
	const zero = toDecimal('0');
	const burnDown: BurnDownMonth[] = [];
	let running = zero;
	for (let i = 0; i < term.months; i++) {
		const period = shiftPeriod(term.first, i);
		const value = consumedBy.get(period);
		if (value !== undefined) running = add(running, value);
		const afterLast = lastReported === undefined || period > lastReported;
		// Forecast line: the consumed so far, then run rate x months past the last reported one.
		const projected = afterLast
			? new Big(running).plus(
					runRateExact.times(
						monthIndex(period) -
							(lastReported ? monthIndex(lastReported) : monthIndex(term.first) - 1)
					)
				)
			: new Big(running);
		burnDown.push({
			period,
			committed: roundHalfEven(committed),
			consumed: afterLast ? undefined : roundHalfEven(running),
			forecast: roundHalfEven(toDecimal(projected.toFixed(20))),
			pending: pendingBy.has(period)
		});
	}
	return {
		consumedToDate: roundHalfEven(consumed),
		pendingTotal: roundHalfEven(sum(pendingBy.values())),
		pendingPeriods: [...pendingBy.keys()].sort(),
		monthsReported,
		monthsRemaining,
		remainingCommit: roundHalfEven(
			compare(consumed, committed) < 0 ? subtract(committed, consumed) : zero
		),
		runRate: roundHalfEven(toDecimal(runRateExact.toFixed(20))),
		forecastAtTermEnd: forecast,
		projectedShortfall: compare(gap, zero) > 0 ? roundHalfEven(gap) : roundHalfEven(zero),
		projectedOverage:
			compare(gap, zero) < 0 ? roundHalfEven(subtract(zero, gap)) : roundHalfEven(zero),
		consumedPercent: roundHalfEven(
			toDecimal(new Big(consumed).times(100).div(committed).toFixed(20))
		),
		bandByCommit: bandFor(contract, committed),
		bandByConsumption: bandFor(contract, consumed),
		burnDown
	};
}

function monthIndex(period: Period): number {
	const [y, m] = period.split('-').map(Number);
	return y * 12 + m - 1;
}

import Big from 'big.js';
import {
	roundHalfEven,
	subtract,
	toDecimal,
	compare,
	type DecimalString
} from '../../../domain/money';
import { bandFor, type ContractEvaluation } from './evaluate-contract';
import type { Contract } from './contract';

/**
 * What-if: the coming months' expected usage changed overall or for one customer, by a percent
 * or an amount per month. Pure: takes an evaluation, returns new figures, stores nothing.
 * forecast' = consumed + months remaining x (run rate + change per month), where the change is
 * percent x base / 100 (base = the run rate, or the customer's monthly amount) or the amount.
 */
export function whatIf({
	contract,
	evaluation,
	change,
	customerMonthlyMsrp
}: {
	contract: Contract;
	evaluation: ContractEvaluation;
	change: { percent: DecimalString } | { amount: DecimalString };
	/** Given when the change is for one customer: their latest monthly amount at list price. */
	customerMonthlyMsrp?: DecimalString;
}) {
	const monthlyBase = new Big(evaluation.consumedToDate).div(evaluation.monthsReported || 1);
	const base = customerMonthlyMsrp ? new Big(customerMonthlyMsrp) : monthlyBase;
	const perMonth =
		'percent' in change ? base.times(change.percent).div(100) : new Big(change.amount);
	const forecast = roundHalfEven(
		toDecimal(
			new Big(evaluation.consumedToDate)
				.plus(monthlyBase.plus(perMonth).times(evaluation.monthsRemaining))
				.toFixed(20)
		)
	);
	const gap = subtract(toDecimal(contract.committedAmountMsrp), forecast);
	const zero = toDecimal('0');
	return {
		forecastAtTermEnd: forecast,
		projectedShortfall: compare(gap, zero) > 0 ? roundHalfEven(gap) : roundHalfEven(zero),
		projectedOverage:
			compare(gap, zero) < 0 ? roundHalfEven(subtract(zero, gap)) : roundHalfEven(zero),
		bandByForecast: bandFor(contract, forecast)
	};
}

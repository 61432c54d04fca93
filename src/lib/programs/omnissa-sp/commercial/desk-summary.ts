import type { Period } from '../../../domain/period';
import { termOf, type Contract } from './contract';
import type { ContractEvaluation } from './evaluate-contract';

/** What the Desk shows per contract (pure): remaining commit, forecast status, next invoice, term end. */
export function deskSummary({
	contract,
	evaluation,
	unreconciledInvoicePeriods,
	asOf,
	endingWithinDays = 60
}: {
	contract: Contract;
	evaluation: ContractEvaluation;
	unreconciledInvoicePeriods: readonly Period[];
	asOf: Date;
	endingWithinDays?: number;
}) {
	const term = termOf(contract);
	// The term ends at the end of its last month: the first day of the month after, minus nothing.
	const [y, m] = term.last.split('-').map(Number);
	const endExclusive = Date.UTC(y, m, 1);
	const daysLeft = Math.ceil((endExclusive - asOf.getTime()) / 86_400_000);
	const status =
		evaluation.projectedShortfall !== '0.00'
			? 'shortfall'
			: evaluation.projectedOverage !== '0.00'
				? 'overage'
				: 'on-track';
	return {
		contractId: contract.id,
		remainingCommit: evaluation.remainingCommit,
		forecastStatus: status as 'shortfall' | 'overage' | 'on-track',
		nextInvoiceToReconcile: [...unreconciledInvoicePeriods].sort()[0],
		termEndsWithinDays: daysLeft >= 0 && daysLeft <= endingWithinDays ? daysLeft : undefined
	};
}

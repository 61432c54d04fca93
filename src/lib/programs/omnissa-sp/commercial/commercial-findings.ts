import Big from 'big.js';
import type { LocalizedText } from '../../../domain/localized-text';
import { compare, roundHalfEven, toDecimal, type DecimalString } from '../../../domain/money';
import type { Period } from '../../../domain/period';
import type { Severity } from '../../../domain/finding';
import { describeCommercialFinding } from './commercial-messages';
import { inTerm, termOf, type Contract } from './contract';
import { contractCovers, type Customer } from './customer';
import { bandFor, type ContractEvaluation } from './evaluate-contract';
import type { ReconciledLine } from './reconcile-invoice';

/** The commercial rules and their severity; ids are stable. */
export const commercialRuleCatalog = {
	'contract-shortfall-projected': 'warning',
	'contract-next-band-within-reach': 'info',
	'invoice-differences-open': 'warning',
	'customer-without-contract': 'warning',
	'contract-term-ending': 'info',
	'usage-outside-contract-term': 'warning'
} as const satisfies Record<string, Severity>;

export type CommercialRuleId = keyof typeof commercialRuleCatalog;

/** Shaped as the report findings, about a contract, an invoice, a customer or a month. */
export type CommercialFinding = {
	ruleId: CommercialRuleId;
	severity: Severity;
	subject: { kind: 'contract' | 'invoice' | 'customer' | 'period'; id: string };
	numbers: Record<string, string>;
	message: LocalizedText;
	fixHint: LocalizedText;
};

function finding(
	ruleId: CommercialRuleId,
	subject: CommercialFinding['subject'],
	numbers: Record<string, string>
): CommercialFinding {
	return {
		ruleId,
		severity: commercialRuleCatalog[ruleId],
		subject,
		numbers,
		...describeCommercialFinding(ruleId, { subject, numbers })
	};
}

/** Parameters of the commercial rules (defaults to confirm; the seed publishes none). */
export type CommercialRuleParameters = {
	/** A term ending within this many days is named (default 60). */
	termEndingDays: number;
	/** The next band is "within reach" when the forecast misses it by at most this share of the commitment, in percent (default 10). */
	withinReachPercent: DecimalString;
};

export const DEFAULT_COMMERCIAL_PARAMETERS: CommercialRuleParameters = {
	termEndingDays: 60,
	withinReachPercent: toDecimal('10')
};

/** A contract's own findings: projected shortfall, the next band within reach, its term ending. */
export function contractFindings(options: {
	contract: Contract;
	evaluation: ContractEvaluation;
	today: string;
	parameters?: CommercialRuleParameters;
}): CommercialFinding[] {
	const { contract, evaluation, today } = options;
	const parameters = options.parameters ?? DEFAULT_COMMERCIAL_PARAMETERS;
	const subject = { kind: 'contract' as const, id: contract.id };
	const base = { contract: contract.id, currency: contract.currency };
	const found: CommercialFinding[] = [];
	if (compare(evaluation.projectedShortfall, toDecimal('0')) > 0)
		found.push(
			finding('contract-shortfall-projected', subject, {
				...base,
				shortfall: evaluation.projectedShortfall,
				forecast: evaluation.forecastAtTermEnd,
				committed: contract.committedAmountMsrp
			})
		);
	// The band above the one the commitment earns, and how far the forecast is from it.
	const byForecast = bandFor(contract, evaluation.forecastAtTermEnd);
	const next = evaluation.bandByCommit.nextBand;
	const nextBand = contract.discountBands.bands.find((band) => band.id === next);
	if (nextBand && byForecast.band !== next) {
		const missing = new Big(nextBand.minAmountMsrp).minus(evaluation.forecastAtTermEnd);
		const reach = new Big(contract.committedAmountMsrp)
			.times(parameters.withinReachPercent)
			.div(100);
		if (missing.gt(0) && missing.lte(reach))
			found.push(
				finding('contract-next-band-within-reach', subject, {
					...base,
					band: nextBand.id,
					threshold: nextBand.minAmountMsrp,
					missing: roundHalfEven(toDecimal(missing.toFixed())),
					forecast: evaluation.forecastAtTermEnd
				})
			);
	}
	const { last } = termOf(contract);
	const [year, month] = last.split('-').map(Number);
	const endDate = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
	const days = Math.round((Date.parse(endDate) - Date.parse(today)) / 86_400_000);
	if (days >= 0 && days <= parameters.termEndingDays)
		found.push(finding('contract-term-ending', subject, { ...base, endDate, days: String(days) }));
	return found;
}

/** An invoice whose differences are not all explained. */
export function invoiceFindings(options: {
	invoiceId: string;
	period: Period;
	lines: readonly ReconciledLine[];
}): CommercialFinding[] {
	const open = options.lines.filter((line) => line.state !== 'matched' && !line.explanation);
	if (open.length === 0) return [];
	return [
		finding(
			'invoice-differences-open',
			{ kind: 'invoice', id: options.invoiceId },
			{ invoice: options.invoiceId, period: options.period, count: String(open.length) }
		)
	];
}

/**
 * Customers a month's report names who are not in the register with a contract covering that
 * month (no register entry, no contract, or a contract that ended before or starts after it).
 */
export function customerFindings(options: {
	period: Period;
	customerRefs: Iterable<string>;
	customers: readonly Customer[];
}): CommercialFinding[] {
	const byId = new Map(options.customers.map((customer) => [customer.id, customer]));
	const found: CommercialFinding[] = [];
	for (const ref of new Set(options.customerRefs)) {
		if (ref === '') continue;
		const customer = byId.get(ref);
		if (customer && contractCovers(customer, options.period)) continue;
		const numbers: Record<string, string> = { customer: ref, period: options.period };
		if (customer?.contract?.end) numbers.endDate = customer.contract.end;
		if (customer?.contract && customer.contract.start.slice(0, 7) > options.period)
			numbers.startDate = customer.contract.start;
		if (!customer) numbers.registered = 'no';
		found.push(finding('customer-without-contract', { kind: 'customer', id: ref }, numbers));
	}
	return found;
}

/** Delivered months that no commit contract's term covers, once the partner keeps contracts. */
export function outsideTermFindings(options: {
	deliveredPeriods: Iterable<Period>;
	contracts: readonly Contract[];
}): CommercialFinding[] {
	if (options.contracts.length === 0) return [];
	const found: CommercialFinding[] = [];
	for (const period of new Set(options.deliveredPeriods))
		if (!options.contracts.some((contract) => inTerm(contract, period)))
			found.push(
				finding('usage-outside-contract-term', { kind: 'period', id: period }, { period })
			);
	return found.sort((a, b) => a.subject.id.localeCompare(b.subject.id));
}

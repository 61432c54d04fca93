import Big from 'big.js';
import { roundHalfEven, toDecimal, type DecimalString } from '../../../domain/money';
import type { Period } from '../../../domain/period';
import { inTerm, type Contract } from './contract';

/**
 * Booking points. The seed: "Alle im Rahmen des Service Provider Commitment Contract
 * abgeschlossenen Neu- und/oder Erweiterungstransaktionen werden als Service Provider-
 * Buchungspunkte gezählt." It names what counts (new and expansion under the commit contract) but
 * no conversion. Our reading: a transaction's points are its added monthly amount at list price
 * (added quantity x unit price), times `pointsPerMsrpUnit`, a pack parameter (example value 1,
 * unconfirmed).
 */
export type UsageKeyLine = {
	customer: string;
	sid: string;
	sku: string;
	quantity: DecimalString;
	unitPriceMsrp: DecimalString;
	contractId?: string;
};

export type TransactionKind = 'new' | 'expansion' | 'reduction' | 'renewal';

export type Transaction = {
	key: string;
	period: Period;
	customer: string;
	sid: string;
	sku: string;
	kind: TransactionKind;
	quantityDelta: DecimalString;
	amountMsrp: DecimalString;
	contractId?: string;
};

export type CandidateDecision = 'open' | 'confirmed' | 'rejected';
export type Candidate = Transaction & { decision: CandidateDecision; addedByUser?: true };

const keyOf = (l: { customer: string; sid: string; sku: string }) =>
	`${l.customer}|${l.sid}|${l.sku}`;

/** Nets lines with the same customer + SID + SKU (a credit line reduces its regular line). */
function net(lines: readonly UsageKeyLine[]): Map<string, UsageKeyLine> {
	const out = new Map<string, UsageKeyLine>();
	for (const l of lines) {
		const seen = out.get(keyOf(l));
		out.set(
			keyOf(l),
			seen ? { ...seen, quantity: toDecimal(new Big(seen.quantity).plus(l.quantity).toFixed()) } : l
		);
	}
	return out;
}

/**
 * Classifies transactions between two consecutive months: a customer x SID x SKU not billed last
 * month is new (a new SID or customer); a higher quantity is an expansion; a lower one (also a line
 * gone) a reduction. Renewals are never guessed: the user marks them (`markRenewal`).
 */
export function classifyTransactions({
	period,
	previous,
	current
}: {
	period: Period;
	previous: readonly UsageKeyLine[];
	current: readonly UsageKeyLine[];
}): Transaction[] {
	const before = net(previous);
	const now = net(current);
	const result: Transaction[] = [];
	const push = (line: UsageKeyLine, kind: TransactionKind, delta: Big) =>
		result.push({
			key: keyOf(line),
			period,
			customer: line.customer,
			sid: line.sid,
			sku: line.sku,
			kind,
			quantityDelta: toDecimal(delta.toFixed()),
			amountMsrp: roundHalfEven(toDecimal(delta.times(line.unitPriceMsrp).toFixed())),
			contractId: line.contractId
		});
	for (const [key, line] of now) {
		const old = before.get(key);
		const delta = new Big(line.quantity).minus(old?.quantity ?? '0');
		if (!old) push(line, 'new', delta);
		else if (delta.gt(0)) push(line, 'expansion', delta);
		else if (delta.lt(0)) push(line, 'reduction', delta);
	}
	for (const [key, line] of before)
		if (!now.has(key)) push(line, 'reduction', new Big(0).minus(line.quantity));
	return result.sort((a, b) => a.key.localeCompare(b.key));
}

export function toCandidates(transactions: readonly Transaction[]): Candidate[] {
	return transactions.map((t) => ({ ...t, decision: 'open' }));
}

/** The user's decisions on candidates; each returns a new list, nothing stored here. */
export function decide(
	candidates: readonly Candidate[],
	key: string,
	decision: CandidateDecision
): Candidate[] {
	return candidates.map((c) => (c.key === key ? { ...c, decision } : c));
}
export function markRenewal(candidates: readonly Candidate[], key: string): Candidate[] {
	return candidates.map((c) => (c.key === key ? { ...c, kind: 'renewal' } : c));
}
export function editCandidate(
	candidates: readonly Candidate[],
	key: string,
	change: Partial<Transaction>
): Candidate[] {
	return candidates.map((c) => (c.key === key ? { ...c, ...change } : c));
}
export function addCandidate(
	candidates: readonly Candidate[],
	transaction: Transaction
): Candidate[] {
	return [...candidates, { ...transaction, decision: 'confirmed', addedByUser: true }];
}

export type NotCountedReason =
	'renewal' | 'reduction' | 'no-contract' | 'outside-term' | 'rejected';

export type LedgerEntry = Candidate & { points: DecimalString } & (
		{ counted: true } | { counted: false; reason: NotCountedReason }
	);

export type LedgerMonth = {
	contractId: string | undefined;
	period: Period;
	counted: DecimalString;
	entries: LedgerEntry[];
};

/**
 * The ledger per contract and month: counted = new and expansion under a commit contract and
 * inside its term (and not rejected by the user); everything else with its reason.
 */
export function bookingLedger({
	candidates,
	contracts,
	pointsPerMsrpUnit = toDecimal('1')
}: {
	candidates: readonly Candidate[];
	contracts: readonly Contract[];
	pointsPerMsrpUnit?: DecimalString;
}): LedgerMonth[] {
	const months = new Map<string, LedgerMonth>();
	for (const c of candidates) {
		const contract = contracts.find((k) => k.id === c.contractId);
		const reason: NotCountedReason | undefined =
			c.decision === 'rejected'
				? 'rejected'
				: c.kind === 'renewal'
					? 'renewal'
					: c.kind === 'reduction'
						? 'reduction'
						: !contract
							? 'no-contract'
							: !inTerm(contract, c.period)
								? 'outside-term'
								: undefined;
		const points = reason
			? roundHalfEven(toDecimal('0'))
			: roundHalfEven(toDecimal(new Big(c.amountMsrp).times(pointsPerMsrpUnit).toFixed()));
		const entry = (
			reason ? { ...c, points, counted: false, reason } : { ...c, points, counted: true }
		) as LedgerEntry;
		const id = `${contract?.id ?? ''}|${c.period}`;
		const month = months.get(id) ?? {
			contractId: contract?.id,
			period: c.period,
			counted: toDecimal('0'),
			entries: []
		};
		month.entries.push(entry);
		month.counted = roundHalfEven(toDecimal(new Big(month.counted).plus(points).toFixed()));
		months.set(id, month);
	}
	return [...months.values()].sort(
		(a, b) =>
			(a.contractId ?? '').localeCompare(b.contractId ?? '') || a.period.localeCompare(b.period)
	);
}

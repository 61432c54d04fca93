import { z } from 'zod';
import { isDecimalString } from '../../../domain/money';
import { isPeriod, shiftPeriod, type Period } from '../../../domain/period';

/**
 * A commit contract with the Solution Aggregator: the partner commits to an amount at list price
 * (MSRP/UVP) for a volume discount. The seed publishes no bands, thresholds or percentages, so the
 * bands are parameters flagged `confirmed: false` ("example values, confirm with your aggregator")
 * until the user confirms them.
 */
const decimal = z.string().refine(isDecimalString, { message: 'not a decimal number ("1234.56")' });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'not a date (YYYY-MM-DD)' });

export const discountBandSchema = z.object({
	id: z.string().min(1),
	minAmountMsrp: decimal,
	discountPercent: decimal
});

export const contractSchema = z
	.object({
		id: z.string().min(1),
		aggregator: z.object({ id: z.string().min(1), name: z.string().min(1) }),
		startDate: isoDate,
		endDate: isoDate.optional(),
		termMonths: z.number().int().positive().optional(),
		currency: z.string().regex(/^[A-Z]{3}$/),
		committedAmountMsrp: decimal,
		discountBands: z.object({
			confirmed: z.boolean(),
			bands: z.array(discountBandSchema).min(1)
		}),
		/**
		 * Consumption at list price from the aggregator's statements for months before the partner
		 * used Partner Desk (no usage exports for them); counted like delivered months.
		 */
		consumptionBeforeTracking: z
			.object({
				months: z.array(
					z.object({
						period: z.string().refine(isPeriod, { message: 'not a month (YYYY-MM)' }),
						amountMsrp: decimal
					})
				)
			})
			.optional()
	})
	.refine((c) => c.endDate !== undefined || c.termMonths !== undefined, {
		message: 'give either termMonths or endDate',
		path: ['termMonths']
	});

export type Contract = z.infer<typeof contractSchema>;

export type ContractProblem = { code: string; field: string; message: string };

/** Validates imported JSON; each problem names the field (`discountBands.bands.0.minAmountMsrp`). */
export function parseContract(
	json: unknown
): { ok: true; contract: Contract } | { ok: false; problems: ContractProblem[] } {
	const result = contractSchema.safeParse(json);
	if (result.success) return { ok: true, contract: result.data };
	return {
		ok: false,
		problems: result.error.issues.map((issue) => ({
			code: 'contract-field-invalid',
			field: issue.path.join('.'),
			message: issue.message
		}))
	};
}

/** The term as calendar months: first and last period, both inside. */
export function termOf(contract: Contract): { first: Period; last: Period; months: number } {
	const first = contract.startDate.slice(0, 7) as Period;
	if (!isPeriod(first)) throw new TypeError(`bad start date ${contract.startDate}`);
	if (contract.termMonths !== undefined)
		return {
			first,
			last: shiftPeriod(first, contract.termMonths - 1),
			months: contract.termMonths
		};
	const last = contract.endDate!.slice(0, 7) as Period;
	const [fy, fm] = first.split('-').map(Number);
	const [ly, lm] = last.split('-').map(Number);
	return { first, last, months: (ly - fy) * 12 + (lm - fm) + 1 };
}

export function inTerm(contract: Contract, period: Period): boolean {
	const { first, last } = termOf(contract);
	return period >= first && period <= last;
}

/**
 * Several contracts per partner: two contracts with the same aggregator must not overlap; a
 * renewal starts after the old one's last month.
 */
export function overlapProblems(contracts: readonly Contract[]): ContractProblem[] {
	const problems: ContractProblem[] = [];
	for (let i = 0; i < contracts.length; i++)
		for (let j = i + 1; j < contracts.length; j++) {
			const a = contracts[i];
			const b = contracts[j];
			if (a.aggregator.id !== b.aggregator.id) continue;
			const ta = termOf(a);
			const tb = termOf(b);
			if (ta.first <= tb.last && tb.first <= ta.last)
				problems.push({
					code: 'contract-term-overlap',
					field: 'startDate',
					message: `${b.id} (${tb.first}..${tb.last}) overlaps ${a.id} (${ta.first}..${ta.last}) with the same aggregator ${a.aggregator.id}`
				});
		}
	return problems;
}

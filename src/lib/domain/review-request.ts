import { z } from 'zod';
import { calendarDaysBetween, isPeriod, toPeriod, zonedInstant, type Period } from './period';

/**
 * A compliance review a vendor or an aggregator on its behalf asked for (issue 14; the Omnissa
 * seed: at any time, to be answered promptly; the Genesys seed: once a year, in Q4).
 */
export const REVIEW_STATUSES = ['open', 'answered', 'closed'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

const period = z.string().refine(isPeriod, 'period') as unknown as z.ZodType<Period>;

/** What the review covers: named months, or a calendar year. */
export const ReviewScopeSchema = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('periods'), periods: z.array(period).min(1) }),
	z.object({ kind: z.literal('year'), year: z.number().int().min(2000).max(9999) })
]);
export type ReviewScope = z.infer<typeof ReviewScopeSchema>;

export const ReviewRequestSchema = z.object({
	id: z.uuid(),
	/** Who asked: the vendor, or an aggregator on the vendor's behalf. */
	source: z.enum(['vendor', 'aggregator']),
	/** The aggregator's id when it asked; the vendor needs none (the program names it). */
	aggregatorId: z.string().min(1).optional(),
	programId: z.string().min(1),
	/** The requester's reference (case number, letter date). */
	reference: z.string().trim().min(1),
	scope: ReviewScopeSchema,
	/** The answer is due at the end of this calendar day in the partner's time zone. */
	dueDate: z.iso.date(),
	status: z.enum(REVIEW_STATUSES),
	notes: z.string(),
	createdAt: z.iso.datetime(),
	updatedAt: z.iso.datetime()
});
export type ReviewRequest = z.infer<typeof ReviewRequestSchema>;

/** The months a scope covers, oldest first, each once. */
export function scopePeriods(scope: ReviewScope): Period[] {
	if (scope.kind === 'year')
		return Array.from({ length: 12 }, (_, month) => toPeriod(scope.year, month + 1));
	return [...new Set(scope.periods)].sort();
}

/** What a review can ask to see. Contracts, customers, revenue and training come with issues 12/13. */
export const EVIDENCE_KINDS = [
	'report',
	'bundle-receipt',
	'findings-acknowledged',
	'contracts',
	'customer-register',
	'revenue',
	'training'
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Evidence per month: a report, its bundles, what of its findings is still open. */
export type PeriodEvidence = {
	period: Period;
	/** The month's current revision (not superseded), if there is one. */
	report?: { revisionId: string; state: string; openWarnings: number };
	/** Bundles of that revision, with whether the aggregator's receipt is stored. */
	bundles: { bundleId: string; receipt: boolean }[];
};

/** Records kept outside the monthly reports: absent = the app does not track them yet. */
export type RecordEvidence = Partial<
	Record<'contracts' | 'customer-register' | 'revenue' | 'training', { count: number }>
>;

export type ChecklistItem = {
	need: EvidenceKind;
	period?: Period;
	status: 'present' | 'missing' | 'not-tracked';
	/** Where the item is, or where to make it: a report, a bundle, or a records page. */
	target?: { kind: 'report' | 'bundle' | 'records'; id: string };
};

/**
 * What a review's scope needs and what of it is there. Per month: a report, a delivered bundle
 * with its receipt, no warning left unacknowledged; once for the scope: contracts, customer
 * register, revenue and training records (not-tracked until their tables exist). `needs` narrows
 * it to what the program's review asks for (all kinds by default).
 */
export function reviewChecklist(options: {
	review: Pick<ReviewRequest, 'scope'>;
	periods: readonly PeriodEvidence[];
	records: RecordEvidence;
	needs?: readonly EvidenceKind[];
}): ChecklistItem[] {
	const needs = new Set(options.needs ?? EVIDENCE_KINDS);
	const byPeriod = new Map(options.periods.map((evidence) => [evidence.period, evidence]));
	const items: ChecklistItem[] = [];
	for (const period of scopePeriods(options.review.scope)) {
		const evidence = byPeriod.get(period);
		const report = evidence?.report;
		if (needs.has('report'))
			items.push({
				need: 'report',
				period,
				status: report ? 'present' : 'missing',
				target: report ? { kind: 'report', id: report.revisionId } : undefined
			});
		if (needs.has('bundle-receipt')) {
			const received = evidence?.bundles.find((bundle) => bundle.receipt);
			const waiting = evidence?.bundles[0];
			items.push({
				need: 'bundle-receipt',
				period,
				status: received ? 'present' : 'missing',
				target: received
					? { kind: 'bundle', id: received.bundleId }
					: waiting
						? { kind: 'bundle', id: waiting.bundleId }
						: report && { kind: 'report', id: report.revisionId }
			});
		}
		if (needs.has('findings-acknowledged') && report)
			items.push({
				need: 'findings-acknowledged',
				period,
				status: report.openWarnings === 0 ? 'present' : 'missing',
				target: { kind: 'report', id: report.revisionId }
			});
	}
	for (const need of ['contracts', 'customer-register', 'revenue', 'training'] as const) {
		if (!needs.has(need)) continue;
		const record = options.records[need];
		items.push({
			need,
			status: !record ? 'not-tracked' : record.count > 0 ? 'present' : 'missing',
			target: record && { kind: 'records', id: need }
		});
	}
	return items;
}

/**
 * Calendar days from `now` to a review's due date in the partner's zone: 0 on the due day,
 * negative once it has passed. Noon of the due day stands for the day (never a DST gap).
 */
export function reviewDaysLeft(dueDate: string, now: Date, timeZone: string): number {
	const [year, month, day] = dueDate.split('-').map(Number);
	return calendarDaysBetween(now, zonedInstant({ year, month, day, hour: 12 }, timeZone), timeZone);
}

import { add, toDecimal, type DecimalString } from '../../../domain/money';
import type { Period } from '../../../domain/period';
import type { ReportRevision } from '../../../domain/report';
import type { ReportTotal } from './evaluate-contract';

/** States of a revision that signed or will be signed but has no receipt yet: pending. */
const PENDING: readonly ReportRevision['state'][] = ['ready', 'signed', 'queued'];

/**
 * A month's total at list price for one aggregator's contract, from the stored revisions: what was
 * delivered to that aggregator (the regular report and any delivered adjustments, which add to the
 * month), or, for a month with nothing delivered yet, what is ready or on its way to it, shown
 * apart as pending. A revision is sent to the aggregator its bundle names; one marked ready but not
 * signed yet has no bundle and is pending for every aggregator. Drafts and superseded revisions
 * never count.
 */
export function periodTotals(options: {
	revisions: readonly Pick<ReportRevision, 'id' | 'programId' | 'period' | 'state' | 'totals'>[];
	bundles: readonly { revisionId: string; aggregatorId: string; state: string }[];
	programId: string;
	aggregatorId: string;
}): ReportTotal[] {
	const { revisions, programId, aggregatorId } = options;
	const sentTo = new Map<string, string>();
	for (const bundle of options.bundles)
		if (bundle.state !== 'withdrawn') sentTo.set(bundle.revisionId, bundle.aggregatorId);
	const delivered = new Map<Period, DecimalString>();
	const pending = new Map<Period, DecimalString>();
	for (const revision of revisions) {
		if (revision.programId !== programId) continue;
		const target = sentTo.get(revision.id);
		if (target !== undefined && target !== aggregatorId) continue;
		const totals =
			revision.state === 'delivered'
				? delivered
				: PENDING.includes(revision.state)
					? pending
					: undefined;
		if (!totals) continue;
		const amount = toDecimal(revision.totals.amount);
		totals.set(revision.period, add(totals.get(revision.period) ?? toDecimal('0'), amount));
	}
	const totals: ReportTotal[] = [...delivered].map(([period, totalMsrp]) => ({
		period,
		state: 'delivered',
		totalMsrp
	}));
	for (const [period, totalMsrp] of pending)
		if (!delivered.has(period)) totals.push({ period, state: 'ready', totalMsrp });
	return totals.sort((a, b) => a.period.localeCompare(b.period));
}

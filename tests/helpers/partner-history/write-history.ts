/**
 * Writes a partner's history into a Partner Desk database, month by month, through the store's
 * real write paths, each as the app calls it: the import (`storeImportedReport`: lines in chunks,
 * per-revision totals, audit entry), an acknowledgement per open warning, `markReady`, signing
 * into the outbox (`signAndQueue`: the rules check, the real JWS of every line, the chain), and
 * the delivery receipt (`claimBundle`, `recordDelivery`). No table is written directly: every
 * record, the audit log's hash chain included, is what the app would have stored. About a
 * second a 20,000-line month on the benchmark machine, so ten years take a few minutes.
 *
 * Twice a year a month is corrected after delivery (revision 2, superseding the first) and once
 * a year late usage follows as an adjustment, so the history has the revisions a real one has.
 */
import type { Finding } from '$lib/domain/finding';
import { findingFingerprint, findingKey } from '$lib/domain/finding-identity';
import { shiftPeriod, type Period } from '$lib/domain/period';
import type { ReportKind, ReportRevision } from '$lib/domain/report';
import type { UsageLine } from '$lib/domain/usage-line';
import { signAndQueue } from '$lib/store/bundle-repo';
import type { PartnerDeskDatabase } from '$lib/store/db';
import { claimBundle, recordDelivery } from '$lib/store/outbox-repo';
import { acknowledgeFinding, markReady, storeImportedReport } from '$lib/store/report-repo';
import { checkStoredRevision } from '$lib/store/review-check';
import { saveAggregator, saveSettings } from '$lib/store/settings-repo';
import { corrected, lateUsage, PartnerUsage } from './partner-usage';

const PROGRAM = 'omnissa-sp';
const AGGREGATOR = 'distributor';
const PARTNER = { id: 'SP-4711', name: 'Muster IT GmbH' };

export type HistoryOptions = {
	/** How many months, the last of them `lastPeriod`. */
	months: number;
	lastPeriod: Period;
	customers?: number;
	/** Called after each month is delivered, for progress output. */
	onMonth?: (progress: { period: Period; done: number; lines: number }) => void;
};

export type HistorySummary = {
	firstPeriod: Period;
	lastPeriod: Period;
	revisions: number;
	lines: number;
	bundles: number;
};

/** The working day a month's report is done: the 3rd of the month after, 09:00 UTC. */
function dayAfter(period: Period, days = 0): Date {
	const next = shiftPeriod(period, 1);
	return new Date(`${next}-0${3 + days}T09:00:00.000Z`);
}

/** A file digest for the synthetic import: SHA-256 of the period, revision and kind. */
async function digestOf(text: string): Promise<string> {
	const bytes = new TextEncoder().encode(text);
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
	return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Acknowledges every warning of a draft that has none yet, as the partner does on review. */
async function acknowledgeWarnings(
	db: PartnerDeskDatabase,
	revision: ReportRevision,
	now: Date
): Promise<void> {
	const { findings } = await checkStoredRevision(db, { revision, now });
	const open = findings.filter(
		(finding: Finding) =>
			finding.severity === 'warning' && !(findingKey(finding) in revision.acknowledgements)
	);
	for (const finding of open)
		await acknowledgeFinding(db, {
			revisionId: revision.id,
			findingKey: findingKey(finding),
			fingerprint: findingFingerprint(finding),
			reasonCode: finding.ruleId === 'quantity-change' ? 'customer-growth' : 'other',
			comment: 'Mit dem Kunden abgestimmt.',
			now
		});
}

/** One file for a month, from import to the aggregator's receipt; returns its line count. */
async function reportAndDeliver(
	db: PartnerDeskDatabase,
	options: { period: Period; lines: UsageLine[]; kind: ReportKind; now: Date; tag: string }
): Promise<number> {
	const { period, lines, kind, now } = options;
	const revision = await storeImportedReport(db, {
		programId: PROGRAM,
		period,
		currency: 'EUR',
		kind,
		lines,
		source: {
			fileName: `usage-${period}-${options.tag}.csv`,
			digest: await digestOf(`${period}/${options.tag}`),
			encoding: 'utf-8',
			delimiter: ';',
			numberLocale: 'de',
			importedAt: now.toISOString(),
			rowsRead: lines.length,
			rowsSkipped: 0
		},
		now
	});
	await acknowledgeWarnings(db, revision, now);
	await markReady(db, { revisionId: revision.id, now });
	const bundle = await signAndQueue(db, {
		revisionId: revision.id,
		aggregatorId: AGGREGATOR,
		partner: PARTNER,
		now
	});
	await claimBundle(db, bundle.bundleId);
	const receivedAt = new Date(now.getTime() + 60_000);
	await recordDelivery(db, {
		bundleId: bundle.bundleId,
		receipt: {
			bundleId: bundle.bundleId,
			receivedAt: receivedAt.toISOString(),
			digest: bundle.digest
		},
		now: receivedAt
	});
	return revision.lineCount;
}

/** Writes the whole history into `db` (a fresh database of the app's schema). */
export async function writeHistory(
	db: PartnerDeskDatabase,
	options: HistoryOptions
): Promise<HistorySummary> {
	const firstPeriod = shiftPeriod(options.lastPeriod, 1 - options.months);
	const start = new Date(`${firstPeriod}-01T08:00:00.000Z`);
	await saveSettings(db, {
		profile: {
			companyName: PARTNER.name,
			partnerIds: { [PROGRAM]: PARTNER.id },
			currency: 'EUR',
			timeZone: 'Europe/Berlin',
			language: 'de'
		},
		programs: [PROGRAM],
		now: start
	});
	await saveAggregator(db, { id: AGGREGATOR, name: 'Distributor GmbH' });
	const usage = new PartnerUsage({ customers: options.customers });
	const summary = { firstPeriod, lastPeriod: options.lastPeriod, revisions: 0, lines: 0 };
	for (let done = 0; done < options.months; done++) {
		const period = shiftPeriod(firstPeriod, done);
		const lines = usage.month(period);
		const send = (kind: ReportKind, tag: string, sent: UsageLine[], days: number) =>
			reportAndDeliver(db, { period, lines: sent, kind, now: dayAfter(period, days), tag });
		summary.lines += await send('regular', 'r1', lines, 0);
		summary.revisions++;
		// June and December are corrected after delivery; September gets late usage.
		const month = Number(period.slice(5));
		if (month === 6 || month === 12) {
			summary.lines += await send('regular', 'r2', corrected(lines), 2);
			summary.revisions++;
		}
		if (month === 9) {
			summary.lines += await send('adjustment', 'late', lateUsage(lines), 4);
			summary.revisions++;
		}
		options.onMonth?.({ period, done: done + 1, lines: summary.lines });
	}
	return { ...summary, bundles: summary.revisions };
}

import type { UsageLine } from '$lib/domain/usage-line';
import type { Period } from '$lib/domain/period';
import type { ProgramId } from '$lib/domain/programs';
import { planRevision, readyGate, supersededOnReady } from '$lib/domain/report-lifecycle';
import {
	isFrozen,
	ReportRevisionSchema,
	type Acknowledgement,
	type ImportSource,
	type ReportKind,
	type ReportRevision
} from '$lib/domain/report';
import { summarizeLines, type ReportTotals } from '$lib/domain/report-totals';
import type { MappingPreset } from '$lib/import/mapping-preset';
import {
	carryAcknowledgements,
	carryCreditReasons
} from '$lib/programs/omnissa-sp/rules/carry-over';
import { summarizeReview } from '$lib/rules/review-summary';
import { audit, withAuditTables, type AuditNote } from './audit';
import {
	LINES_PER_CHUNK,
	type AuditEntry,
	type GroupTotalsRecord,
	type PartnerDeskDatabase
} from './db';
import { guardStorage } from './errors';
import { writeLeftOutRows, type LeftOutImport } from './left-out-repo';
import { toLineColumns } from './line-columns';
import { readLines } from './line-pages';

/** Reading lines lives beside the paged reads; callers of this repository keep finding it here. */
export { readLines };
import { ReportRefused } from './report-refused';
import { checkStoredRevision, reviewTables } from './review-check';

/** Every revision, newest period first, newest revision first within a period. */
export async function listRevisions(db: PartnerDeskDatabase): Promise<ReportRevision[]> {
	const all = await guardStorage(() => db.reports.toArray());
	return all.sort((a, b) =>
		a.period === b.period ? b.revision - a.revision : a.period < b.period ? 1 : -1
	);
}

export async function readRevision(
	db: PartnerDeskDatabase,
	id: string
): Promise<ReportRevision | undefined> {
	return guardStorage(() => db.reports.get(id));
}

/** The revision a file with this digest went into, if it was imported before. */
export async function findRevisionByDigest(
	db: PartnerDeskDatabase,
	digest: string
): Promise<ReportRevision | undefined> {
	return guardStorage(() => db.reports.where('source.digest').equals(digest).first());
}

/** All lines of a revision, in file order. */

export async function readGroupTotals(
	db: PartnerDeskDatabase,
	revisionId: string
): Promise<Pick<GroupTotalsRecord, 'bySid' | 'byCustomer'>> {
	const record = await guardStorage(() => db.groupTotals.get(revisionId));
	return { bySid: record?.bySid ?? [], byCustomer: record?.byCustomer ?? [] };
}

/** Writes a revision's lines and their totals; `known` are the totals of exactly these lines. */
export async function writeLines(
	db: PartnerDeskDatabase,
	revisionId: string,
	lines: UsageLine[],
	known?: ReportTotals
): Promise<ReportTotals> {
	await db.lineChunks
		.where('[revisionId+index]')
		.between([revisionId, 0], [revisionId, Infinity])
		.delete();
	const chunks = [];
	for (let index = 0; index * LINES_PER_CHUNK < lines.length; index++) {
		chunks.push({
			revisionId,
			index,
			columns: toLineColumns(lines.slice(index * LINES_PER_CHUNK, (index + 1) * LINES_PER_CHUNK))
		});
	}
	await db.lineChunks.bulkAdd(chunks);
	if (known && known.lines !== lines.length) {
		throw new Error(`totals of ${known.lines} lines given for ${lines.length} lines`);
	}
	const totals = known ?? summarizeLines(lines);
	await db.groupTotals.put({ revisionId, bySid: totals.bySid, byCustomer: totals.byCustomer });
	return totals;
}

export type StoreImportOptions = {
	programId: ProgramId;
	period: Period;
	currency: string;
	kind?: ReportKind;
	lines: UsageLine[];
	/**
	 * The totals of exactly `lines`, when the caller has them (the importer adds up each line as
	 * it checks it); otherwise they are computed here. Signing checks them against the lines.
	 */
	totals?: ReportTotals;
	/** The file; none for a zero-usage report. */
	source?: ImportSource;
	/** The user chose to report a month without usage. */
	zeroUsageConfirmed?: boolean;
	/** A draft whose lines the file replaces (the user confirmed); else a new revision. */
	replace?: string;
	/** The rows of the file that gave no line: kept with the revision until dealt with. */
	leftOut?: LeftOutImport;
	now?: Date;
};

/**
 * Stores an imported file as a report revision in one transaction: the lines,
 * their totals, the revision and its audit entry are written whole or not at
 * all. Where it goes in its month is the lifecycle's decision (`planRevision`):
 * a refusal (a draft exists, nothing to adjust) is thrown as a coded
 * `ReportRefused`. A correction keeps the credit reasons and acknowledgements of
 * the revision it corrects (and of the draft it replaces) whose findings are
 * unchanged. Without a source it is the user's zero-usage report.
 */
export async function storeImportedReport(
	db: PartnerDeskDatabase,
	options: StoreImportOptions
): Promise<ReportRevision> {
	const now = options.now ?? new Date();
	const at = now.toISOString();
	const tables = withAuditTables(db, ...reviewTables(db), db.groupTotals);
	return guardStorage(() =>
		db.transaction('rw', tables, async () => {
			const month = await db.reports
				.where('[programId+period]')
				.equals([options.programId, options.period])
				.toArray();
			const plan = planRevision({ month, kind: options.kind, replace: options.replace });
			if (!plan.ok) throw new ReportRefused(plan);
			const existing = plan.replaces;
			const id = existing?.id ?? crypto.randomUUID();
			// Read before the new lines overwrite a replaced draft's.
			const sources = await wordsToKeep(db, [existing, plan.corrects]);
			const totals = await writeLines(db, id, options.lines, options.totals);
			// A re-import replaces the left-out rows too: they are those of the new file.
			const leftOut = await writeLeftOutRows(db, id, options.leftOut);
			const draft: ReportRevision = ReportRevisionSchema.parse({
				id,
				programId: options.programId,
				period: options.period,
				kind: plan.kind,
				revision: plan.revision,
				supersedes: plan.supersedes,
				state: 'draft',
				currency: options.currency,
				createdAt: existing?.createdAt ?? at,
				updatedAt: at,
				source: options.source,
				lineCount: totals.lines,
				totals: { quantity: totals.quantity, amount: totals.amount },
				acknowledgements: {},
				creditReasons: {},
				zeroUsageConfirmed: options.zeroUsageConfirmed ?? false
			});
			const revision = await carryOver(db, {
				revision: draft,
				lines: options.lines,
				sources,
				now
			});
			await db.reports.put(revision);
			await audit(
				db,
				{
					revisionId: id,
					action: existing ? 'replaced' : options.source ? 'imported' : 'zero-usage',
					detail: options.source
						? {
								file: options.source.fileName,
								digest: options.source.digest,
								lines: totals.lines,
								...(leftOut > 0 ? { leftOut } : {})
							}
						: { lines: totals.lines }
				},
				at
			);
			const carried = {
				acknowledgements: Object.keys(revision.acknowledgements).length,
				creditReasons: Object.keys(revision.creditReasons).length
			};
			if (carried.acknowledgements + carried.creditReasons > 0)
				await audit(db, { revisionId: id, action: 'carried-over', detail: carried }, at);
			return revision;
		})
	);
}

type WordsSource = { revision: ReportRevision; lines: UsageLine[] };

/** The revisions whose acknowledgements and credit reasons a new file may keep, newest first. */
async function wordsToKeep(
	db: PartnerDeskDatabase,
	revisions: (ReportRevision | undefined)[]
): Promise<WordsSource[]> {
	const sources: WordsSource[] = [];
	for (const revision of revisions) {
		if (!revision) continue;
		const reasons = Object.keys(revision.creditReasons).length;
		if (reasons + Object.keys(revision.acknowledgements).length === 0) continue;
		sources.push({ revision, lines: reasons > 0 ? await readLines(db, revision.id) : [] });
	}
	return sources;
}

/**
 * What a new file keeps of the revisions before it (the draft it replaces, the revision it
 * corrects): credit reasons of lines that are still there, then acknowledgements of findings
 * the new lines still raise unchanged. Checked only when there is something to keep.
 */
async function carryOver(
	db: PartnerDeskDatabase,
	options: {
		revision: ReportRevision;
		lines: readonly UsageLine[];
		sources: WordsSource[];
		now: Date;
	}
): Promise<ReportRevision> {
	const { revision, lines, now } = options;
	if (options.sources.length === 0) return revision;
	// Oldest first, so the newer source's words win.
	const sources = [...options.sources].reverse();
	const creditReasons: Record<string, string> = {};
	for (const from of sources) Object.assign(creditReasons, carryCreditReasons({ from, lines }));
	const withReasons = { ...revision, creditReasons };
	const { findings } = await checkStoredRevision(db, { revision: withReasons, now, lines });
	const acknowledgements: Record<string, Acknowledgement> = {};
	for (const { revision: source } of sources) {
		const kept = carryAcknowledgements({ from: source.acknowledgements, findings });
		for (const [key, acknowledgement] of Object.entries(kept))
			acknowledgements[key] =
				source.id === revision.id
					? acknowledgement
					: { ...acknowledgement, carriedFrom: acknowledgement.carriedFrom ?? source.id };
	}
	return ReportRevisionSchema.parse({ ...withReasons, acknowledgements });
}

async function updateDraft(
	db: PartnerDeskDatabase,
	id: string,
	change: (revision: ReportRevision) => ReportRevision,
	entry: Omit<AuditNote, 'revisionId'>,
	now = new Date()
): Promise<ReportRevision> {
	const at = now.toISOString();
	return guardStorage(() =>
		db.transaction('rw', withAuditTables(db), async () => {
			const revision = await db.reports.get(id);
			if (!revision) throw new Error(`no revision ${id}`);
			if (isFrozen(revision.state))
				throw new ReportRefused({ ok: false, code: 'not-a-draft', revisionId: id });
			const next = ReportRevisionSchema.parse({ ...change(revision), updatedAt: at });
			await db.reports.put(next);
			await audit(db, { ...entry, revisionId: id }, at);
			return next;
		})
	);
}

/** Acknowledges a warning with a reason code and a comment; both go into the bundle. */
export function acknowledgeFinding(
	db: PartnerDeskDatabase,
	options: {
		revisionId: string;
		findingKey: string;
		/** What the finding says (`findingFingerprint`): a correction keeps it while unchanged. */
		fingerprint?: string;
		reasonCode: string;
		comment: string;
		now?: Date;
	}
): Promise<ReportRevision> {
	const at = (options.now ?? new Date()).toISOString();
	const acknowledgement: Acknowledgement = {
		reasonCode: options.reasonCode,
		comment: options.comment,
		at,
		...(options.fingerprint === undefined ? {} : { fingerprint: options.fingerprint })
	};
	return updateDraft(
		db,
		options.revisionId,
		(revision) => ({
			...revision,
			acknowledgements: { ...revision.acknowledgements, [options.findingKey]: acknowledgement }
		}),
		{
			action: 'acknowledged',
			detail: {
				finding: options.findingKey,
				reasonCode: options.reasonCode,
				comment: options.comment
			}
		},
		options.now
	);
}

/**
 * Corrects one line of a draft (quantity, unit price, total as the user
 * entered them) with an audit entry that keeps the old and new values. The
 * chunks and totals are rewritten in the same transaction.
 */
export async function correctLine(
	db: PartnerDeskDatabase,
	options: {
		revisionId: string;
		line: number;
		values: Pick<UsageLine, 'quantity' | 'unitPrice' | 'total'>;
		now?: Date;
	}
): Promise<ReportRevision> {
	const at = (options.now ?? new Date()).toISOString();
	const tables = withAuditTables(db, db.lineChunks, db.groupTotals);
	return guardStorage(() =>
		db.transaction('rw', tables, async () => {
			const revision = await db.reports.get(options.revisionId);
			if (!revision || isFrozen(revision.state))
				throw new ReportRefused({ ok: false, code: 'not-a-draft', revisionId: options.revisionId });
			const lines = await readLines(db, revision.id);
			const index = lines.findIndex((line) => line.line === options.line);
			if (index < 0) throw new Error(`no line ${options.line} in revision ${revision.id}`);
			const before = lines[index];
			lines[index] = { ...before, ...options.values };
			const totals = await writeLines(db, revision.id, lines);
			const next = ReportRevisionSchema.parse({
				...revision,
				updatedAt: at,
				totals: { quantity: totals.quantity, amount: totals.amount }
			});
			await db.reports.put(next);
			await audit(
				db,
				{
					revisionId: revision.id,
					action: 'line-corrected',
					detail: {
						line: options.line,
						before: `${before.quantity} × ${before.unitPrice} = ${before.total}`,
						after: `${options.values.quantity} × ${options.values.unitPrice} = ${options.values.total}`
					}
				},
				at
			);
			return next;
		})
	);
}

/** Records why a negative quantity on a line is a credit (the rule then accepts it). */
export function recordCreditReason(
	db: PartnerDeskDatabase,
	options: { revisionId: string; line: number; reason: string; now?: Date }
): Promise<ReportRevision> {
	return updateDraft(
		db,
		options.revisionId,
		(revision) => ({
			...revision,
			creditReasons: { ...revision.creditReasons, [String(options.line)]: options.reason }
		}),
		{ action: 'credit-reason', detail: { line: options.line, reason: options.reason } },
		options.now
	);
}

/**
 * Freezes a revision: from now on a change is a new revision. The gate is the lifecycle's
 * (`readyGate`) over a fresh check of the stored lines with the effective pack, so a stale page
 * cannot mark ready a report with a blocking finding or an open warning; a refusal is a coded
 * `ReportRefused`. The revision it corrects becomes superseded in the same transaction.
 */
export async function markReady(
	db: PartnerDeskDatabase,
	options: { revisionId: string; now?: Date }
): Promise<ReportRevision> {
	const now = options.now ?? new Date();
	const at = now.toISOString();
	return guardStorage(() =>
		db.transaction('rw', withAuditTables(db, ...reviewTables(db)), async () => {
			const revision = await db.reports.get(options.revisionId);
			if (!revision) throw new Error(`no revision ${options.revisionId}`);
			const { findings } = isFrozen(revision.state)
				? { findings: [] }
				: await checkStoredRevision(db, { revision, now });
			const review = summarizeReview({ findings, acknowledged: revision.acknowledgements });
			const gate = readyGate({ revision, ...review });
			if (!gate.ok) throw new ReportRefused(gate);
			const ready = { ...revision, state: 'ready' as const, readyAt: at, updatedAt: at };
			await db.reports.put(ready);
			await audit(
				db,
				{
					revisionId: revision.id,
					action: 'marked-ready',
					before: { state: revision.state },
					after: { state: 'ready' }
				},
				at
			);
			const month = await db.reports
				.where('[programId+period]')
				.equals([revision.programId, revision.period])
				.toArray();
			const old = supersededOnReady(revision, month);
			if (old) {
				await db.reports.put({ ...old, state: 'superseded', updatedAt: at });
				await audit(
					db,
					{
						revisionId: old.id,
						action: 'superseded',
						detail: { by: revision.id },
						before: { state: old.state },
						after: { state: 'superseded' }
					},
					at
				);
			}
			return ready;
		})
	);
}

/** Saves a column mapping for its header layout; the next file with that header uses it. */
export async function saveMappingPreset(
	db: PartnerDeskDatabase,
	preset: MappingPreset
): Promise<void> {
	await guardStorage(() =>
		db.transaction('rw', withAuditTables(db, db.importPresets), async () => {
			await db.importPresets.put(preset);
			await audit(
				db,
				{
					action: 'mapping-saved',
					detail: { source: preset.source, headerSignature: preset.headerSignature }
				},
				new Date().toISOString()
			);
		})
	);
}

/** The audit entries of a revision, oldest first. */
export function readAudit(db: PartnerDeskDatabase, revisionId: string): Promise<AuditEntry[]> {
	return guardStorage(() => db.auditLog.where('revisionId').equals(revisionId).sortBy('seq'));
}

import type { Period } from '$lib/domain/period';
import type { ProgramId } from '$lib/domain/programs';
import {
	isClosedRegular,
	isFrozen,
	ReportRevisionSchema,
	type Acknowledgement,
	type ImportSource,
	type ReportKind,
	type ReportRevision
} from '$lib/domain/report';
import { summarizeLines, type ReportTotals } from '$lib/domain/report-totals';
import type { MappingPreset } from '$lib/import/mapping-preset';
import type { UsageLine } from '$lib/import/usage-row-schema';
import { audit } from './audit';
import {
	LINES_PER_CHUNK,
	type AuditEntry,
	type GroupTotalsRecord,
	type PartnerDeskDatabase
} from './db';
import { guardStorage } from './errors';
import { writeLeftOutRows, type LeftOutImport } from './left-out-repo';
import { fromLineColumns, toLineColumns } from './line-columns';

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
export async function readLines(db: PartnerDeskDatabase, revisionId: string): Promise<UsageLine[]> {
	const chunks = await guardStorage(() =>
		db.lineChunks
			.where('[revisionId+index]')
			.between([revisionId, 0], [revisionId, Infinity])
			.toArray()
	);
	return chunks.flatMap((chunk) => fromLineColumns(chunk.columns));
}

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
 * all. A regular file for a period whose newest revision is frozen becomes the
 * next revision, superseding it once marked ready; an adjustment supersedes
 * nothing. Without a source it is the user's zero-usage report.
 */
export async function storeImportedReport(
	db: PartnerDeskDatabase,
	options: StoreImportOptions
): Promise<ReportRevision> {
	const at = (options.now ?? new Date()).toISOString();
	const tables = [db.reports, db.lineChunks, db.groupTotals, db.leftOutRows, db.auditLog];
	return guardStorage(() =>
		db.transaction('rw', tables, async () => {
			const existing = options.replace ? await db.reports.get(options.replace) : undefined;
			if (options.replace && (!existing || isFrozen(existing.state))) {
				throw new Error(`revision ${options.replace} is not a draft`);
			}
			const kind = existing?.kind ?? options.kind ?? 'regular';
			const month = await db.reports
				.where('[programId+period]')
				.equals([options.programId, options.period])
				.toArray();
			// Late usage adds to a report that went out; before that it belongs in the report.
			if (kind === 'adjustment' && !month.some(isClosedRegular)) {
				throw new Error(`period ${options.period} has no closed report to adjust`);
			}
			const siblings = month.filter((sibling) => sibling.kind === kind);
			const newest = siblings.sort((a, b) => b.revision - a.revision)[0];
			// A second draft for the same month would be ambiguous: the caller asks the user to replace.
			if (!existing && newest && !isFrozen(newest.state)) {
				throw new Error(`period ${options.period} has a draft: replace it`);
			}
			const id = existing?.id ?? crypto.randomUUID();
			const totals = await writeLines(db, id, options.lines, options.totals);
			// A re-import replaces the left-out rows too: they are those of the new file.
			const leftOut = await writeLeftOutRows(db, id, options.leftOut);
			const revision: ReportRevision = ReportRevisionSchema.parse({
				id,
				programId: options.programId,
				period: options.period,
				kind,
				revision: existing?.revision ?? (newest ? newest.revision + 1 : 1),
				// Adjustments stand side by side: each adds late usage, none replaces another.
				supersedes: existing?.supersedes ?? (kind === 'regular' ? (newest?.id ?? null) : null),
				state: 'draft',
				currency: options.currency,
				createdAt: existing?.createdAt ?? at,
				updatedAt: at,
				source: options.source,
				lineCount: totals.lines,
				totals: { quantity: totals.quantity, amount: totals.amount },
				// A new file is a new report: earlier acknowledgements do not carry over.
				acknowledgements: {},
				creditReasons: {},
				zeroUsageConfirmed: options.zeroUsageConfirmed ?? false
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
			return revision;
		})
	);
}

async function updateDraft(
	db: PartnerDeskDatabase,
	id: string,
	change: (revision: ReportRevision) => ReportRevision,
	entry: Omit<AuditEntry, 'seq' | 'at' | 'revisionId'>,
	now = new Date()
): Promise<ReportRevision> {
	const at = now.toISOString();
	return guardStorage(() =>
		db.transaction('rw', db.reports, db.auditLog, async () => {
			const revision = await db.reports.get(id);
			if (!revision) throw new Error(`no revision ${id}`);
			if (isFrozen(revision.state)) throw new Error(`revision ${id} is ${revision.state}`);
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
		reasonCode: string;
		comment: string;
		now?: Date;
	}
): Promise<ReportRevision> {
	const at = (options.now ?? new Date()).toISOString();
	const acknowledgement: Acknowledgement = {
		reasonCode: options.reasonCode,
		comment: options.comment,
		at
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
	const tables = [db.reports, db.lineChunks, db.groupTotals, db.auditLog];
	return guardStorage(() =>
		db.transaction('rw', tables, async () => {
			const revision = await db.reports.get(options.revisionId);
			if (!revision || isFrozen(revision.state)) {
				throw new Error(`revision ${options.revisionId} is not a draft`);
			}
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
 * Freezes a revision: from now on a change is a new revision. The revision it
 * corrects becomes superseded in the same transaction.
 */
export async function markReady(
	db: PartnerDeskDatabase,
	options: { revisionId: string; now?: Date }
): Promise<ReportRevision> {
	const at = (options.now ?? new Date()).toISOString();
	return guardStorage(() =>
		db.transaction('rw', db.reports, db.auditLog, async () => {
			const revision = await db.reports.get(options.revisionId);
			if (!revision || isFrozen(revision.state))
				throw new Error(`revision ${options.revisionId} is not a draft`);
			const ready = { ...revision, state: 'ready' as const, readyAt: at, updatedAt: at };
			await db.reports.put(ready);
			await audit(db, { revisionId: revision.id, action: 'marked-ready', detail: {} }, at);
			if (revision.supersedes) {
				const old = await db.reports.get(revision.supersedes);
				if (old && old.state !== 'superseded') {
					await db.reports.put({ ...old, state: 'superseded', updatedAt: at });
					await audit(
						db,
						{ revisionId: old.id, action: 'superseded', detail: { by: revision.id } },
						at
					);
				}
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
	await guardStorage(() => db.importPresets.put(preset));
}

/** The audit entries of a revision, oldest first. */
export function readAudit(db: PartnerDeskDatabase, revisionId: string): Promise<AuditEntry[]> {
	return guardStorage(() => db.auditLog.where('revisionId').equals(revisionId).sortBy('seq'));
}

import type { UsageLine } from '$lib/domain/usage-line';
import type { AuditEntry, UnchainedAuditEntry } from '$lib/domain/audit-entry';
import {
	BACKUP_FORMAT,
	BACKUP_FORMAT_VERSION,
	BackupSchema,
	type Backup,
	type BackupProblem
} from '$lib/domain/backup';
import { verifyAuditChain } from '$lib/sync/audit-chain';
import { audit, withAuditTables } from './audit';
import { summarizeLines } from '$lib/domain/report-totals';
import {
	BACKED_UP_TABLES,
	chainMigratedEntries,
	PROFILE_KEY,
	type GroupTotalsRecord,
	type PartnerDeskDatabase
} from './db';
import { guardStorage } from './errors';
import { fromLineColumns, toLineColumns } from './line-columns';
import { readProfile } from './settings-repo';
import { recordProblems } from './program-records-repo';
import { programById } from '$lib/programs/registry';

/** Reads everything a backup holds, in one read transaction (a consistent snapshot). */
export async function exportBackup(db: PartnerDeskDatabase, now = new Date()): Promise<Backup> {
	const data = await guardStorage(() =>
		db.transaction('r', [...BACKED_UP_TABLES], async () => ({
			profile: (await readProfile(db)) ?? null,
			enrollments: await db.enrollments.orderBy('programId').toArray(),
			aggregators: await db.aggregators.orderBy('id').toArray(),
			reports: await db.reports.orderBy('id').toArray(),
			lineChunks: (await db.lineChunks.toArray()).map(({ columns, ...chunk }) => ({
				...chunk,
				lines: fromLineColumns(columns)
			})),
			importPresets: await db.importPresets.toArray(),
			auditLog: await db.auditLog.orderBy('seq').toArray(),
			bundles: await db.bundles.orderBy('bundleId').toArray(),
			bundleBodies: await db.bundleBodies.orderBy('bundleId').toArray(),
			chainHeads: await db.chainHeads.orderBy('aggregatorId').toArray(),
			leftOutRows: await db.leftOutRows.orderBy('revisionId').toArray(),
			reviews: await db.reviews.orderBy('id').toArray(),
			programRecords: await db.programRecords.toArray()
		}))
	);
	return BackupSchema.parse({
		format: BACKUP_FORMAT,
		formatVersion: BACKUP_FORMAT_VERSION,
		exportedAt: now.toISOString(),
		data
	});
}

/** Totals per revision, computed from the restored lines (they are not in the file). */
function groupTotalsOf(chunks: Backup['data']['lineChunks']): GroupTotalsRecord[] {
	const lines = new Map<string, UsageLine[]>();
	const ordered = [...chunks].sort(
		(a, b) => a.revisionId.localeCompare(b.revisionId) || a.index - b.index
	);
	for (const chunk of ordered) {
		const list = lines.get(chunk.revisionId) ?? [];
		list.push(...(chunk.lines as UsageLine[]));
		lines.set(chunk.revisionId, list);
	}
	return [...lines].map(([revisionId, revisionLines]) => {
		const { bySid, byCustomer } = summarizeLines(revisionLines);
		return { revisionId, bySid, byCustomer };
	});
}

/** A backup refused before anything was written: the problem says why (a code and where). */
export class BackupRefused extends Error {
	constructor(readonly problem: BackupProblem) {
		super(problem.code);
		this.name = 'BackupRefused';
	}
}

/**
 * Each record of a known program is checked by that program's schema and checks, against the
 * others of its kind in the file, before anything is written; a record of a program this version
 * does not know is kept as it is.
 */
function refuseInvalidProgramRecords(records: Backup['data']['programRecords'], file: string) {
	records.forEach((record, index) => {
		const program = programById(record.programId);
		if (!program?.records?.[record.kind]) return;
		const others = records
			.filter((other, at) => at !== index && other.programId === record.programId)
			.filter((other) => other.kind === record.kind)
			.map((other) => other.value);
		const [problem] = recordProblems(program, record.kind, record.value, others).problems;
		if (problem)
			throw new BackupRefused({
				code: 'backup-invalid',
				file,
				field: `data.programRecords.${index}.value${problem.field ? `.${problem.field}` : ''}`,
				value: problem.code
			});
	});
}

/**
 * The audit log a restore writes: a chained file's log, checked link by link, or an older file's
 * unchained entries, chained now in seq order (as the version 9 upgrade does).
 */
async function restoredAuditLog(
	backup: Backup,
	options: { unchainedAuditLog?: UnchainedAuditEntry[]; file: string }
): Promise<AuditEntry[]> {
	const { auditLog, reports } = backup.data;
	if (options.unchainedAuditLog?.length) {
		return chainMigratedEntries(options.unchainedAuditLog, new Map(reports.map((r) => [r.id, r])));
	}
	const check = await verifyAuditChain({ entries: auditLog });
	if (!check.ok)
		throw new BackupRefused({
			code: 'backup-audit-broken',
			file: options.file,
			seq: check.seq ?? 0,
			reason: check.reason
		});
	return auditLog;
}

/**
 * Replaces all stored data with a validated backup in one transaction: it is written whole or,
 * if anything fails (a full disk), not at all. Everything is checked before the transaction (the
 * file's audit chain included; a broken one throws `BackupRefused`), and the restore itself is
 * the first entry chained onto the restored log.
 */
export async function restoreBackup(
	db: PartnerDeskDatabase,
	backup: Backup,
	options: { unchainedAuditLog?: UnchainedAuditEntry[]; file?: string; now?: Date } = {}
): Promise<void> {
	const { data, exportedAt, formatVersion } = BackupSchema.parse(backup);
	const file = options.file ?? 'backup';
	const auditLog = await restoredAuditLog(backup, { ...options, file });
	refuseInvalidProgramRecords(data.programRecords, file);
	const lineChunks = data.lineChunks.map(({ lines, ...chunk }) => ({
		...chunk,
		columns: toLineColumns(lines as UsageLine[])
	}));
	const groupTotals = groupTotalsOf(data.lineChunks);
	await guardStorage(() =>
		db.transaction('rw', withAuditTables(db, ...BACKED_UP_TABLES, db.groupTotals), async () => {
			await Promise.all(BACKED_UP_TABLES.map((name) => db.table(name).clear()));
			await db.groupTotals.clear();
			if (data.profile) await db.settings.put({ ...data.profile, key: PROFILE_KEY });
			await db.enrollments.bulkPut(data.enrollments);
			await db.aggregators.bulkPut(data.aggregators);
			await db.reports.bulkPut(data.reports);
			await db.lineChunks.bulkPut(lineChunks);
			await db.groupTotals.bulkPut(groupTotals);
			await db.importPresets.bulkPut(data.importPresets);
			await db.auditLog.bulkPut(auditLog);
			await db.bundles.bulkPut(data.bundles);
			await db.bundleBodies.bulkPut(data.bundleBodies);
			await db.chainHeads.bulkPut(data.chainHeads);
			await db.leftOutRows.bulkPut(data.leftOutRows);
			await db.reviews.bulkPut(data.reviews);
			await db.programRecords.bulkPut(data.programRecords);
			await audit(
				db,
				{
					action: 'restored',
					detail: {
						file,
						exportedAt,
						formatVersion,
						reports: data.reports.length,
						auditEntries: auditLog.length
					}
				},
				(options.now ?? new Date()).toISOString()
			);
		})
	);
}

/** Deletes all stored data, the private signing key included. */
export async function wipeAll(db: PartnerDeskDatabase): Promise<void> {
	await guardStorage(() =>
		db.transaction('rw', db.tables, async () => {
			await Promise.all(db.tables.map((table) => table.clear()));
		})
	);
}

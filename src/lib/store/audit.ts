import Dexie, { type Table } from 'dexie';
import type { AuditAction, AuditEntry, AuditSummary } from '$lib/domain/audit-entry';
import { chainAuditEntry } from '$lib/sync/audit-chain';
import type { PartnerDeskDatabase } from './db';

/** What a caller says about a change; time, who, seq and the links are added here. */
export type AuditNote = {
	action: AuditAction;
	revisionId?: string;
	/** Taken from the revision when it names one and these are not given. */
	program?: string;
	period?: string;
	detail?: AuditSummary;
	before?: AuditSummary;
	after?: AuditSummary;
};

/** The tables `audit` reads and writes: add them to the scope of every transaction that calls it. */
export function auditTables(db: PartnerDeskDatabase): Table[] {
	return [db.auditLog, db.signingKeys, db.reports];
}

/** The transaction's scope with the audit tables, each table once. */
export function withAuditTables(db: PartnerDeskDatabase, ...tables: (Table | string)[]): Table[] {
	const all = [...tables.map((t) => (typeof t === 'string' ? db.table(t) : t)), ...auditTables(db)];
	return [...new Map(all.map((table) => [table.name, table])).values()];
}

/**
 * Appends a chained entry to the audit log. Call it inside the transaction that makes the change
 * (its scope must hold `auditTables`): the entry and the change commit together or not at all,
 * and no other write can slip between reading the head and linking to it. The SHA-256 is
 * WebCrypto's, which is not an IndexedDB request: `Dexie.waitFor` keeps the transaction alive
 * meanwhile (IndexedDB commits a transaction that waits on anything else).
 */
export async function audit(
	db: PartnerDeskDatabase,
	note: AuditNote,
	at: string
): Promise<AuditEntry> {
	if (!Dexie.currentTransaction) throw new Error('audit() outside the transaction of its change');
	const last = await db.auditLog.orderBy('seq').last();
	const keys = await db.signingKeys.toArray();
	const active = keys.find((key) => key.retiredAt === undefined);
	const revision = note.revisionId ? await db.reports.get(note.revisionId) : undefined;
	const entry = await Dexie.waitFor(
		chainAuditEntry(
			{
				seq: (last?.seq ?? 0) + 1,
				at,
				who: active?.kid ?? null,
				action: note.action,
				program: note.program ?? revision?.programId,
				period: note.period ?? revision?.period,
				revisionId: note.revisionId,
				detail: note.detail ?? {},
				before: note.before,
				after: note.after
			},
			last?.hash ?? null
		)
	);
	await db.auditLog.add(entry);
	return entry;
}

/** The newest entry's hash: what a signed bundle commits to as `auditHead`. */
export async function auditHead(db: PartnerDeskDatabase): Promise<string | null> {
	return (await db.auditLog.orderBy('seq').last())?.hash ?? null;
}

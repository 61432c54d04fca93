import type { AuditEntry, PartnerDeskDatabase } from './db';

/** Appends to the audit log; call it inside the transaction that makes the change. */
export function audit(db: PartnerDeskDatabase, entry: Omit<AuditEntry, 'seq' | 'at'>, at: string) {
	return db.auditLog.add({ ...entry, at });
}

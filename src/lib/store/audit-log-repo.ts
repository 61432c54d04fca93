import type { AuditEntry } from '$lib/domain/audit-entry';
import { verifyAuditChain, type AuditChainCheck } from '$lib/sync/audit-chain';
import { formatAuditLog, matchesAuditFilter, type AuditFilter } from '$lib/sync/audit-slice';
import type { NumberLocale } from '$lib/import/import-problem';
import type { PartnerDeskDatabase } from './db';
import { guardStorage } from './errors';

/** The log's entries that match a filter, oldest first. */
export async function readAuditLog(
	db: PartnerDeskDatabase,
	filter: AuditFilter = {}
): Promise<AuditEntry[]> {
	const entries = await guardStorage(() =>
		// One indexed condition narrows the read; the rest is checked per entry.
		filter.program
			? db.auditLog.where('program').equals(filter.program).sortBy('seq')
			: db.auditLog.orderBy('seq').toArray()
	);
	return entries.filter((entry) => matchesAuditFilter(entry, filter));
}

/** Recomputes the whole stored chain ("Verify"): ok with its head, or the first broken entry. */
export async function verifyStoredAuditLog(db: PartnerDeskDatabase): Promise<AuditChainCheck> {
	const entries = await guardStorage(() => db.auditLog.orderBy('seq').toArray());
	return verifyAuditChain({ entries });
}

/** The matching entries as CSV or JSON lines, for a download. */
export async function exportAuditLog(
	db: PartnerDeskDatabase,
	options: { filter?: AuditFilter; format: 'csv' | 'jsonl'; locale?: NumberLocale }
): Promise<string> {
	const entries = await readAuditLog(db, options.filter);
	return formatAuditLog({ entries, format: options.format, locale: options.locale });
}

import type { AuditAction, AuditEntry } from '$lib/domain/audit-entry';
import { formatCsv, type CsvColumn } from '$lib/import/csv-export';
import type { NumberLocale } from '$lib/import/import-problem';

/** Which entries a reader asks for; every condition given must hold. */
export type AuditFilter = {
	periods?: readonly string[];
	program?: string;
	kinds?: readonly AuditAction[];
	/** Entries at or after / before these instants (ISO 8601). */
	from?: string;
	until?: string;
};

export function matchesAuditFilter(entry: AuditEntry, filter: AuditFilter): boolean {
	if (filter.periods && !(entry.period && filter.periods.includes(entry.period))) return false;
	if (filter.program && entry.program !== filter.program) return false;
	if (filter.kinds && !filter.kinds.includes(entry.action)) return false;
	if (filter.from && entry.at < filter.from) return false;
	if (filter.until && entry.at >= filter.until) return false;
	return true;
}

/**
 * The entries a slice needs to be checked against the chain: every entry from the slice's first
 * one to the head, unfiltered. Filtered entries alone are not a run (their `prev` names entries
 * left out); the run recomputes link by link up to the head a bundle or the manifest names.
 */
export function linkingRun(
	entries: readonly AuditEntry[],
	slice: readonly AuditEntry[]
): AuditEntry[] {
	if (slice.length === 0) return [];
	const first = slice[0].seq;
	return entries.filter((entry) => entry.seq >= first);
}

const summaryText = (summary: Record<string, string | number> | undefined) =>
	summary === undefined ? '' : JSON.stringify(summary);

const COLUMNS: CsvColumn<AuditEntry>[] = [
	{ header: 'seq', kind: 'number', value: (e) => String(e.seq) },
	{ header: 'at', kind: 'text', value: (e) => e.at },
	{ header: 'who', kind: 'text', value: (e) => e.who ?? '' },
	{ header: 'action', kind: 'text', value: (e) => e.action },
	{ header: 'program', kind: 'text', value: (e) => e.program },
	{ header: 'period', kind: 'text', value: (e) => e.period },
	{ header: 'revisionId', kind: 'text', value: (e) => e.revisionId },
	{ header: 'detail', kind: 'text', value: (e) => summaryText(e.detail) },
	{ header: 'before', kind: 'text', value: (e) => summaryText(e.before) },
	{ header: 'after', kind: 'text', value: (e) => summaryText(e.after) },
	{ header: 'prev', kind: 'text', value: (e) => e.prev ?? '' },
	{ header: 'hash', kind: 'text', value: (e) => e.hash }
];

/**
 * The log as CSV for a spreadsheet (formula cells neutralised) or as JSON lines, one entry a
 * line exactly as stored: the JSON form is the one `verifyAuditChain` can check again.
 */
export function formatAuditLog(options: {
	entries: readonly AuditEntry[];
	format: 'csv' | 'jsonl';
	locale?: NumberLocale;
}): string {
	if (options.format === 'jsonl')
		return options.entries.map((entry) => JSON.stringify(entry) + '\n').join('');
	return formatCsv({ columns: COLUMNS, rows: options.entries, locale: options.locale ?? 'en' });
}

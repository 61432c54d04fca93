import type { AuditEntry } from '$lib/domain/audit-entry';
import type { Language } from '$lib/domain/settings';
import { translate } from '$lib/i18n/translate';
import type { AuditChainCheck } from '$lib/sync/audit-chain';

/** The sentence for a Verify result: intact with its count, or the first broken entry and why. */
export function verifyText(check: AuditChainCheck, language: Language): string {
	if (check.ok)
		return check.count === 0
			? translate(language, 'audit.verify.empty')
			: translate(language, 'audit.verify.ok', { count: check.count });
	if (check.reason === 'commitment-missing')
		return translate(language, 'audit.verify.commitment', { hash: check.commitment ?? '' });
	return translate(language, 'audit.verify.broken', {
		seq: check.seq ?? check.index + 1,
		reason: translate(language, `audit.break.${check.reason}`)
	});
}

type Summary = Record<string, string | number> | undefined;

/**
 * What an entry changed, in one line: the before → after of each member that has one, then the
 * detail ("status: open → answered · review: …, reference: CR-2026-118").
 */
export function changeText(entry: Pick<AuditEntry, 'detail' | 'before' | 'after'>): string {
	const before: Summary = entry.before;
	const after: Summary = entry.after;
	const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
	const changes = keys.map((key) => `${key}: ${before?.[key] ?? '–'} → ${after?.[key] ?? '–'}`);
	const detail = Object.entries(entry.detail).map(([key, value]) => `${key}: ${value}`);
	return [changes.join(', '), detail.join(', ')].filter(Boolean).join(' · ');
}

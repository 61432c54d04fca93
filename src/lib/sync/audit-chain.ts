import type { AuditEntry, AuditEntryBody } from '$lib/domain/audit-entry';
import { canonicalJson } from './canonical-json';

/**
 * The audit log as a hash chain (issue 14). Each entry carries `prev`, the hash of the entry
 * before it (null where a chain starts), and `hash`, the SHA-256 of its own RFC 8785 canonical
 * JSON without `hash`. Editing an entry changes its hash; removing, inserting or reordering one
 * breaks the `prev` link of the entry after it. Removing the newest entries leaves a shorter
 * valid chain: that is what the `auditHead` in each signed bundle commits to.
 */

function hex(bytes: ArrayBuffer): string {
	return Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Drops members whose value is undefined, so a stored entry and its clone hash alike. */
function defined<T extends object>(value: T): T {
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The hash of an entry: hex SHA-256 of the canonical JSON of everything but `hash`. */
export async function auditEntryHash(entry: AuditEntryBody | AuditEntry): Promise<string> {
	const { hash: _ignored, ...body } = entry as AuditEntry;
	void _ignored;
	return hex(await crypto.subtle.digest('SHA-256', canonicalJson(defined(body))));
}

/** Links a new entry body onto the chain's head (null for a chain start) and hashes it. */
export async function chainAuditEntry(
	body: Omit<AuditEntryBody, 'prev'>,
	head: string | null
): Promise<AuditEntry> {
	const linked = defined({ ...body, prev: head });
	return { ...linked, hash: await auditEntryHash(linked) };
}

export type AuditChainBreak =
	/** The entry's content does not give its hash: it was changed after it was written. */
	| 'edited'
	/** An entry is missing before it (its seq skips and its `prev` names another hash). */
	| 'missing-before'
	/** It stands before an entry written earlier than it. */
	| 'out-of-order'
	/** Its `prev` is not the hash of the entry before it (an entry inserted or replaced). */
	| 'unlinked'
	/** The first entry is not a chain start (its `prev` is not null). */
	| 'no-start'
	/** A hash committed elsewhere (a bundle's `auditHead`) is not in the chain. */
	| 'commitment-missing';

export type AuditChainCheck =
	| { ok: true; count: number; head: string | null }
	| {
			ok: false;
			index: number;
			seq: number | undefined;
			reason: AuditChainBreak;
			commitment?: string;
	  };

/**
 * Recomputes a chain and names its first broken entry (its index in `entries`, its seq and why).
 * `entries` in log order. `partial`: the entries are a run from inside the chain (an evidence
 * pack's slice), so the first one's `prev` is taken as given. `commitments`: hashes that must be
 * entries of the run, such as the `auditHead` of each bundle it covers.
 */
export async function verifyAuditChain(options: {
	entries: readonly AuditEntry[];
	partial?: boolean;
	commitments?: readonly string[];
}): Promise<AuditChainCheck> {
	const { entries, partial = false } = options;
	const seen = new Set<string>();
	for (let index = 0; index < entries.length; index++) {
		const entry = entries[index];
		const broken = (reason: AuditChainBreak): AuditChainCheck => ({
			ok: false,
			index,
			seq: entry.seq,
			reason
		});
		if ((await auditEntryHash(entry)) !== entry.hash) return broken('edited');
		if (index === 0) {
			if (!partial && entry.prev !== null) return broken('no-start');
		} else {
			const before = entries[index - 1];
			if (entry.prev !== before.hash) {
				if (entry.seq < before.seq) return broken('out-of-order');
				if (entry.seq > before.seq + 1) return broken('missing-before');
				return broken('unlinked');
			}
		}
		seen.add(entry.hash);
	}
	for (const commitment of options.commitments ?? []) {
		if (!seen.has(commitment))
			return {
				ok: false,
				index: entries.length,
				seq: undefined,
				reason: 'commitment-missing',
				commitment
			};
	}
	return { ok: true, count: entries.length, head: entries.at(-1)?.hash ?? null };
}

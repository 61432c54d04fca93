import type { BundleRecord } from '$lib/domain/bundle';
import type { MessageKey, MessageParams } from '$lib/i18n/translate';
import { chainGapHead, type AggregatorHead } from '$lib/sync/chain-gap';

/**
 * What the Sync page says about one bundle beyond its stored state: a refusal the user can
 * settle (a chain gap), a bundle held behind a refused one, the plain reason of a retry.
 */

/** The bundles of the same chain from `bundle` on that are not withdrawn, in chain order. */
function chainFrom(bundle: BundleRecord, all: readonly BundleRecord[]): BundleRecord[] {
	return all
		.filter(
			(other) =>
				other.aggregatorId === bundle.aggregatorId &&
				other.seq >= bundle.seq &&
				other.state !== 'withdrawn'
		)
		.sort((a, b) => a.seq - b.seq);
}

/**
 * A bundle refused with 409 chain-gap whose aggregator named its head: the user decides whether
 * to sign it (and `count - 1` waiting after it) again onto that head.
 */
export function chainGapDecision(
	bundle: BundleRecord,
	all: readonly BundleRecord[]
): { head: AggregatorHead; count: number } | undefined {
	if (bundle.state !== 'failed') return undefined;
	const head = chainGapHead(bundle.problem);
	return head && { head, count: chainFrom(bundle, all).length };
}

/** The badge: a bundle that waits for the user's decision never says "Queued" or "Refused". */
export function bundleBadge(bundle: BundleRecord, all: readonly BundleRecord[]): MessageKey {
	return chainGapDecision(bundle, all) ? 'bundle.decision' : `bundle.${bundle.state}`;
}

/** A waiting bundle that cannot go before a refused one of its chain is settled. */
export function isHeldBehindRefusal(bundle: BundleRecord, all: readonly BundleRecord[]): boolean {
	return (
		bundle.state === 'queued' &&
		all.some(
			(other) =>
				other.aggregatorId === bundle.aggregatorId &&
				other.seq < bundle.seq &&
				other.state === 'failed'
		)
	);
}

/**
 * Why a send is tried again, in words: the outbox keeps the browser's own error ("Failed to
 * fetch", "signal timed out": it means no answer) or the status line of a 5xx, 408 or 429.
 */
export function retryReason(lastError: string): { key: MessageKey; params?: MessageParams } {
	const status = /^(\d{3})\b/.exec(lastError)?.[1];
	if (status && lastError.includes('receipt')) return { key: 'sync.retryReason.receipt' };
	if (status) return { key: 'sync.retryReason.status', params: { status } };
	return { key: 'sync.retryReason.network' };
}

/**
 * The delivery badge of a queued report whose bundle the aggregator refused: the report list
 * must not say "Queued" for it. Undefined while its bundles wait or went through.
 */
export function refusedReportBadge(
	revisionId: string,
	all: readonly BundleRecord[]
): MessageKey | undefined {
	const refused = all.find(
		(bundle) => bundle.revisionId === revisionId && bundle.state === 'failed'
	);
	return refused && bundleBadge(refused, all);
}

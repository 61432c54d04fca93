import { postBundle } from '$lib/sync/aggregator-client';
import { retryDelay } from '$lib/sync/retry-delay';
import type { PartnerDeskDatabase } from './db';
import {
	claimBundle,
	dueBundles,
	readBundleJws,
	recordDelivery,
	recordRefusal,
	recordRetry
} from './outbox-repo';

export type DrainOptions = {
	fetch?: typeof fetch;
	now?: () => Date;
	random?: () => number;
};

/**
 * Sends every due bundle, chain by chain, until none is due: a delivered
 * bundle makes the next of its chain due at once; a retry or a refusal
 * stops that chain for now. Returns how many were delivered.
 */
export async function drainOutbox(db: PartnerDeskDatabase, options: DrainOptions = {}) {
	const { now = () => new Date(), random = Math.random } = options;
	let delivered = 0;
	for (;;) {
		const due = await dueBundles(db, now());
		if (due.length === 0) return { delivered };
		// Chains of different aggregators go out side by side; each chain in order.
		const results = await Promise.all(
			due.map(async (waiting) => {
				const aggregator = await db.aggregators.get(waiting.aggregatorId);
				const bundle = await claimBundle(db, waiting.bundleId);
				if (!aggregator?.endpoint) {
					const retryAt = new Date(now().getTime() + retryDelay(bundle.attempts, random));
					await recordRetry(db, { bundleId: bundle.bundleId, error: 'no-endpoint', retryAt });
					return false;
				}
				const outcome = await postBundle({
					target: { endpoint: aggregator.endpoint, token: aggregator.token },
					bundleId: bundle.bundleId,
					digest: bundle.digest,
					jws: await readBundleJws(db, bundle.bundleId),
					fetch: options.fetch,
					now: now()
				});
				if (outcome.kind === 'delivered') {
					await recordDelivery(db, {
						bundleId: bundle.bundleId,
						receipt: outcome.receipt,
						now: now()
					});
					return true;
				}
				if (outcome.kind === 'refused') {
					await recordRefusal(db, {
						bundleId: bundle.bundleId,
						problem: outcome.problem,
						now: now()
					});
					return false;
				}
				// The aggregator's Retry-After (408/425/429/503) is a floor: never sooner than it asks.
				const wait = Math.max(retryDelay(bundle.attempts, random), outcome.retryAfterMs ?? 0);
				const retryAt = new Date(now().getTime() + wait);
				await recordRetry(db, { bundleId: bundle.bundleId, error: outcome.error, retryAt });
				return false;
			})
		);
		const sent = results.filter(Boolean).length;
		delivered += sent;
		if (sent === 0) return { delivered };
	}
}

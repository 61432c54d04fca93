import { postBundle } from '$lib/sync/aggregator-client';
import { stepAfterSend } from '$lib/sync/send-step';
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
				const outcome = aggregator?.endpoint
					? await postBundle({
							target: { endpoint: aggregator.endpoint, token: aggregator.token },
							bundleId: bundle.bundleId,
							digest: bundle.digest,
							jws: await readBundleJws(db, bundle.bundleId),
							fetch: options.fetch,
							now: now()
						})
					: ({ kind: 'no-endpoint' } as const);
				const step = stepAfterSend({ outcome, attempts: bundle.attempts, now: now(), random });
				const { bundleId } = bundle;
				if (step.kind === 'delivered') {
					await recordDelivery(db, { bundleId, receipt: step.receipt, now: now() });
					return true;
				}
				if (step.kind === 'failed') {
					await recordRefusal(db, { bundleId, problem: step.problem, now: now() });
				} else {
					await recordRetry(db, { bundleId, error: step.error, retryAt: step.retryAt });
				}
				return false;
			})
		);
		const sent = results.filter(Boolean).length;
		delivered += sent;
		if (sent === 0) return { delivered };
	}
}

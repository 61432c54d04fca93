import type { Problem, Receipt } from '$lib/domain/bundle';
import type { SendOutcome } from './aggregator-client';
import { retryDelay } from './retry-delay';

/**
 * What the outbox records after one attempt to send a bundle: the sender's state machine
 * (DESIGN.md, "Delivery"), kept pure so every edge is tested without a database or a network.
 * `sending` becomes `delivered` with the receipt, `failed` with a permanent refusal, or `queued`
 * again with the time of the next attempt.
 */
export type SendStep =
	| { kind: 'delivered'; receipt: Receipt }
	| { kind: 'failed'; problem: Problem }
	| { kind: 'retry'; error: string; retryAt: Date };

/**
 * The step after an attempt (`no-endpoint`: the aggregator has no address yet, so nothing was
 * sent). `attempts` counts this one. A retry waits the backoff (retry-delay.ts), and never less
 * than the aggregator's Retry-After (408/425/429/503), which is a floor.
 */
export function stepAfterSend(options: {
	outcome: SendOutcome | { kind: 'no-endpoint' };
	attempts: number;
	now: Date;
	random?: () => number;
}): SendStep {
	const { outcome, attempts, now, random = Math.random } = options;
	if (outcome.kind === 'delivered') return { kind: 'delivered', receipt: outcome.receipt };
	if (outcome.kind === 'refused') return { kind: 'failed', problem: outcome.problem };
	const backoff = retryDelay(attempts, random);
	const wait = outcome.kind === 'retry' ? Math.max(backoff, outcome.retryAfterMs ?? 0) : backoff;
	const error = outcome.kind === 'retry' ? outcome.error : 'no-endpoint';
	return { kind: 'retry', error, retryAt: new Date(now.getTime() + wait) };
}

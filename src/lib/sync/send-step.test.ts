import { describe, expect, it } from 'vitest';
import { stepAfterSend } from './send-step';

const now = new Date('2026-11-12T09:00:00.000Z');
const receipt = {
	bundleId: '0b8e9a52-1c1e-4d0e-9d7a-1f2a3b4c5d6e',
	receivedAt: '2026-11-12T09:00:01.000Z',
	digest: 'a'.repeat(64)
};
const problem = {
	type: 'urn:partner-desk:problem:chain-broken',
	title: 'Chain broken',
	status: 409
};

describe('stepAfterSend (the sender state machine)', () => {
	it('delivers with the receipt and fails with a permanent refusal', () => {
		expect(
			stepAfterSend({ outcome: { kind: 'delivered', status: 201, receipt }, attempts: 1, now })
		).toEqual({ kind: 'delivered', receipt });
		expect(
			stepAfterSend({ outcome: { kind: 'refused', status: 409, problem }, attempts: 1, now })
		).toEqual({ kind: 'failed', problem });
	});

	it('retries after the backoff: first attempt, half-way jitter', () => {
		// Attempt 1: ceiling 2,000 ms; wait = 2,000/2 + 0.5 × 2,000/2 = 1,500 ms.
		expect(
			stepAfterSend({
				outcome: { kind: 'retry', error: 'network' },
				attempts: 1,
				now,
				random: () => 0.5
			})
		).toEqual({ kind: 'retry', error: 'network', retryAt: new Date('2026-11-12T09:00:01.500Z') });
	});

	it("never retries sooner than the aggregator's Retry-After, nor later than the backoff needs", () => {
		// Attempt 3: ceiling 2,000 × 2² = 8,000 ms; no jitter (random 0): backoff 4,000 ms.
		const retry = (retryAfterMs: number) =>
			stepAfterSend({
				outcome: { kind: 'retry', error: 'HTTP 429', retryAfterMs },
				attempts: 3,
				now,
				random: () => 0
			});
		expect(retry(10_000)).toMatchObject({ retryAt: new Date('2026-11-12T09:00:10.000Z') });
		expect(retry(1_000)).toMatchObject({ retryAt: new Date('2026-11-12T09:00:04.000Z') });
	});

	it('waits the backoff, with its own error, while the aggregator has no address', () => {
		expect(
			stepAfterSend({ outcome: { kind: 'no-endpoint' }, attempts: 2, now, random: () => 1 })
		).toEqual({
			kind: 'retry',
			error: 'no-endpoint',
			// Attempt 2: ceiling 4,000 ms; full jitter (random 1): 2,000 + 2,000 = 4,000 ms.
			retryAt: new Date('2026-11-12T09:00:04.000Z')
		});
	});
});

import { describe, expect, it } from 'vitest';
import { summarizeOutbox, type BundleRecord } from './bundle';

const bundle = (state: BundleRecord['state'], deliveredAt?: string) =>
	({ state, deliveredAt }) as BundleRecord;

describe('summarizeOutbox', () => {
	it('counts what waits and what was refused, and finds the last delivery', () => {
		expect(
			summarizeOutbox([
				bundle('delivered', '2026-11-12T09:00:00.000Z'),
				bundle('queued'),
				bundle('sending'),
				bundle('failed'),
				bundle('withdrawn'),
				bundle('delivered', '2026-11-13T08:00:00.000Z')
			])
		).toEqual({ waiting: 2, refused: 1, lastDelivery: '2026-11-13T08:00:00.000Z' });
		expect(summarizeOutbox([])).toEqual({ waiting: 0, refused: 0, lastDelivery: undefined });
	});
});

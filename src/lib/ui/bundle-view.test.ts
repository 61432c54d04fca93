import { describe, expect, it } from 'vitest';
import type { BundleRecord } from '$lib/domain/bundle';
import { translate } from '$lib/i18n/translate';
import {
	bundleBadge,
	chainGapDecision,
	isHeldBehindRefusal,
	refusedReportBadge,
	retryReason
} from './bundle-view';

const HEAD = { digest: 'H'.repeat(43), bundleId: '11111111-2222-4333-8444-555555555555' };
const chainGap = {
	type: 'urn:partner-desk:problem:chain-gap',
	status: 409,
	title: 'previousDigest is not the last accepted digest',
	headDigest: HEAD.digest,
	headBundleId: HEAD.bundleId
};

function bundle(seq: number, state: BundleRecord['state'], changes: Partial<BundleRecord> = {}) {
	return { bundleId: `b${seq}`, aggregatorId: 'also-de', seq, state, ...changes } as BundleRecord;
}

describe('a bundle refused for a chain gap', () => {
	const refused = bundle(2, 'failed', { problem: chainGap });
	const all = [
		bundle(1, 'delivered'),
		refused,
		bundle(3, 'queued'),
		bundle(4, 'withdrawn'),
		bundle(5, 'queued'),
		bundle(1, 'queued', { aggregatorId: 'other', bundleId: 'o1' })
	];

	it('needs the decision, counting itself and the two waiting after it', () => {
		expect(chainGapDecision(refused, all)).toEqual({ head: HEAD, count: 3 });
		expect(bundleBadge(refused, all)).toBe('bundle.decision');
		expect(translate('en', bundleBadge(refused, all))).toBe('Needs your decision');
		expect(translate('de', bundleBadge(refused, all))).toBe('Ihre Entscheidung nötig');
	});

	it('the ones after it say they wait for it; other chains do not', () => {
		expect(isHeldBehindRefusal(all[2], all)).toBe(true);
		expect(isHeldBehindRefusal(all[4], all)).toBe(true);
		expect(isHeldBehindRefusal(all[5], all)).toBe(false);
		expect(bundleBadge(all[2], all)).toBe('bundle.queued');
	});

	it('its report is listed as needing the decision, not as queued', () => {
		const withReports = all.map((b) => ({ ...b, revisionId: `r-${b.bundleId}` }));
		expect(refusedReportBadge('r-b2', withReports)).toBe('bundle.decision');
		expect(refusedReportBadge('r-b3', withReports)).toBeUndefined();
		expect(refusedReportBadge('r-b1', withReports)).toBeUndefined();
		const conflict = { ...bundle(7, 'failed'), revisionId: 'r7' };
		expect(refusedReportBadge('r7', [conflict])).toBe('bundle.failed');
	});

	it('any other refusal is "Refused", and a chain gap without a head offers nothing', () => {
		const conflict = bundle(2, 'failed', {
			problem: { type: 'urn:partner-desk:problem:conflict' }
		});
		expect(chainGapDecision(conflict, [conflict])).toBeUndefined();
		expect(bundleBadge(conflict, [conflict])).toBe('bundle.failed');
		const headless = bundle(2, 'failed', { problem: { ...chainGap, headDigest: undefined } });
		expect(bundleBadge(headless, [headless])).toBe('bundle.failed');
	});

	it('says how many are signed again, in both languages', () => {
		expect(translate('en', 'sync.chainGap.later', { count: 2 })).toBe(
			'2 reports wait after it and are signed again with it, in order.'
		);
		expect(translate('de', 'sync.chainGap.later', { count: 1 })).toBe(
			'1 Bericht wartet danach und wird mit ihm neu signiert, in derselben Reihenfolge.'
		);
	});
});

describe('retryReason', () => {
	it('a network error in plain words, never the browser\'s "Failed to fetch"', () => {
		for (const error of ['Failed to fetch', 'signal timed out', 'NetworkError when attempting'])
			expect(translate('en', retryReason(error).key)).toBe('no connection to the aggregator');
		expect(translate('de', retryReason('Failed to fetch').key)).toBe(
			'keine Verbindung zum Aggregator'
		);
	});

	it('an HTTP status and a 2xx without a receipt', () => {
		const unavailable = retryReason('503 Temporarily unavailable');
		expect(translate('en', unavailable.key, unavailable.params)).toBe(
			'the aggregator answered 503'
		);
		expect(translate('en', retryReason('201 without a valid receipt').key)).toBe(
			"the aggregator's answer had no valid receipt"
		);
	});
});

import type { UsageLine } from '$lib/domain/usage-line';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toPeriod } from '$lib/domain/period';
import { signAndQueue } from './bundle-repo';
import { continueChain } from './chain-gap-repo';
import { PartnerDeskDatabase } from './db';
import { excludeLeftOutRow } from './left-out-repo';
import {
	claimBundle,
	recordDelivery,
	recordRefusal,
	retryBundle,
	withdrawBundle
} from './outbox-repo';
import { storeImportedReport } from './report-repo';
import { saveAggregator, savePackOverrides } from './settings-repo';
import { StoreRefused, type StoreRefusalCode } from './store-refused';
import { TEST_PARTNER, dropDatabase, horizonLine } from '../../../tests/helpers/store';

/**
 * Each expected refusal of the store carries its code, so the page can say it in the
 * user's language (src/lib/ui/problem-text.ts) instead of "something went wrong".
 */
let db: PartnerDeskDatabase;
beforeEach(async () => {
	db = new PartnerDeskDatabase(`refusals-${crypto.randomUUID()}`);
	await saveAggregator(db, { id: 'also-de', name: 'ALSO Deutschland' });
});
afterEach(() => dropDatabase(db));

const lines: UsageLine[] = [horizonLine()];
const partner = TEST_PARTNER;
const now = new Date('2026-11-13T08:00:00Z');
const chainGap = {
	type: 'urn:partner-desk:problem:chain-gap',
	title: 'previousDigest is not the last accepted digest',
	status: 409,
	headDigest: 'A'.repeat(43),
	headBundleId: '11111111-2222-4333-8444-555555555555'
};

function draft(month: number) {
	return storeImportedReport(db, {
		programId: 'omnissa-sp',
		period: toPeriod(2026, month),
		currency: 'EUR',
		lines,
		source: {
			fileName: 'usage.csv',
			digest: String(month % 10).repeat(64),
			encoding: 'utf-8',
			importedAt: '2026-11-12T09:00:00.000Z',
			rowsRead: 1,
			rowsSkipped: 0
		}
	});
}

async function queuedMonth(month: number) {
	const revision = await draft(month);
	// Ready as the review would leave it: these tests are about the refusals, not the ready gate.
	await db.reports.update(revision.id, { state: 'ready', readyAt: '2026-11-12T10:00:00.000Z' });
	return signAndQueue(db, { revisionId: revision.id, aggregatorId: 'also-de', partner });
}

async function refusalCode(step: Promise<unknown>): Promise<StoreRefusalCode> {
	const error = await step.then(
		() => undefined,
		(caught: unknown) => caught
	);
	expect(error).toBeInstanceOf(StoreRefused);
	return (error as StoreRefused).code;
}

describe('the store refuses expected states with a code', () => {
	it('a left-out row of a frozen report, or of a report without left-out rows', async () => {
		const revision = await draft(10);
		const exclude = { revisionId: revision.id, line: 3, reasonCode: 'other', comment: 'x' };
		expect(await refusalCode(excludeLeftOutRow(db, exclude))).toBe('no-left-out-rows');
		await db.reports.update(revision.id, { state: 'ready', readyAt: '2026-11-12T10:00:00.000Z' });
		expect(await refusalCode(excludeLeftOutRow(db, exclude))).toBe('not-a-draft');
	});

	it('pack values for a program the partner has not joined', async () => {
		const step = savePackOverrides(db, { programId: 'omnissa-sp', overrides: {} });
		expect(await refusalCode(step)).toBe('not-enrolled');
		expect(await db.enrollments.count()).toBe(0);
	});

	it('signing a report or for an aggregator that is gone', async () => {
		const sign = (revisionId: string, aggregatorId = 'also-de') =>
			signAndQueue(db, { revisionId, aggregatorId, partner });
		expect(await refusalCode(sign('no-such-revision'))).toBe('revision-missing');
		const revision = await draft(10);
		expect(await refusalCode(sign(revision.id, 'gone'))).toBe('aggregator-missing');
		expect(await db.bundles.count()).toBe(0);
	});

	it('a bundle another tab has sent is no longer waiting, and has nothing to retry', async () => {
		const bundle = await queuedMonth(9);
		expect(await refusalCode(retryBundle(db, bundle.bundleId))).toBe('bundle-not-failed');
		await claimBundle(db, bundle.bundleId);
		await recordDelivery(db, {
			bundleId: bundle.bundleId,
			receipt: { bundleId: bundle.bundleId } as never,
			now
		});
		expect(await refusalCode(claimBundle(db, bundle.bundleId))).toBe('bundle-not-waiting');
	});

	it('withdrawing a bundle that is gone, or one a newer bundle follows', async () => {
		const first = await queuedMonth(9);
		await queuedMonth(10);
		const withdraw = (bundleId: string) => withdrawBundle(db, { bundleId, now });
		expect(await refusalCode(withdraw('no-such-bundle'))).toBe('bundle-missing');
		expect(await refusalCode(withdraw(first.bundleId))).toBe('bundle-not-withdrawable');
		expect((await db.bundles.get(first.bundleId))?.state).toBe('queued');
	});

	it('continuing a chain that has no gap, or whose later bundles have left', async () => {
		const september = await queuedMonth(9);
		const october = await queuedMonth(10);
		const step = () => continueChain(db, { bundleId: september.bundleId, now });
		expect(await refusalCode(step())).toBe('not-a-chain-gap');
		await claimBundle(db, september.bundleId);
		await recordRefusal(db, { bundleId: september.bundleId, problem: chainGap, now });
		await claimBundle(db, october.bundleId);
		expect(await refusalCode(step())).toBe('chain-already-sent');
	});
});

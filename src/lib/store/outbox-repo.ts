import type { BundleRecord, Problem, Receipt } from '$lib/domain/bundle';
import { audit, withAuditTables } from './audit';
import type { PartnerDeskDatabase } from './db';
import { guardStorage } from './errors';
import { StoreRefused } from './store-refused';

/** Bundles of every aggregator, newest first, for the Sync page. */
export function listBundles(db: PartnerDeskDatabase): Promise<BundleRecord[]> {
	return guardStorage(async () =>
		(await db.bundles.toArray()).sort(
			(a, b) => b.createdAt.localeCompare(a.createdAt) || b.seq - a.seq
		)
	);
}

const SETTLED: readonly BundleRecord['state'][] = ['delivered', 'withdrawn'];

const OPEN: readonly BundleRecord['state'][] = ['queued', 'sending', 'failed'];

/** The first bundle of an aggregator's chain not yet delivered or withdrawn, if any. */
async function chainHead(db: PartnerDeskDatabase, aggregatorId: string) {
	const firsts = await Promise.all(
		OPEN.map((state) =>
			db.bundles
				.where('[aggregatorId+state+seq]')
				.between([aggregatorId, state, 0], [aggregatorId, state, Infinity])
				.first()
		)
	);
	return firsts
		.filter((bundle): bundle is BundleRecord => bundle !== undefined)
		.sort((a, b) => a.seq - b.seq)[0];
}

/**
 * The bundles to send now: per aggregator, the first of its chain not yet
 * delivered, if it is waiting and due. The chain is sent in order, because
 * the aggregator accepts a bundle only after the one it links to; a refused
 * bundle holds up those after it until the user retries or withdraws it.
 */
export async function dueBundles(db: PartnerDeskDatabase, now: Date): Promise<BundleRecord[]> {
	const aggregatorIds = (await db.chainHeads.toCollection().primaryKeys()) as string[];
	const heads = await Promise.all(aggregatorIds.map((id) => chainHead(db, id)));
	return heads.filter(
		(bundle): bundle is BundleRecord =>
			bundle !== undefined &&
			bundle.state !== 'failed' &&
			(bundle.nextAttemptAt === undefined || Date.parse(bundle.nextAttemptAt) <= now.getTime())
	);
}

/** The signed JWS of a bundle, exactly as it was signed. */
export async function readBundleJws(db: PartnerDeskDatabase, bundleId: string) {
	const body = await guardStorage(() => db.bundleBodies.get(bundleId));
	if (!body) throw new Error(`bundle ${bundleId} has no body`);
	return body.jws;
}

/** When the outbox should look again: the earliest retry among waiting bundles. */
export async function nextRetryAt(db: PartnerDeskDatabase): Promise<Date | undefined> {
	const waiting = await db.bundles.where('state').equals('queued').toArray();
	const times = waiting.flatMap((b) => (b.nextAttemptAt ? [Date.parse(b.nextAttemptAt)] : []));
	return times.length > 0 ? new Date(Math.min(...times)) : undefined;
}

/**
 * Marks a bundle as being sent before the request leaves. If the tab closes
 * mid-send, it stays "sending" and is sent again on the next start: the
 * aggregator answers a repeat with the receipt it gave the first time.
 */
export function claimBundle(db: PartnerDeskDatabase, bundleId: string): Promise<BundleRecord> {
	return guardStorage(() =>
		db.transaction('rw', db.bundles, async () => {
			const bundle = await db.bundles.get(bundleId);
			if (!bundle || SETTLED.includes(bundle.state) || bundle.state === 'failed') {
				throw new StoreRefused('bundle-not-waiting', `bundle ${bundleId} is not waiting`);
			}
			const sending = { ...bundle, state: 'sending' as const, attempts: bundle.attempts + 1 };
			await db.bundles.put(sending);
			return sending;
		})
	);
}

/** The receipt: the bundle and its report are delivered. */
export function recordDelivery(
	db: PartnerDeskDatabase,
	options: { bundleId: string; receipt: Receipt; now: Date }
): Promise<void> {
	const at = options.now.toISOString();
	return guardStorage(() =>
		db.transaction('rw', withAuditTables(db, db.bundles), async () => {
			const bundle = await db.bundles.get(options.bundleId);
			if (!bundle || bundle.state === 'delivered') return;
			await db.bundles.put({
				...bundle,
				state: 'delivered',
				receipt: options.receipt,
				deliveredAt: at,
				nextAttemptAt: undefined,
				lastError: undefined
			});
			const revision = await db.reports.get(bundle.revisionId);
			if (revision && revision.state === 'queued') {
				await db.reports.put({ ...revision, state: 'delivered', updatedAt: at });
			}
			await audit(
				db,
				{
					revisionId: bundle.revisionId,
					action: 'delivered',
					detail: {
						bundleId: bundle.bundleId,
						aggregator: bundle.aggregatorId,
						receivedAt: options.receipt.receivedAt,
						digest: options.receipt.digest
					}
				},
				at
			);
		})
	);
}

/** A permanent refusal (4xx): kept with the aggregator's problem text until the user acts. */
export function recordRefusal(
	db: PartnerDeskDatabase,
	options: { bundleId: string; problem: Problem; now: Date }
): Promise<void> {
	const at = options.now.toISOString();
	return guardStorage(() =>
		db.transaction('rw', withAuditTables(db, db.bundles), async () => {
			const bundle = await db.bundles.get(options.bundleId);
			if (!bundle || SETTLED.includes(bundle.state)) return;
			await db.bundles.put({
				...bundle,
				state: 'failed',
				problem: options.problem,
				nextAttemptAt: undefined
			});
			await audit(
				db,
				{
					revisionId: bundle.revisionId,
					action: 'delivery-refused',
					detail: {
						bundleId: bundle.bundleId,
						status: options.problem.status ?? 0,
						type: options.problem.type ?? ''
					}
				},
				at
			);
		})
	);
}

/** A network error or a 5xx: back in the queue until `retryAt`. */
export function recordRetry(
	db: PartnerDeskDatabase,
	options: { bundleId: string; error: string; retryAt: Date }
): Promise<void> {
	return guardStorage(() =>
		db.transaction('rw', db.bundles, async () => {
			const bundle = await db.bundles.get(options.bundleId);
			if (!bundle || bundle.state !== 'sending') return;
			await db.bundles.put({
				...bundle,
				state: 'queued',
				lastError: options.error,
				nextAttemptAt: options.retryAt.toISOString()
			});
		})
	);
}

/** "Send now": every waiting bundle is due at once. */
export function sendNow(db: PartnerDeskDatabase): Promise<void> {
	return guardStorage(() =>
		db.transaction('rw', db.bundles, async () => {
			await db.bundles
				.where('state')
				.equals('queued')
				.modify((bundle) => {
					delete bundle.nextAttemptAt;
				});
		})
	);
}

/** Puts a refused bundle back in the queue, for when the aggregator has fixed its side. */
export function retryBundle(db: PartnerDeskDatabase, bundleId: string): Promise<void> {
	return guardStorage(() =>
		db.transaction('rw', db.bundles, async () => {
			const bundle = await db.bundles.get(bundleId);
			if (!bundle || bundle.state !== 'failed')
				throw new StoreRefused('bundle-not-failed', `bundle ${bundleId} is not failed`);
			await db.bundles.put({ ...bundle, state: 'queued', problem: undefined, attempts: 0 });
		})
	);
}

/**
 * Whether a bundle can be withdrawn: only the newest of its chain, and only
 * if the aggregator cannot hold it: never sent, or refused. One that was sent
 * may have been stored with its receipt lost; withdrawing it would break the
 * chain at the aggregator.
 */
export function canWithdraw(bundle: BundleRecord, chain: readonly BundleRecord[]): boolean {
	const newest = chain
		.filter((other) => other.aggregatorId === bundle.aggregatorId && other.state !== 'withdrawn')
		.every((other) => other.seq <= bundle.seq);
	const unsent = bundle.state === 'queued' && bundle.attempts === 0;
	return newest && (unsent || bundle.state === 'failed');
}

/**
 * Withdraws the newest bundle of a chain: the chain head moves back to the
 * bundle before it, and the report is ready again, to be corrected or signed anew.
 */
export function withdrawBundle(
	db: PartnerDeskDatabase,
	options: { bundleId: string; now: Date }
): Promise<void> {
	const at = options.now.toISOString();
	return guardStorage(() =>
		db.transaction('rw', withAuditTables(db, db.bundles, db.chainHeads), async () => {
			const bundle = await db.bundles.get(options.bundleId);
			if (!bundle) throw new StoreRefused('bundle-missing', `no bundle ${options.bundleId}`);
			const chain = await db.bundles
				.where('[aggregatorId+seq]')
				.between([bundle.aggregatorId, 0], [bundle.aggregatorId, Infinity])
				.toArray();
			if (!canWithdraw(bundle, chain))
				throw new StoreRefused(
					'bundle-not-withdrawable',
					`bundle ${bundle.bundleId} cannot be withdrawn`
				);
			await db.bundles.put({ ...bundle, state: 'withdrawn', nextAttemptAt: undefined });
			const before = chain
				.filter((other) => other.seq < bundle.seq && other.state !== 'withdrawn')
				.sort((a, b) => b.seq - a.seq)[0];
			await db.chainHeads.put({
				aggregatorId: bundle.aggregatorId,
				seq: bundle.seq,
				bundleId: before?.bundleId ?? null,
				digest: before?.digest ?? null
			});
			const revision = await db.reports.get(bundle.revisionId);
			if (revision && revision.state === 'queued') {
				await db.reports.put({ ...revision, state: 'ready', updatedAt: at });
			}
			await audit(
				db,
				{
					revisionId: bundle.revisionId,
					action: 'withdrawn',
					detail: { bundleId: bundle.bundleId }
				},
				at
			);
		})
	);
}

import type { BundleRecord } from '$lib/domain/bundle';
import { chainGapHead, resignOntoHead, type ResignedBundle } from '$lib/sync/chain-gap';
import { audit, withAuditTables } from './audit';
import type { PartnerDeskDatabase } from './db';
import { guardStorage } from './errors';
import { activeSigningKey } from './signing-key-repo';
import { StoreRefused } from './store-refused';

/** Another tab signed or sent meanwhile: read the chain again and re-sign on what it is now. */
class ChainChanged extends Error {}

/** The refused bundle and every bundle after it in its aggregator's chain, in chain order. */
async function undeliveredFrom(db: PartnerDeskDatabase, bundleId: string) {
	const refused = await db.bundles.get(bundleId);
	const head = chainGapHead(refused?.problem);
	if (!refused || refused.state !== 'failed' || !head)
		throw new StoreRefused('not-a-chain-gap', `bundle ${bundleId} was not refused for a chain gap`);
	const chain = (
		await db.bundles
			.where('[aggregatorId+seq]')
			.between([refused.aggregatorId, refused.seq], [refused.aggregatorId, Infinity])
			.toArray()
	).filter((bundle) => bundle.state !== 'withdrawn');
	// The outbox sends in chain order, so nothing after a refused bundle has left the device.
	const later = chain.slice(1);
	if (later.some((bundle) => bundle.state !== 'queued' || bundle.attempts > 0))
		throw new StoreRefused(
			'chain-already-sent',
			`bundles after ${bundleId} were sent; the chain cannot be re-signed`
		);
	return { head, chain };
}

function sameRecords(a: readonly BundleRecord[], b: readonly (BundleRecord | undefined)[]) {
	return (
		a.length === b.length &&
		a.every((bundle, i) => bundle.bundleId === b[i]?.bundleId && bundle.state === b[i]?.state)
	);
}

async function continueOnce(
	db: PartnerDeskDatabase,
	options: { bundleId: string; now: Date }
): Promise<BundleRecord[]> {
	const { head, chain } = await undeliveredFrom(db, options.bundleId);
	const bodies = await db.bundleBodies.bulkGet(chain.map((bundle) => bundle.bundleId));
	const key = await activeSigningKey(db, options.now);
	const resigned = await resignOntoHead({
		bundles: chain.map((bundle, i) => ({ bundleId: bundle.bundleId, jws: bodies[i]?.jws })),
		head: head.digest,
		privateKey: key.privateKey,
		publicJwk: key.publicJwk,
		createdAt: options.now
	});
	const at = options.now.toISOString();
	const records = resigned.map((signed, i) => recordOf(chain[i], signed, at));
	const aggregatorId = chain[0].aggregatorId;
	const newest = records[records.length - 1];

	// Signing took a while; everything is applied together, or nothing if the chain moved.
	return guardStorage(() =>
		db.transaction(
			'rw',
			withAuditTables(db, db.bundles, db.bundleBodies, db.chainHeads),
			async () => {
				const now = await db.bundles
					.where('[aggregatorId+seq]')
					.between([aggregatorId, chain[0].seq], [aggregatorId, Infinity])
					.toArray();
				const local = await db.chainHeads.get(aggregatorId);
				const stillOpen = now.filter((bundle) => bundle.state !== 'withdrawn');
				if (!sameRecords(chain, stillOpen) || local?.bundleId !== chain[chain.length - 1].bundleId)
					throw new ChainChanged();

				await db.bundles.bulkDelete(chain.map((bundle) => bundle.bundleId));
				await db.bundleBodies.bulkDelete(chain.map((bundle) => bundle.bundleId));
				await db.bundles.bulkAdd(records);
				await db.bundleBodies.bulkAdd(
					resigned.map(({ bundleId, jws }) => ({
						bundleId,
						jws: { protected: jws.protected, payload: jws.payload, signature: jws.signature }
					}))
				);
				// The device's own head follows: its next bundle links to the newest re-signed one.
				await db.chainHeads.put({
					aggregatorId,
					seq: local.seq,
					bundleId: newest.bundleId,
					digest: newest.digest
				});
				for (const [i, record] of records.entries())
					await audit(
						db,
						{
							revisionId: record.revisionId,
							action: 'signed',
							detail: {
								bundleId: record.bundleId,
								aggregator: aggregatorId,
								kid: record.kid,
								digest: record.digest,
								replaces: chain[i].bundleId,
								...(record.previousDigest ? { previousDigest: record.previousDigest } : {}),
								...(i === 0 && head.bundleId ? { aggregatorHead: head.bundleId } : {})
							}
						},
						at
					);
				return records;
			}
		)
	);
}

/** The re-signed bundle in the old one's place in the chain, waiting to be sent. */
function recordOf(old: BundleRecord, signed: ResignedBundle, at: string): BundleRecord {
	return {
		bundleId: signed.bundleId,
		revisionId: old.revisionId,
		aggregatorId: old.aggregatorId,
		seq: old.seq,
		period: old.period,
		revision: old.revision,
		supersedes: signed.payload.supersedes,
		digest: signed.digest,
		previousDigest: signed.payload.previousDigest,
		kid: signed.kid,
		state: 'queued',
		createdAt: at,
		attempts: 0
	};
}

/**
 * "Continue the chain": after the user confirms, a bundle refused with 409 chain-gap (a second
 * device of the partner delivered meanwhile) and every undelivered bundle after it are signed
 * again onto the head the aggregator named, in order, and queued in place of the old ones; the
 * device's chain head follows. The audit log keeps which bundle replaced which.
 */
export async function continueChain(
	db: PartnerDeskDatabase,
	options: { bundleId: string; now?: Date }
): Promise<BundleRecord[]> {
	const now = options.now ?? new Date();
	for (let attempt = 0; ; attempt++) {
		try {
			return await continueOnce(db, { bundleId: options.bundleId, now });
		} catch (error) {
			if (!(error instanceof ChainChanged) || attempt >= 3) throw error;
		}
	}
}

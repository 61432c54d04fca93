import type { BundleRecord } from '$lib/domain/bundle';
import { packRefOf } from '$lib/programs/pack-schema';
import { buildBundlePayload } from '$lib/sync/build-bundle-payload';
import { toBundleId, type BundleDigest, type BundleId } from '$lib/sync/bundle-payload';
import { signBundle } from '$lib/sync/sign-bundle';
import { audit, auditHead, withAuditTables } from './audit';
import type { PartnerDeskDatabase } from './db';
import { guardStorage } from './errors';
import { checkStoredRevision } from './review-check';
import { activeSigningKey } from './signing-key-repo';
import { StoreRefused } from './store-refused';

/** The chain head moved while signing (another tab signed): sign again on the new head. */
class ChainMoved extends Error {}

/** The bundle that carried the revision this one corrects, if it went to this aggregator. */
async function supersededBundle(
	db: PartnerDeskDatabase,
	revisionSupersedes: string | null,
	aggregatorId: string
): Promise<BundleId | null> {
	if (!revisionSupersedes) return null;
	const carried = await db.bundles.where('revisionId').equals(revisionSupersedes).toArray();
	const bundle = carried.find((b) => b.aggregatorId === aggregatorId && b.state !== 'withdrawn');
	return bundle ? toBundleId(bundle.bundleId) : null;
}

async function signOnce(db: PartnerDeskDatabase, options: SignOptions): Promise<BundleRecord> {
	const { revisionId, aggregatorId, now = new Date() } = options;
	const revision = await db.reports.get(revisionId);
	if (!revision) throw new StoreRefused('revision-missing', `no revision ${revisionId}`);
	const aggregator = await db.aggregators.get(aggregatorId);
	if (!aggregator) throw new StoreRefused('aggregator-missing', `no aggregator ${aggregatorId}`);
	const head = (await db.chainHeads.get(aggregatorId)) ?? {
		aggregatorId,
		seq: 0,
		bundleId: null,
		digest: null
	};
	const key = await activeSigningKey(db, now);
	// The findings are computed here, from the stored lines and the effective pack: what is
	// signed never depends on what a page happened to show.
	const { findings, pack, lines } = await checkStoredRevision(db, { revision, now });
	const payload = buildBundlePayload({
		revision,
		lines,
		findings,
		pack: packRefOf(pack),
		partner: options.partner,
		aggregator: { id: aggregator.id, name: aggregator.name },
		bundleId: toBundleId(crypto.randomUUID()),
		supersedes: await supersededBundle(db, revision.supersedes, aggregatorId),
		previousDigest: head.digest as BundleDigest | null,
		createdAt: now,
		leftOut: await db.leftOutRows.get(revisionId),
		// Read after the key (a new key is itself an entry): the head the signature commits to.
		auditHead: await auditHead(db)
	});
	const signed = await signBundle({
		payload,
		privateKey: key.privateKey,
		publicJwk: key.publicJwk
	});
	const at = now.toISOString();
	const record: BundleRecord = {
		bundleId: signed.bundleId,
		revisionId,
		aggregatorId,
		seq: head.seq + 1,
		period: revision.period,
		revision: revision.revision,
		supersedes: payload.supersedes,
		digest: signed.digest,
		previousDigest: payload.previousDigest,
		kid: signed.kid,
		state: 'queued',
		createdAt: at,
		attempts: 0
	};
	// The signature is made; storing it, moving the head and queueing it happen together or not.
	return guardStorage(() =>
		db.transaction(
			'rw',
			withAuditTables(db, db.bundles, db.bundleBodies, db.chainHeads),
			async () => {
				const current = await db.chainHeads.get(aggregatorId);
				if ((current?.digest ?? null) !== head.digest || (current?.seq ?? 0) !== head.seq) {
					throw new ChainMoved();
				}
				const latest = await db.reports.get(revisionId);
				if (latest?.state !== 'ready')
					throw new StoreRefused(
						'revision-not-ready',
						`revision ${revisionId} is ${latest?.state}`
					);
				await db.bundles.add(record);
				const { protected: header, payload: body, signature } = signed.jws;
				await db.bundleBodies.add({
					bundleId: record.bundleId,
					jws: { protected: header, payload: body, signature }
				});
				await db.chainHeads.put({
					aggregatorId,
					seq: record.seq,
					bundleId: record.bundleId,
					digest: record.digest
				});
				await db.reports.put({ ...latest, state: 'queued', updatedAt: at });
				await audit(
					db,
					{
						revisionId,
						action: 'signed',
						detail: {
							bundleId: record.bundleId,
							aggregator: aggregatorId,
							kid: record.kid,
							digest: record.digest
						}
					},
					at
				);
				return record;
			}
		)
	);
}

export type SignOptions = {
	revisionId: string;
	aggregatorId: string;
	partner: { id: string; name: string };
	now?: Date;
};

/**
 * Signs a ready revision for an aggregator and puts the bundle in the outbox:
 * it links to the newest bundle signed for that aggregator, and from now on
 * never changes. The report is then queued. The findings it carries are a fresh
 * check of the stored lines with the effective pack; a blocking one refuses.
 */
export async function signAndQueue(db: PartnerDeskDatabase, options: SignOptions) {
	for (let attempt = 0; ; attempt++) {
		try {
			return await signOnce(db, options);
		} catch (error) {
			if (!(error instanceof ChainMoved) || attempt >= 3) throw error;
		}
	}
}

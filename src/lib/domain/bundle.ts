import { z } from 'zod';

/**
 * A signed bundle as the device keeps it: the JWS exactly as signed (it never
 * changes), where it stands in the outbox, and what the aggregator answered.
 */
export const BUNDLE_STATES = ['queued', 'sending', 'delivered', 'failed', 'withdrawn'] as const;
export type BundleState = (typeof BUNDLE_STATES)[number];

const base64url = z.string().regex(/^[A-Za-z0-9_-]*$/);

export const ReceiptSchema = z.object({
	bundleId: z.uuid(),
	receivedAt: z.iso.datetime({ offset: true }),
	digest: base64url
});
export type Receipt = z.infer<typeof ReceiptSchema>;

/** An RFC 9457 problem as the aggregator sent it; shown to the user as is. */
export const ProblemSchema = z.object({
	type: z.string().optional(),
	title: z.string().optional(),
	status: z.number().int().optional(),
	detail: z.string().optional(),
	/**
	 * A 409 chain-gap names the aggregator's head of the partner's chain (null before its first
	 * bundle), onto which the user can have the bundle re-signed. A malformed value is dropped,
	 * not the problem: the refusal is still shown, only without that offer.
	 */
	headDigest: base64url.length(43).nullable().optional().catch(undefined),
	headBundleId: z.uuid().nullable().optional().catch(undefined)
});
export type Problem = z.infer<typeof ProblemSchema>;

export const BundleRecordSchema = z.object({
	bundleId: z.uuid(),
	revisionId: z.uuid(),
	aggregatorId: z.string(),
	/** Position in this aggregator's chain, from 1: the outbox sends in this order. */
	seq: z.number().int().positive(),
	period: z.string(),
	revision: z.number().int().positive(),
	supersedes: z.uuid().nullable(),
	digest: base64url,
	previousDigest: base64url.nullable(),
	kid: z.string(),
	state: z.enum(BUNDLE_STATES),
	createdAt: z.iso.datetime(),
	attempts: z.number().int().nonnegative(),
	/** When the outbox tries again after a network error or a 5xx. */
	nextAttemptAt: z.iso.datetime().optional(),
	/** The last transient error, for the Sync page ("offline", "503 …"). */
	lastError: z.string().optional(),
	/** The permanent refusal (4xx), when the state is failed. */
	problem: ProblemSchema.optional(),
	receipt: ReceiptSchema.optional(),
	deliveredAt: z.iso.datetime().optional()
});
export type BundleRecord = z.infer<typeof BundleRecordSchema>;

/**
 * The signed JWS of a bundle, kept apart from its record: a 100k-line bundle is about 15 MB,
 * and the Desk and the Sync page list the records without reading any of it.
 */
export const BundleBodySchema = z.object({
	bundleId: z.uuid(),
	jws: z.object({ protected: base64url, payload: base64url, signature: base64url })
});
export type BundleBody = z.infer<typeof BundleBodySchema>;

/**
 * The newest bundle signed for an aggregator: the next one's `previousDigest`.
 * Kept apart from the bundles so a restore on a new device continues the chain.
 */
export const ChainHeadSchema = z.object({
	aggregatorId: z.string(),
	seq: z.number().int().nonnegative(),
	bundleId: z.uuid().nullable(),
	digest: base64url.nullable()
});
export type ChainHead = z.infer<typeof ChainHeadSchema>;

/** What the Desk and the Sync page say about the outbox. */
export function summarizeOutbox(bundles: readonly BundleRecord[]): {
	waiting: number;
	refused: number;
	lastDelivery?: string;
} {
	let waiting = 0;
	let refused = 0;
	let lastDelivery: string | undefined;
	for (const bundle of bundles) {
		if (bundle.state === 'queued' || bundle.state === 'sending') waiting++;
		if (bundle.state === 'failed') refused++;
		if (bundle.deliveredAt && (!lastDelivery || bundle.deliveredAt > lastDelivery))
			lastDelivery = bundle.deliveredAt;
	}
	return { waiting, refused, lastDelivery };
}

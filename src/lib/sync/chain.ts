import { base64url } from 'jose';
import { z } from 'zod';
import { bundleDigest } from './bundle-digest';
import {
	bundleDigestSchema,
	bundleIdSchema,
	type BundleDigest,
	type BundleId
} from './bundle-payload';

/**
 * The hash chain of a partner's bundles for one aggregator (DESIGN.md): each payload names the
 * digest of the bundle signed before it as `previousDigest`, the first names null. A missing
 * bundle or one changed after signing (its digest changes) breaks the next link.
 */

/** What the chain needs of one bundle. */
export type ChainLink = {
	bundleId: BundleId;
	previousDigest: BundleDigest | null;
	digest: BundleDigest;
};

export type ChainBreak = {
	code: 'chain-gap';
	/** Position in the checked sequence of the bundle whose link is wrong. */
	index: number;
	bundleId: BundleId;
	expected: BundleDigest | null;
	found: BundleDigest | null;
};

export type ChainCheck =
	{ ok: true; head: BundleDigest | null } | { ok: false; problem: ChainBreak };

/** True when a payload continues the chain whose head is `previousDigest`. */
export function linksTo(
	payload: { previousDigest: BundleDigest | null },
	previousDigest: BundleDigest | null
): boolean {
	return payload.previousDigest === previousDigest;
}

/**
 * Checks that `links`, in signing order, form one unbroken chain from `start` (null: from the very
 * first bundle; a digest: continuing after the last bundle the aggregator accepted). The head is
 * what the next bundle must name as `previousDigest`.
 */
export function checkChain(
	links: readonly ChainLink[],
	options: { start?: BundleDigest | null } = {}
): ChainCheck {
	let head = options.start ?? null;
	for (const [index, link] of links.entries()) {
		if (!linksTo(link, head))
			return {
				ok: false,
				problem: {
					code: 'chain-gap',
					index,
					bundleId: link.bundleId,
					expected: head,
					found: link.previousDigest
				}
			};
		head = link.digest;
	}
	return { ok: true, head };
}

const ChainFieldsSchema = z.object({
	bundleId: bundleIdSchema,
	previousDigest: bundleDigestSchema.nullable()
});

/**
 * A stored bundle's link, with the digest recomputed from its JWS rather than taken from where it
 * was stored: an edit to the stored bundle then shows as a break. It checks no signature (the
 * outbox's own bundles; verifyBundle does that); it throws for a JWS that is not a bundle (a bug).
 */
export async function chainLinkOf(jws: {
	protected?: string;
	payload: string;
}): Promise<ChainLink> {
	if (jws.protected === undefined) throw new TypeError('a bundle JWS has a protected header');
	const payload: unknown = JSON.parse(new TextDecoder().decode(base64url.decode(jws.payload)));
	const { bundleId, previousDigest } = ChainFieldsSchema.parse(payload);
	return {
		bundleId,
		previousDigest,
		digest: await bundleDigest({ protected: jws.protected, payload: jws.payload })
	};
}

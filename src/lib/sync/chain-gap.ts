import type { Problem } from '$lib/domain/bundle';
import {
	isBundleDigest,
	isBundleId,
	toBundleId,
	type BundleDigest,
	type BundleId,
	type BundlePayload
} from './bundle-payload';
import { problemCodeOf } from './protocol';
import { signBundle, type SignedBundle } from './sign-bundle';
import type { PublicJwk } from './signing-key';
import { verifyBundle } from './verify-bundle';

/**
 * A second device of the same partner (DESIGN.md protocol details): each device keeps its own
 * chain head, so a device whose chain never saw the other's bundles signs onto a stale head, and
 * the aggregator refuses it with 409 `chain-gap`, naming its own head. After the user confirms,
 * the undelivered bundles are signed again onto that head, in order.
 */

/** The aggregator's head of the partner's chain: null, null before its first bundle. */
export type AggregatorHead = { digest: BundleDigest | null; bundleId: BundleId | null };

/**
 * The head a chain-gap problem names; undefined for any other problem, and for a chain-gap of an
 * aggregator that does not name its head (then the user can only withdraw or retry).
 */
export function chainGapHead(problem: Problem | undefined): AggregatorHead | undefined {
	if (!problem?.type || problemCodeOf(problem.type) !== 'chain-gap') return undefined;
	const { headDigest, headBundleId } = problem;
	if (headDigest === undefined) return undefined;
	if (headDigest === null) return { digest: null, bundleId: null };
	if (!isBundleDigest(headDigest)) return undefined;
	const bundleId = headBundleId && isBundleId(headBundleId) ? headBundleId : null;
	return { digest: headDigest, bundleId };
}

/** A bundle signed again onto the aggregator's head: the new one and the one it replaces. */
export type ResignedBundle = SignedBundle & { replaces: BundleId; payload: BundlePayload };

export class ResignError extends Error {
	readonly bundleId: string;
	constructor(bundleId: string, message: string) {
		super(`bundle ${bundleId}: ${message}`);
		this.name = 'ResignError';
		this.bundleId = bundleId;
	}
}

/**
 * Signs undelivered bundles again, in chain order, so that the first names `head` as its
 * `previousDigest` and each later one the digest of the one re-signed before it. The report in
 * each payload stays as it was signed (its stored JWS is verified first); what changes is the
 * link, `createdAt` (this is a new signature) and the `bundleId`.
 *
 * A new bundleId, because the old one may be held somewhere: the aggregator refused it, but a
 * sibling process behind the same endpoint, a proxy or a lost receipt may have kept it, and
 * the same Idempotency-Key with other content is a 409 conflict for good. A `supersedes` that
 * names a bundle re-signed here names its new id.
 */
export async function resignOntoHead(options: {
	/** The refused bundle and every undelivered one after it, in chain order. */
	bundles: readonly { bundleId: string; jws: unknown }[];
	head: BundleDigest | null;
	privateKey: CryptoKey;
	publicJwk: PublicJwk;
	createdAt: Date;
	newBundleId?: () => BundleId;
}): Promise<ResignedBundle[]> {
	const { head, privateKey, publicJwk, createdAt } = options;
	const newBundleId = options.newBundleId ?? (() => toBundleId(crypto.randomUUID()));
	const renamed = new Map<string, BundleId>();
	const resigned: ResignedBundle[] = [];
	let previousDigest = head;
	for (const bundle of options.bundles) {
		const verified = await verifyBundle(bundle.jws);
		if (!verified.ok)
			throw new ResignError(bundle.bundleId, `stored JWS is damaged: ${verified.problem.detail}`);
		const old = verified.payload;
		if (old.bundleId !== bundle.bundleId)
			throw new ResignError(bundle.bundleId, `stored JWS carries bundle ${old.bundleId}`);
		const payload: BundlePayload = {
			...old,
			bundleId: newBundleId(),
			supersedes: old.supersedes === null ? null : (renamed.get(old.supersedes) ?? old.supersedes),
			createdAt: createdAt.toISOString(),
			previousDigest
		};
		const signed = await signBundle({ payload, privateKey, publicJwk });
		renamed.set(old.bundleId, signed.bundleId);
		resigned.push({ ...signed, replaces: old.bundleId, payload });
		previousDigest = signed.digest;
	}
	return resigned;
}

import { z } from 'zod';
import { isPeriod, type Period } from '$lib/domain/period';
import {
	bundleDigestSchema,
	bundleIdSchema,
	type BundleDigest,
	type BundleId
} from './bundle-payload';

/**
 * The aggregator protocol's fixed names (DESIGN.md "Signed report bundles"), one place for the
 * app and its tests, so sender and checks cannot drift apart.
 */

/** `POST {endpoint}/bundles` sends, and `GET {endpoint}/bundles` lists. */
export const BUNDLES_PATH = '/bundles';
/** RFC 7515 section 9.2.1: the media type of a JWS in JSON serialization. */
export const BUNDLE_MEDIA_TYPE = 'application/jose+json';
/** The JWS `typ` of a bundle: explicit typing (RFC 8725 section 3.11) keeps other JWSs out. */
export const BUNDLE_TYP = 'partner-desk-bundle+jws';
/** ECDSA P-256 with SHA-256 (RFC 7518 section 3.4); the only algorithm a bundle may use. */
export const BUNDLE_ALG = 'ES256';
/** Equals the bundleId: a repeat is recognised, never stored twice. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** RFC 9457 problem `type` URIs are this prefix plus the problem code. */
export const PROBLEM_TYPE_PREFIX = 'urn:partner-desk:problem:';
/** RFC 9457 section 3: the media type of a problem body. */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/**
 * Why a bundle is refused by its content (verify-bundle.ts): the reference aggregator's codes
 * (aggregator/problem.js), so the app and the receiver speak of a bundle alike. A bad header
 * says which member in `field`.
 */
export const BUNDLE_PROBLEM_CODES = [
	'malformed-jws',
	'invalid-header',
	'unregistered-key',
	'invalid-signature',
	'non-canonical-payload',
	'invalid-payload',
	'line-total-mismatch',
	'totals-mismatch'
] as const;
export type BundleProblemCode = (typeof BUNDLE_PROBLEM_CODES)[number];

/** `urn:partner-desk:problem:<code>`. */
export function problemType(code: string): string {
	return PROBLEM_TYPE_PREFIX + code;
}

/** The code of a problem `type` URI; undefined for a type outside `urn:partner-desk:problem:`. */
export function problemCodeOf(type: string): string | undefined {
	return type.startsWith(PROBLEM_TYPE_PREFIX) ? type.slice(PROBLEM_TYPE_PREFIX.length) : undefined;
}

const bundleId = bundleIdSchema;
const period = z.string().refine(isPeriod, 'period') as unknown as z.ZodType<Period>;

/**
 * The 201/200 reply to a delivery: the aggregator holds the bundle with this digest. (The outbox
 * parses it with `ReceiptSchema` in src/lib/domain/bundle.ts.)
 */
export type Receipt = { bundleId: BundleId; receivedAt: string; digest: BundleDigest };

/** One bundle the aggregator holds, as `GET /bundles` lists it. */
export const BundleListItemSchema = z.object({
	bundleId,
	revision: z.number().int().positive(),
	period,
	supersedes: bundleId.nullable(),
	partnerId: z.string().min(1),
	receivedAt: z.iso.datetime({ offset: true }),
	digest: bundleDigestSchema
});
export type BundleListItem = z.infer<typeof BundleListItemSchema>;

/** `GET /bundles` replies `{"bundles": [...]}`. */
export const BundleListSchema = z.object({ bundles: z.array(BundleListItemSchema) });
export type BundleList = z.infer<typeof BundleListSchema>;

import { base64url, errors, flattenedVerify, importJWK } from 'jose';
import { z } from 'zod';
import { checkBundleAmounts } from './bundle-amounts';
import { bundleDigest } from './bundle-digest';
import { checkBundleHeader } from './bundle-header';
import { BundlePayloadSchema, type BundleDigest, type BundlePayload } from './bundle-payload';
import { canonicalJson } from './canonical-json';
import { BUNDLE_ALG, type BundleProblemCode } from './protocol';
import type { PublicJwk } from './signing-key';

/** Why a bundle is refused; `field` is the path of the member at fault, where there is one. */
export type BundleProblem = { code: BundleProblemCode; detail: string; field?: string };

export type BundleVerification =
	| { ok: true; payload: BundlePayload; digest: BundleDigest; kid: string; jwk: PublicJwk }
	| { ok: false; problem: BundleProblem };

const base64urlText = z.string().regex(/^[A-Za-z0-9_-]*$/, 'base64url');
/** Flattened JSON serialization with everything protected: an unprotected `header` is refused. */
const FlattenedJwsSchema = z.strictObject({
	protected: base64urlText.min(1),
	payload: base64urlText,
	signature: base64urlText.min(1)
});

// ignoreBOM keeps a leading U+FEFF in the text, so JSON.parse refuses it instead of it
// vanishing in the decoder; fatal refuses bytes that are not UTF-8.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** base64url → UTF-8 → JSON; undefined when any step fails. */
function decodeJson(encoded: string): { value: unknown } | undefined {
	try {
		return { value: JSON.parse(utf8.decode(base64url.decode(encoded))) };
	} catch {
		return undefined;
	}
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
}

function refuse(code: BundleProblemCode, detail: string, field?: string): BundleVerification {
	return { ok: false, problem: field === undefined ? { code, detail } : { code, detail, field } };
}

/**
 * Verifies a bundle as the aggregator does (DESIGN.md protocol): the JWS (the parsed request
 * body, or its text), its header, the ES256 signature with the embedded key (jose), then that the
 * payload is exactly its RFC 8785 form, matches the payload schema and adds up. The first failure
 * is the answer; `trustedKids` are the key ids the partner registered.
 */
export async function verifyBundle(
	jws: unknown,
	options: { trustedKids?: readonly string[] } = {}
): Promise<BundleVerification> {
	let body = jws;
	if (typeof body === 'string') {
		try {
			body = JSON.parse(body);
		} catch {
			return refuse('malformed-jws', 'the body is not JSON');
		}
	}
	const shape = FlattenedJwsSchema.safeParse(body);
	if (!shape.success) {
		const issue = shape.error.issues[0];
		const field = issue.code === 'unrecognized_keys' ? issue.keys[0] : issue.path.join('.');
		return refuse('malformed-jws', `not a flattened JWS: ${issue.message}`, field || undefined);
	}
	const flattened = shape.data;

	const header = decodeJson(flattened.protected);
	if (!header)
		return refuse('malformed-jws', 'the protected header is not base64url JSON', 'protected');
	const headerCheck = await checkBundleHeader(header.value, options);
	if (!headerCheck.ok) return { ok: false, problem: headerCheck.problem };
	const { kid, jwk } = headerCheck.header;

	let key: CryptoKey | Uint8Array;
	try {
		key = await importJWK(jwk, BUNDLE_ALG);
	} catch {
		return refuse('malformed-jws', 'the jwk is not a P-256 public key', 'protected.jwk');
	}
	let verified: Uint8Array;
	try {
		verified = (await flattenedVerify(flattened, key, { algorithms: [BUNDLE_ALG] })).payload;
	} catch (error) {
		if (error instanceof errors.JWSSignatureVerificationFailed)
			return refuse(
				'invalid-signature',
				'the signature does not match header and payload',
				'signature'
			);
		return refuse('malformed-jws', error instanceof Error ? error.message : String(error));
	}

	let value: unknown;
	try {
		value = JSON.parse(utf8.decode(verified));
	} catch {
		return refuse('invalid-payload', 'the payload is not UTF-8 JSON', 'payload');
	}
	let canonical: Uint8Array;
	try {
		canonical = canonicalJson(value);
	} catch (error) {
		// A lone surrogate (I-JSON) has no canonical form.
		return refuse('non-canonical-payload', error instanceof Error ? error.message : String(error));
	}
	if (!sameBytes(verified, canonical))
		return refuse(
			'non-canonical-payload',
			'the payload bytes are not its RFC 8785 canonical form',
			'payload'
		);

	const parsed = BundlePayloadSchema.safeParse(value);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const path = issue.path.map(String);
		if (issue.code === 'unrecognized_keys') path.push(issue.keys[0]);
		return refuse('invalid-payload', issue.message, path.join('.'));
	}
	const amounts = checkBundleAmounts(parsed.data);
	if (amounts) return refuse(amounts.code, amounts.detail, amounts.field);

	return {
		ok: true,
		payload: parsed.data,
		digest: await bundleDigest(flattened),
		kid,
		jwk
	};
}

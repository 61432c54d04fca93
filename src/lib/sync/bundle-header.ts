import { z } from 'zod';
import { keyIdOf, type PublicJwk } from './signing-key';
import { BUNDLE_ALG, BUNDLE_TYP, type BundleProblemCode } from './protocol';

/** The JWS protected header of every bundle, exactly these four members (DESIGN.md). */
export type BundleHeader = {
	alg: typeof BUNDLE_ALG;
	typ: typeof BUNDLE_TYP;
	/** RFC 7638 thumbprint of `jwk`. */
	kid: string;
	/** The public key, so any JOSE library verifies without a key lookup. */
	jwk: PublicJwk;
};

/** The header for a key. Member order is fixed here; the digest depends on the header bytes. */
export async function bundleHeaderOf(publicJwk: PublicJwk): Promise<BundleHeader> {
	const { kty, crv, x, y } = publicJwk;
	const jwk: PublicJwk = { kty, crv, x, y };
	return { alg: BUNDLE_ALG, typ: BUNDLE_TYP, kid: await keyIdOf(jwk), jwk };
}

/** A P-256 coordinate is 32 bytes: 43 base64url characters. */
const coordinate = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'coordinate');

/**
 * Strict: no `crit`, `b64`, `x5u` or any member beyond the four, and a `jwk` with no private `d`.
 * A bundle's meaning must not depend on header parameters a receiver might not understand.
 */
const BundleHeaderSchema = z.strictObject({
	alg: z.literal(BUNDLE_ALG),
	typ: z.literal(BUNDLE_TYP),
	kid: z.string().min(1),
	jwk: z.strictObject({
		kty: z.literal('EC'),
		crv: z.literal('P-256'),
		x: coordinate,
		y: coordinate
	})
});

export type HeaderProblem = { code: BundleProblemCode; detail: string; field?: string };

export type HeaderCheck =
	{ ok: true; header: BundleHeader } | { ok: false; problem: HeaderProblem };

/**
 * Checks a decoded protected header before any signature is checked: its type, its algorithm, its
 * shape, that `kid` is the thumbprint of the embedded key (else a registered kid could front an
 * unregistered key), and, when the receiver gives its list, that the key is registered.
 */
export async function checkBundleHeader(
	header: unknown,
	options: { trustedKids?: readonly string[] } = {}
): Promise<HeaderCheck> {
	if (typeof header !== 'object' || header === null || Array.isArray(header))
		return fail('malformed-jws', 'the protected header is not a JSON object', 'protected');
	const { typ, alg } = header as Record<string, unknown>;
	if (typ !== BUNDLE_TYP)
		return fail(
			'invalid-header',
			`typ is ${JSON.stringify(typ)}, not "${BUNDLE_TYP}"`,
			'protected.typ'
		);
	if (alg !== BUNDLE_ALG)
		return fail(
			'invalid-header',
			`alg is ${JSON.stringify(alg)}, not "${BUNDLE_ALG}"`,
			'protected.alg'
		);
	const parsed = BundleHeaderSchema.safeParse(header);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const path = ['protected', ...issue.path.map(String)];
		if (issue.code === 'unrecognized_keys') path.push(issue.keys[0]);
		return fail('malformed-jws', `protected header: ${issue.message}`, path.join('.'));
	}
	const bundleHeader = parsed.data as BundleHeader;
	const thumbprint = await keyIdOf(bundleHeader.jwk);
	if (bundleHeader.kid !== thumbprint)
		return fail(
			'invalid-header',
			`kid ${bundleHeader.kid} is not the RFC 7638 thumbprint of the jwk (${thumbprint})`,
			'protected.kid'
		);
	if (options.trustedKids && !options.trustedKids.includes(bundleHeader.kid))
		return fail('unregistered-key', `kid ${bundleHeader.kid} is not registered`, 'protected.kid');
	return { ok: true, header: bundleHeader };
}

function fail(code: BundleProblemCode, detail: string, field: string): HeaderCheck {
	return { ok: false, problem: { code, detail, field } };
}

// Test helper: signs real bundles the way DESIGN.md says a device does, independently of the
// aggregator's own code (jose, canonicalize and WebCrypto only), so the tests check the server
// against the protocol and not against itself.
import canonicalize from 'canonicalize';
import { FlattenedSign, base64url, calculateJwkThumbprint } from 'jose';

export type PublicJwk = { kty: 'EC'; crv: 'P-256'; x: string; y: string };
export type Signer = { privateKey: CryptoKey; publicJwk: PublicJwk; kid: string };

export type Line = {
	sid: string;
	description: string;
	quantity: string;
	unitPrice: string;
	total: string;
	customerRef?: string;
	sku?: string;
	unit?: string;
	contractId?: string;
	creditReason?: string;
};

export type BundlePayload = {
	bundleId: string;
	revision: number;
	supersedes: string | null;
	kind?: 'regular' | 'adjustment' | 'zero-usage';
	partner: { id: string; name: string };
	aggregator: { id: string; name: string };
	program: { id: string; packVersion: string };
	period: string;
	createdAt: string;
	currency: string;
	lines: Line[];
	totals: { amount: string };
	findings: {
		ruleId: string;
		severity: 'blocking' | 'warning' | 'info';
		message: string;
		acknowledged?: { reasonCode: string; comment: string };
	}[];
	excludedRows?: { line: number; reason: string; cells: string[] }[];
	auditHead?: string;
	previousDigest: string | null;
};

export type Jws = { protected: string; payload: string; signature: string };
export type SignedBundle = { bundleId: string; jws: Jws; body: string; digest: string };

export const BUNDLE_TYP = 'partner-desk-bundle+jws';
export const PARTNER_ID = 'SP-4711';

/** A device key as the app makes it: ECDSA P-256, the private half not extractable. */
export async function createSigner(): Promise<Signer> {
	const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
		'sign',
		'verify'
	]);
	const { x, y } = await crypto.subtle.exportKey('jwk', pair.publicKey);
	const publicJwk: PublicJwk = { kty: 'EC', crv: 'P-256', x: x!, y: y! };
	return { privateKey: pair.privateKey, publicJwk, kid: await calculateJwkThumbprint(publicJwk) };
}

/**
 * A valid October report: figures from the sample data, including a half-even tie
 * (2.5 x 4.05 = 10.125 → 10.12; half-up would give 10.13).
 */
export function buildPayload(overrides: Partial<BundlePayload> = {}): BundlePayload {
	return {
		bundleId: crypto.randomUUID(),
		revision: 1,
		supersedes: null,
		partner: { id: PARTNER_ID, name: 'Muster IT-Services GmbH' },
		aggregator: { id: 'AGG-EXD-DE', name: 'Example Distribution GmbH' },
		program: { id: 'omnissa-sp', packVersion: '1.0.0' },
		period: '2026-10',
		createdAt: '2026-11-12T09:30:00.000Z',
		currency: 'EUR',
		lines: [
			{
				sid: 'SID-4711-HZN-01',
				description: 'Horizon Cloud pod, shared (EU-Central)',
				quantity: '1480',
				unitPrice: '12.35',
				total: '18278.00',
				customerRef: 'Alpenblick Hotelgruppe GmbH'
			},
			{
				sid: 'SID-4711-UEM-01',
				description: 'Workspace ONE UEM tenant, shared',
				quantity: '2.5',
				unitPrice: '4.05',
				total: '10.12',
				customerRef: 'Bäckerei Hüttner KG'
			}
		],
		totals: { amount: '18288.12' },
		findings: [
			{
				ruleId: 'report-late',
				severity: 'warning',
				message: 'The report is submitted after the 15th.',
				acknowledged: { reasonCode: 'portal-outage', comment: 'Commerce Portal export was down.' }
			}
		],
		previousDigest: null,
		...overrides
	};
}

/** base64url SHA-256 of the JWS signing input: the receipt digest and the next previousDigest. */
export async function digestOf(jws: { protected: string; payload: string }): Promise<string> {
	const input = new TextEncoder().encode(`${jws.protected}.${jws.payload}`);
	return base64url.encode(new Uint8Array(await crypto.subtle.digest('SHA-256', input)));
}

/**
 * Signs a payload as a flattened JWS. `payloadText` replaces the canonical bytes (to test a
 * non-canonical payload), `header` adds to or overrides the protected header.
 */
export async function signBundle(
	signer: Signer,
	payload: BundlePayload | Record<string, unknown>,
	options: { payloadText?: string; header?: Record<string, unknown> } = {}
): Promise<SignedBundle> {
	const text = options.payloadText ?? canonicalize(payload)!;
	const signed = await new FlattenedSign(new TextEncoder().encode(text))
		.setProtectedHeader({
			alg: 'ES256',
			typ: BUNDLE_TYP,
			kid: signer.kid,
			jwk: signer.publicJwk,
			...options.header
		})
		.sign(signer.privateKey);
	// jose types `protected` as optional (a JWS may have none); this one always has it.
	const jws: Jws = {
		protected: signed.protected!,
		payload: signed.payload,
		signature: signed.signature
	};
	return {
		bundleId: String(payload.bundleId),
		jws,
		body: JSON.stringify(jws),
		digest: await digestOf(jws)
	};
}

/** Signs a chain of `count` bundles, each naming the previous one's digest. */
export async function signChain(
	signer: Signer,
	count: number,
	first: string | null = null
): Promise<SignedBundle[]> {
	const chain: SignedBundle[] = [];
	let previousDigest = first;
	for (let index = 0; index < count; index += 1) {
		const bundle = await signBundle(signer, buildPayload({ previousDigest }));
		chain.push(bundle);
		previousDigest = bundle.digest;
	}
	return chain;
}

/** POST {url}/bundles as the app sends it; each option can break one part of the request. */
export function postBundle(
	url: string,
	bundle: { bundleId: string; body: string },
	options: { idempotencyKey?: string | null; token?: string; contentType?: string } = {}
): Promise<Response> {
	const headers: Record<string, string> = {
		'Content-Type': options.contentType ?? 'application/jose+json'
	};
	const key = options.idempotencyKey === undefined ? bundle.bundleId : options.idempotencyKey;
	if (key !== null) headers['Idempotency-Key'] = key;
	if (options.token !== undefined) headers.Authorization = `Bearer ${options.token}`;
	return fetch(`${url}/bundles`, { method: 'POST', headers, body: bundle.body });
}

/** The problem `type` URI of a code (DESIGN.md). */
export const problemType = (code: string) => `urn:partner-desk:problem:${code}`;

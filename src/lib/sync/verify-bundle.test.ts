import { base64url, FlattenedSign, type FlattenedJWS } from 'jose';
import { describe, expect, it } from 'vitest';
import type { BundlePayload } from './bundle-payload';
import { canonicalJson, canonicalText } from './canonical-json';
import { signBundle } from './sign-bundle';
import { createSigningKey, keyIdOf, toPublicJwk } from './signing-key';
import { smallPayload } from '../../../tests/helpers/sync';
import { verifyBundle, type BundleVerification } from './verify-bundle';

const key = await createSigningKey();
const other = await createSigningKey();
const payload = smallPayload();
const signed = await signBundle({ payload, ...key });
const header = { alg: 'ES256', typ: 'partner-desk-bundle+jws', kid: key.kid, jwk: key.publicJwk };

/** Signs any bytes under any header with jose: how a buggy or hostile sender would. */
function signRaw(
	bytes: Uint8Array,
	protectedHeader: Record<string, unknown> = header,
	privateKey: CryptoKey = key.privateKey
): Promise<FlattenedJWS> {
	return new FlattenedSign(bytes).setProtectedHeader(protectedHeader).sign(privateKey);
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** The refusal's code and field, or 'ok'. */
function outcome(result: BundleVerification) {
	return result.ok ? 'ok' : [result.problem.code, result.problem.field];
}

function codeOf(result: BundleVerification) {
	return result.ok ? 'ok' : result.problem.code;
}

/** `encoded` with byte `index` of its decoded bytes changed by `mask`, encoded again. */
function changeByte(encoded: string, index: number, mask: number): string {
	const bytes = Uint8Array.from(base64url.decode(encoded));
	bytes[index] ^= mask;
	return base64url.encode(bytes);
}

describe('verifyBundle accepts', () => {
	it('a bundle signed by signBundle, as an object or as the request body text', async () => {
		for (const body of [signed.jws, JSON.stringify(signed.jws)]) {
			const result = await verifyBundle(body, { trustedKids: [other.kid, key.kid] });
			expect(result).toEqual({
				ok: true,
				payload,
				digest: signed.digest,
				kid: key.kid,
				jwk: key.publicJwk
			});
		}
	});
});

describe('verifyBundle refuses any change of a single byte', () => {
	it('in the payload: every position, two ways each, is a bad signature', async () => {
		const length = base64url.decode(signed.jws.payload).length;
		expect(length).toBeGreaterThan(900);
		const codes = new Set<string>();
		for (let index = 0; index < length; index++) {
			for (const mask of [0x01, 0xa5]) {
				const jws = { ...signed.jws, payload: changeByte(signed.jws.payload, index, mask) };
				codes.add(codeOf(await verifyBundle(jws)));
			}
		}
		expect([...codes]).toEqual(['invalid-signature']);
		// About 2,000 ECDSA verifications: seconds on a loaded machine.
	}, 60_000);

	it('in the protected header: every position, two ways each, is refused', async () => {
		const length = base64url.decode(signed.jws.protected).length;
		const codes = new Set<string>();
		for (let index = 0; index < length; index++) {
			for (const mask of [0x01, 0xa5]) {
				const jws = { ...signed.jws, protected: changeByte(signed.jws.protected, index, mask) };
				codes.add(codeOf(await verifyBundle(jws)));
			}
		}
		// The header is checked before the signature, so each change is named for what it broke.
		expect([...codes].sort()).toEqual(['invalid-header', 'malformed-jws']);
	});

	it('in the signature: every position is a bad signature', async () => {
		const codes = new Set<string>();
		for (let index = 0; index < 64; index++) {
			const jws = { ...signed.jws, signature: changeByte(signed.jws.signature, index, 0x01) };
			codes.add(codeOf(await verifyBundle(jws)));
		}
		expect([...codes]).toEqual(['invalid-signature']);
	});
});

describe('verifyBundle refuses the key', () => {
	it('when kid is not the thumbprint of the embedded jwk (invalid-header, kid)', async () => {
		// A registered kid in front of another key: without the check it would pass as registered.
		const jws = await signRaw(canonicalJson(payload), { ...header, kid: other.kid });
		const result = await verifyBundle(jws, { trustedKids: [other.kid] });
		expect(outcome(result)).toEqual(['invalid-header', 'protected.kid']);
		expect(result.ok || result.problem.detail).toBe(
			`kid ${other.kid} is not the RFC 7638 thumbprint of the jwk (${key.kid})`
		);
	});

	it('when the kid is not registered (unregistered-key), and accepts it once it is', async () => {
		expect(outcome(await verifyBundle(signed.jws, { trustedKids: [other.kid] }))).toEqual([
			'unregistered-key',
			'protected.kid'
		]);
		expect(outcome(await verifyBundle(signed.jws, { trustedKids: [] }))).toEqual([
			'unregistered-key',
			'protected.kid'
		]);
		expect(outcome(await verifyBundle(signed.jws, { trustedKids: [key.kid] }))).toBe('ok');
	});

	it('when the embedded key is another key than the one that signed (invalid-signature)', async () => {
		const jws = await signRaw(canonicalJson(payload), {
			...header,
			kid: other.kid,
			jwk: other.publicJwk
		});
		expect(outcome(await verifyBundle(jws))).toEqual(['invalid-signature', 'signature']);
	});

	it('when the header carries a private key or a member beyond the four (malformed)', async () => {
		const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
			'sign',
			'verify'
		]);
		const privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
		const publicJwk = toPublicJwk(privateJwk);
		const leaking = await signRaw(
			canonicalJson(payload),
			{ ...header, kid: await keyIdOf(publicJwk), jwk: { ...publicJwk, d: privateJwk.d } },
			pair.privateKey
		);
		expect(outcome(await verifyBundle(leaking))).toEqual(['malformed-jws', 'protected.jwk.d']);
		const extra = await signRaw(canonicalJson(payload), { ...header, x5u: 'https://x.example' });
		expect(outcome(await verifyBundle(extra))).toEqual(['malformed-jws', 'protected.x5u']);
	});
});

describe('verifyBundle refuses the header type and algorithm', () => {
	it('another typ (invalid-header, typ)', async () => {
		for (const typ of ['JWT', 'jose+json', undefined]) {
			const jws = await signRaw(canonicalJson(payload), { ...header, typ });
			expect(outcome(await verifyBundle(jws))).toEqual(['invalid-header', 'protected.typ']);
		}
	});

	it('another alg, even a valid signature with it (wrong-alg)', async () => {
		const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-384' }, false, [
			'sign',
			'verify'
		]);
		const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
		const jws = await signRaw(
			canonicalJson(payload),
			{ ...header, alg: 'ES384', jwk: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y } },
			pair.privateKey
		);
		expect(outcome(await verifyBundle(jws))).toEqual(['invalid-header', 'protected.alg']);
		const none = {
			...signed.jws,
			protected: base64url.encode(JSON.stringify({ ...header, alg: 'none' }))
		};
		expect(outcome(await verifyBundle({ ...none, signature: 'AA' }))).toEqual([
			'invalid-header',
			'protected.alg'
		]);
	});
});

describe('verifyBundle refuses a body that is not a flattened JWS (malformed)', () => {
	it.each([
		['text that is not JSON', '{"protected":', undefined],
		['a compact JWS', 'a.b.c', undefined],
		['a member missing', { signature: undefined }, 'signature'],
		['an unprotected header', { header: { kid: 'x' } }, 'header'],
		['a member that is not base64url', { payload: 'e30=' }, 'payload']
	])('%s', async (_name, body, field) => {
		const jws = typeof body === 'string' ? body : { ...signed.jws, ...body };
		const result = await verifyBundle(jws);
		expect(codeOf(result)).toBe('malformed-jws');
		expect(result.ok || result.problem.field).toBe(field);
	});
});

describe('verifyBundle refuses a payload that is not exactly its canonical form', () => {
	const canonical = canonicalText(payload);
	it.each([
		['pretty-printed', JSON.stringify(JSON.parse(canonical), null, 2)],
		['in the order the builder wrote it', JSON.stringify(payload)],
		['with a trailing newline', `${canonical}\n`],
		['with the revision written 1.0', canonical.replace('"revision":1,', '"revision":1.0,')],
		['with an escaped character', canonical.replace('GmbH & Co. KG', 'GmbH \\u0026 Co. KG')],
		['with a member twice', canonical.replace('{', '{"bundleId":"x",')]
	])('%s, though signed (non-canonical-payload)', async (_name, text) => {
		expect(text).not.toBe(canonical);
		const jws = await signRaw(utf8(text));
		expect(outcome(await verifyBundle(jws))).toEqual(['non-canonical-payload', 'payload']);
	});

	it('with a byte order mark, or not UTF-8 (invalid-payload)', async () => {
		for (const bytes of [
			utf8(`\ufeff${canonical}`),
			Uint8Array.from([...utf8(canonical.slice(0, -1)), 0xff, 0x7d])
		]) {
			expect(outcome(await verifyBundle(await signRaw(bytes)))).toEqual([
				'invalid-payload',
				'payload'
			]);
		}
	});
});

describe('verifyBundle refuses a canonical payload that breaks the protocol', () => {
	async function verifyPayload(change: (copy: Record<string, unknown>) => void) {
		const copy = structuredClone(payload) as unknown as Record<string, unknown>;
		change(copy);
		return outcome(await verifyBundle(await signRaw(canonicalJson(copy))));
	}
	const lines = (copy: Record<string, unknown>) => copy.lines as Record<string, unknown>[];

	it('by its schema, naming the field (invalid-payload)', async () => {
		expect(await verifyPayload((c) => (lines(c)[1].total = 946.2))).toEqual([
			'invalid-payload',
			'lines.1.total'
		]);
		expect(await verifyPayload((c) => (lines(c)[0].quantity = '35,0'))).toEqual([
			'invalid-payload',
			'lines.0.quantity'
		]);
		expect(await verifyPayload((c) => (c.totals = { amount: '1817.7' }))).toEqual([
			'invalid-payload',
			'totals.amount'
		]);
		expect(await verifyPayload((c) => (c.note = 'hello'))).toEqual(['invalid-payload', 'note']);
		expect(await verifyPayload((c) => (c.kind = 'credit'))).toEqual(['invalid-payload', 'kind']);
		expect(
			await verifyPayload((c) => (c.supersedes = '9a4b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d'))
		).toEqual(['invalid-payload', 'supersedes']);
		expect(await verifyPayload((c) => (c.period = '2026-13'))).toEqual([
			'invalid-payload',
			'period'
		]);
		expect(await verifyPayload((c) => (c.createdAt = '2026-11-12 09:46'))).toEqual([
			'invalid-payload',
			'createdAt'
		]);
		expect(await verifyPayload((c) => (c.previousDigest = 'abc'))).toEqual([
			'invalid-payload',
			'previousDigest'
		]);
	});

	it('a report total that is not the sum of the line totals (totals-mismatch)', async () => {
		expect(await verifyPayload((c) => (c.totals = { amount: '1817.71' }))).toEqual([
			'totals-mismatch',
			'totals.amount'
		]);
	});

	it('a line total that is not quantity × unit price, half-even (line-total-mismatch)', async () => {
		const result = await verifyBundle(
			await signRaw(
				canonicalJson({
					...payload,
					lines: [payload.lines[0], { ...payload.lines[1], total: '946.21' }],
					totals: { amount: '1817.71' }
				} as BundlePayload)
			)
		);
		expect(result.ok || result.problem).toEqual({
			code: 'line-total-mismatch',
			field: 'lines.1.total',
			detail: 'line 1: 38 × 24.90 is 946.20, not 946.21'
		});
	});
});

describe('verifyBundle says what is wrong: code, words and field, exactly', () => {
	/** A JWS whose protected header is `text` (any bytes), with a signature that is never read. */
	const withHeader = (text: string) => ({
		protected: base64url.encode(text),
		payload: signed.jws.payload,
		signature: signed.jws.signature
	});
	const refused = (code: string, detail: string, field?: string) => ({
		ok: false,
		problem: field === undefined ? { code, detail } : { code, detail, field }
	});

	it('a body or header that is not JSON, or a header that is not an object', async () => {
		expect(await verifyBundle('{ not json')).toStrictEqual(
			refused('malformed-jws', 'the body is not JSON')
		);
		expect(await verifyBundle({ ...signed.jws, protected: 'e30' + '%' })).toMatchObject(
			refused('malformed-jws', expect.stringMatching(/^not a flattened JWS: /), 'protected')
		);
		expect(await verifyBundle(withHeader('{"typ":'))).toStrictEqual(
			refused('malformed-jws', 'the protected header is not base64url JSON', 'protected')
		);
		for (const notAnObject of ['[]', 'null', '"partner-desk-bundle+jws"', '5'])
			expect(await verifyBundle(withHeader(notAnObject))).toStrictEqual(
				refused('malformed-jws', 'the protected header is not a JSON object', 'protected')
			);
	});

	it('another typ, another alg, an unknown member, an unregistered key', async () => {
		const typ = await signRaw(canonicalJson(payload), { ...header, typ: 'JWT' });
		expect(await verifyBundle(typ)).toStrictEqual(
			refused('invalid-header', 'typ is "JWT", not "partner-desk-bundle+jws"', 'protected.typ')
		);
		const alg = withHeader(JSON.stringify({ ...header, alg: 'ES384' }));
		expect(await verifyBundle(alg)).toStrictEqual(
			refused('invalid-header', 'alg is "ES384", not "ES256"', 'protected.alg')
		);
		const extra = await signRaw(canonicalJson(payload), { ...header, x5u: 'https://x.example' });
		expect(await verifyBundle(extra)).toMatchObject(
			refused('malformed-jws', expect.stringMatching(/^protected header: .+/), 'protected.x5u')
		);
		expect(await verifyBundle(signed.jws, { trustedKids: [other.kid] })).toStrictEqual(
			refused('unregistered-key', `kid ${key.kid} is not registered`, 'protected.kid')
		);
	});

	it('an embedded key that is no point of P-256, named before any signature is checked', async () => {
		const jwk = { kty: 'EC', crv: 'P-256', x: 'A'.repeat(43), y: 'A'.repeat(43) } as const;
		const kid = await keyIdOf(jwk);
		expect(await verifyBundle(withHeader(JSON.stringify({ ...header, kid, jwk })))).toStrictEqual(
			refused('malformed-jws', 'the jwk is not a P-256 public key', 'protected.jwk')
		);
	});

	it('a signature of other bytes, a payload not JSON, a payload not in its canonical form', async () => {
		const forged = { ...signed.jws, signature: changeByte(signed.jws.signature, 0, 1) };
		expect(await verifyBundle(forged)).toStrictEqual(
			refused('invalid-signature', 'the signature does not match header and payload', 'signature')
		);
		expect(await verifyBundle(await signRaw(utf8('not json')))).toStrictEqual(
			refused('invalid-payload', 'the payload is not UTF-8 JSON', 'payload')
		);
		const spaced = utf8(JSON.stringify(JSON.parse(canonicalText(payload)), null, 1));
		expect(await verifyBundle(await signRaw(spaced))).toStrictEqual(
			refused(
				'non-canonical-payload',
				'the payload bytes are not its RFC 8785 canonical form',
				'payload'
			)
		);
		// A lone surrogate has no canonical form: the canonicaliser's own words, no field.
		const lone = await verifyBundle(await signRaw(utf8('["\\ud800"]')));
		expect(lone).toStrictEqual(refused('non-canonical-payload', expect.stringMatching(/./)));
	});
});

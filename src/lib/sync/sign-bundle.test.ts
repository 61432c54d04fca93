import { createHash } from 'node:crypto';
import {
	base64url,
	calculateJwkThumbprint,
	decodeProtectedHeader,
	flattenedVerify,
	importJWK
} from 'jose';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import { signBundle, signPayload } from './sign-bundle';
import { createSigningKey } from './signing-key';
import { BUNDLE_ID, octoberPayload, smallPayload } from '../../../tests/helpers/sync';
import { verifyBundle } from './verify-bundle';

const key = await createSigningKey();
const payload = octoberPayload();

describe('signBundle', () => {
	it('signs the October report so that jose verifies it with the embedded key', async () => {
		const signed = await signBundle({ payload, ...key });
		const header = decodeProtectedHeader(signed.jws);
		const verified = await flattenedVerify(
			signed.jws,
			await importJWK(header.jwk as JsonWebKey, 'ES256'),
			{ algorithms: ['ES256'] }
		);
		// The JWS payload is exactly the RFC 8785 bytes.
		expect(verified.payload).toEqual(canonicalJson(payload));
		const text = new TextDecoder().decode(verified.payload);
		expect(text).toContain('"totals":{"amount":"77220.34"}');
		expect(text).toContain(
			'"quantity":"-6","sid":"SID-4711-HZN-01","sku":"OSP-APP-PUB-CCU","total":"-67.20","unit":"Gleichzeitiger Benutzer","unitPrice":"11.20"'
		);
		expect(JSON.parse(text).lines).toHaveLength(46);
		expect(signed.bundleId).toBe(BUNDLE_ID);
	});

	it('writes the protected header {alg, typ, kid, jwk} and nothing else', async () => {
		const signed = await signBundle({ payload: smallPayload(), ...key });
		const headerText = new TextDecoder().decode(base64url.decode(signed.jws.protected));
		expect(headerText).toBe(
			JSON.stringify({
				alg: 'ES256',
				typ: 'partner-desk-bundle+jws',
				kid: key.kid,
				jwk: { kty: 'EC', crv: 'P-256', x: key.publicJwk.x, y: key.publicJwk.y }
			})
		);
		expect(signed.kid).toBe(await calculateJwkThumbprint(key.publicJwk, 'sha256'));
		expect(Object.keys(signed.jws).sort()).toEqual(['payload', 'protected', 'signature']);
		// ES256 signatures are r || s, 64 bytes (RFC 7518 section 3.4), not DER.
		expect(base64url.decode(signed.jws.signature)).toHaveLength(64);
	});

	it('signPayload makes the same JWS without the digest: the step the benchmark times', async () => {
		const alone = await signPayload({ payload, ...key });
		const bundle = await signBundle({ payload, ...key });
		expect(alone.kid).toBe(bundle.kid);
		expect([alone.jws.protected, alone.jws.payload]).toEqual([
			bundle.jws.protected,
			bundle.jws.payload
		]);
		const verified = await verifyBundle(alone.jws, { trustedKids: [key.kid] });
		expect(verified.ok && verified.digest).toBe(bundle.digest);
	});

	it('returns the digest of the signing input, as an independent SHA-256 computes it', async () => {
		const signed = await signBundle({ payload, ...key });
		const expected = createHash('sha256')
			.update(`${signed.jws.protected}.${signed.jws.payload}`, 'ascii')
			.digest('base64url');
		expect(signed.digest).toBe(expected);
		expect(signed.digest).toMatch(/^[A-Za-z0-9_-]{43}$/);
	});

	it('signs the same content twice with other signatures but the same digest', async () => {
		const [a, b] = await Promise.all([
			signBundle({ payload, ...key }),
			signBundle({ payload, ...key })
		]);
		expect(a.jws.signature).not.toBe(b.jws.signature);
		expect([a.jws.protected, a.jws.payload, a.digest]).toEqual([
			b.jws.protected,
			b.jws.payload,
			b.digest
		]);
	});

	it('round-trips through verifyBundle: same payload, digest and kid', async () => {
		const signed = await signBundle({ payload, ...key });
		const result = await verifyBundle(JSON.parse(JSON.stringify(signed.jws)), {
			trustedKids: [key.kid]
		});
		expect(result).toEqual({
			ok: true,
			payload,
			digest: signed.digest,
			kid: key.kid,
			jwk: key.publicJwk
		});
	});
});

import { createHash } from 'node:crypto';
import { calculateJwkThumbprint } from 'jose';
import { describe, expect, it } from 'vitest';
import { createSigningKey, keyIdOf, toPublicJwk } from './signing-key';

describe('createSigningKey', () => {
	it('makes a non-extractable ECDSA P-256 private key', async () => {
		const key = await createSigningKey({ now: new Date('2026-11-12T09:00:00Z') });
		expect(key.privateKey.type).toBe('private');
		expect(key.privateKey.extractable).toBe(false);
		expect(key.privateKey.algorithm).toEqual({ name: 'ECDSA', namedCurve: 'P-256' });
		expect(key.privateKey.usages).toEqual(['sign']);
		await expect(crypto.subtle.exportKey('jwk', key.privateKey)).rejects.toThrow();
		await expect(crypto.subtle.exportKey('pkcs8', key.privateKey)).rejects.toThrow();
		expect(key.createdAt).toBe('2026-11-12T09:00:00.000Z');
	});

	it('exports the public key as a JWK with kty, crv, x, y only, and its RFC 7638 kid', async () => {
		const key = await createSigningKey();
		expect(Object.keys(key.publicJwk).sort()).toEqual(['crv', 'kty', 'x', 'y']);
		expect(key.publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
		expect(key.publicJwk.x).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(key.publicJwk.y).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(key.kid).toBe(await calculateJwkThumbprint(key.publicJwk, 'sha256'));
		expect(key.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
	});

	it('makes a different key every time (one per device)', async () => {
		const [a, b] = await Promise.all([createSigningKey(), createSigningKey()]);
		expect(a.kid).not.toBe(b.kid);
	});
});

describe('keyIdOf', () => {
	it('hashes the required members in RFC 7638 order, whatever else the JWK carries', async () => {
		const jwk = {
			kty: 'EC',
			crv: 'P-256',
			x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
			y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0'
		} as const;
		// RFC 7638 section 3.2: the required members, sorted, no whitespace, SHA-256.
		const input = `{"crv":"P-256","kty":"EC","x":"${jwk.x}","y":"${jwk.y}"}`;
		const expected = createHash('sha256').update(input).digest('base64url');
		expect(await keyIdOf(jwk)).toBe(expected);
		expect(await keyIdOf(toPublicJwk({ ...jwk, key_ops: ['verify'], ext: true }))).toBe(expected);
	});

	it('toPublicJwk refuses a key that is not P-256', () => {
		expect(() => toPublicJwk({ kty: 'EC', crv: 'P-384', x: 'a', y: 'b' })).toThrow(
			'not a P-256 public key: {"kty":"EC","crv":"P-384"}'
		);
	});
});

import canonicalize from 'canonicalize';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningAggregator } from './server.js';
import {
	buildPayload,
	createSigner,
	digestOf,
	postBundle,
	problemType,
	signBundle,
	signChain,
	type Signer
} from './test-bundle.js';
import { SETUP_TIMEOUT, setUpAggregator, type TestAggregator } from './test-server.js';

const NOW = new Date('2026-11-13T08:00:00.000Z');

let test: TestAggregator;
let aggregator: RunningAggregator;
let signer: Signer;

beforeEach(async () => {
	test = await setUpAggregator({ options: { now: () => NOW } });
	aggregator = test.server;
	signer = test.signer;
}, SETUP_TIMEOUT);

afterEach(() => test.close());

/** What the aggregator holds, as the operator lists it. */
function listed() {
	return test.held();
}

describe('POST /bundles accepts', () => {
	it('a new bundle with 201 and the receipt {bundleId, receivedAt, digest}', async () => {
		const bundle = await signBundle(signer, buildPayload());
		const response = await postBundle(aggregator.url, bundle);
		expect(response.status).toBe(201);
		expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
		expect(await response.json()).toEqual({
			bundleId: bundle.bundleId,
			receivedAt: '2026-11-13T08:00:00.000Z',
			digest: bundle.digest
		});
		expect(bundle.digest).toMatch(/^[A-Za-z0-9_-]{43}$/);
	});

	it('a bundle signed with bare WebCrypto, without a JOSE library', async () => {
		// ES256 in JWS is WebCrypto's ECDSA output as is: r || s, 64 bytes (RFC 7518 §3.4).
		const encode = (text: string) => Buffer.from(text).toString('base64url');
		const payload = buildPayload();
		const header = {
			alg: 'ES256',
			typ: 'partner-desk-bundle+jws',
			kid: signer.kid,
			jwk: signer.publicJwk
		};
		const jws = {
			protected: encode(JSON.stringify(header)),
			payload: encode(canonicalize(payload)!)
		};
		const signature = await crypto.subtle.sign(
			{ name: 'ECDSA', hash: 'SHA-256' },
			signer.privateKey,
			new TextEncoder().encode(`${jws.protected}.${jws.payload}`)
		);
		const body = JSON.stringify({
			...jws,
			signature: Buffer.from(signature).toString('base64url')
		});
		const response = await postBundle(aggregator.url, { bundleId: payload.bundleId, body });
		expect(response.status).toBe(201);
		expect((await response.json()).digest).toBe(await digestOf(jws));
	});

	it('an exact repeat with 200 and the same receipt, also after later bundles', async () => {
		const [first, second] = await signChain(signer, 2);
		const receipt = await (await postBundle(aggregator.url, first)).json();
		expect((await postBundle(aggregator.url, second)).status).toBe(201);
		const repeat = await postBundle(aggregator.url, first);
		expect(repeat.status).toBe(200);
		expect(await repeat.json()).toEqual(receipt);
		expect(await listed()).toHaveLength(2);
	});

	it('the same payload signed again (ECDSA signatures differ) as a repeat', async () => {
		const payload = buildPayload();
		const once = await signBundle(signer, payload);
		const again = await signBundle(signer, payload);
		expect(again.jws.signature).not.toBe(once.jws.signature);
		expect((await postBundle(aggregator.url, once)).status).toBe(201);
		expect((await postBundle(aggregator.url, again)).status).toBe(200);
	});

	it('a chain of 3 in order, listed by GET /bundles in acceptance order', async () => {
		const token = await test.issueToken();
		const chain = await signChain(signer, 3);
		for (const bundle of chain)
			expect((await postBundle(aggregator.url, bundle, { token })).status).toBe(201);
		const response = await fetch(`${aggregator.url}/bundles`, {
			headers: { Authorization: `Bearer ${token}` }
		});
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({
			bundles: chain.map((bundle) => ({
				bundleId: bundle.bundleId,
				revision: 1,
				period: '2026-10',
				supersedes: null,
				partnerId: 'SP-4711',
				receivedAt: NOW.toISOString(),
				digest: bundle.digest
			})),
			next: null
		});
	});

	it('a correction that keeps the period and raises the revision', async () => {
		const original = await signBundle(signer, buildPayload());
		const correction = await signBundle(
			signer,
			buildPayload({
				revision: 2,
				supersedes: original.bundleId,
				previousDigest: original.digest
			})
		);
		await postBundle(aggregator.url, original);
		expect((await postBundle(aggregator.url, correction)).status).toBe(201);
		expect((await listed())[1]).toMatchObject({ revision: 2, supersedes: original.bundleId });
	});

	it('an adjustment report (kind) for late usage', async () => {
		const bundle = await signBundle(signer, buildPayload({ kind: 'adjustment' }));
		expect((await postBundle(aggregator.url, bundle)).status).toBe(201);
	});

	it('a zero-usage report with line words and excluded rows, its kind kept in the index', async () => {
		const bundle = await signBundle(
			signer,
			buildPayload({
				kind: 'zero-usage',
				lines: [
					{
						sid: 'SID-4711-HZN-01',
						description: 'Horizon Cloud pod, shared (EU-Central)',
						quantity: '0',
						unitPrice: '12.35',
						total: '0.00',
						sku: 'HZN-SHARED-EU',
						unit: 'named user',
						contractId: 'C-2026-0042'
					}
				],
				totals: { amount: '0.00' },
				excludedRows: [{ line: 4, reason: 'test tenant', cells: ['SID-TEST', '3'] }]
			})
		);
		expect((await postBundle(aggregator.url, bundle)).status).toBe(201);
		expect(await listed()).toEqual([expect.objectContaining({ kind: 'zero-usage' })]);
	});

	it('Content-Type with parameters and the typ spelled as a full media type (RFC 7515 §4.1.9)', async () => {
		const bundle = await signBundle(signer, buildPayload(), {
			header: { typ: 'application/Partner-Desk-Bundle+JWS' }
		});
		const response = await postBundle(aggregator.url, bundle, {
			contentType: 'application/JOSE+json; charset=utf-8'
		});
		expect(response.status).toBe(201);
	});

	it('an Idempotency-Key written as a quoted structured-field string', async () => {
		const bundle = await signBundle(signer, buildPayload());
		const response = await postBundle(aggregator.url, bundle, {
			idempotencyKey: `"${bundle.bundleId}"`
		});
		expect(response.status).toBe(201);
	});

	it('exactly one of two concurrent sends that claim the same chain position', async () => {
		const [a, b] = await Promise.all([
			signBundle(signer, buildPayload()),
			signBundle(signer, buildPayload())
		]);
		const statuses = await Promise.all([
			postBundle(aggregator.url, a).then((r) => r.status),
			postBundle(aggregator.url, b).then((r) => r.status)
		]);
		expect(statuses.sort()).toEqual([201, 409]);
		expect(await listed()).toHaveLength(1);
	});
});

describe('POST /bundles refuses', () => {
	async function expectProblem(response: Response, status: number, code: string) {
		expect(response.status).toBe(status);
		expect(response.headers.get('Content-Type')).toBe('application/problem+json');
		const body = (await response.json()) as Record<string, unknown>;
		expect(body).toMatchObject({ type: problemType(code), status });
		expect(typeof body.title).toBe('string');
		expect(typeof body.detail).toBe('string');
		return body;
	}

	it('the same bundleId with other content: 409 conflict', async () => {
		const payload = buildPayload();
		await postBundle(aggregator.url, await signBundle(signer, payload));
		const changed = await signBundle(signer, { ...payload, currency: 'USD' });
		await expectProblem(await postBundle(aggregator.url, changed), 409, 'conflict');
	});

	it('a gap in the chain: 409 chain-gap naming the expected previousDigest', async () => {
		const [first, , third] = await signChain(signer, 3);
		await postBundle(aggregator.url, first);
		const body = await expectProblem(await postBundle(aggregator.url, third), 409, 'chain-gap');
		expect(body).toMatchObject({ field: 'previousDigest', expected: first.digest });
	});

	it('a first bundle that claims a predecessor: 409 chain-gap', async () => {
		const bundle = await signBundle(signer, buildPayload({ previousDigest: 'A'.repeat(43) }));
		const body = await expectProblem(await postBundle(aggregator.url, bundle), 409, 'chain-gap');
		expect(body.expected).toBeNull();
	});

	it('an unregistered key: 403 saying how to register it, with its thumbprint', async () => {
		const stranger = await createSigner();
		const bundle = await signBundle(stranger, buildPayload());
		const body = await expectProblem(
			await postBundle(aggregator.url, bundle),
			403,
			'unregistered-key'
		);
		expect(body).toMatchObject({ kid: stranger.kid, partnerId: 'SP-4711' });
		expect(body.detail).toContain(`keys add --partner SP-4711 key.jwk`);
		expect(body.detail).toContain(stranger.kid);
	});

	it('a key registered for another partner: 403, keys are per partner', async () => {
		const payload = buildPayload({ partner: { id: 'SP-0815', name: 'Other GmbH' } });
		await expectProblem(
			await postBundle(aggregator.url, await signBundle(signer, payload)),
			403,
			'unregistered-key'
		);
	});

	it('a missing Idempotency-Key: 400', async () => {
		const bundle = await signBundle(signer, buildPayload());
		const response = await postBundle(aggregator.url, bundle, { idempotencyKey: null });
		await expectProblem(response, 400, 'missing-idempotency-key');
	});

	it('an Idempotency-Key other than the bundleId: 422', async () => {
		const bundle = await signBundle(signer, buildPayload());
		const other = crypto.randomUUID();
		const response = await postBundle(aggregator.url, bundle, { idempotencyKey: other });
		const body = await expectProblem(response, 422, 'idempotency-key-mismatch');
		expect(body.expected).toBe(bundle.bundleId);
	});

	it('a wrong media type: 415', async () => {
		const bundle = await signBundle(signer, buildPayload());
		const response = await postBundle(aggregator.url, bundle, { contentType: 'application/json' });
		await expectProblem(response, 415, 'unsupported-media-type');
	});

	it('a payload that is not RFC 8785 canonical (signed with spaces): 422 non-canonical-payload', async () => {
		const payload = buildPayload();
		const bundle = await signBundle(signer, payload, {
			payloadText: JSON.stringify(payload, null, 1)
		});
		await expectProblem(await postBundle(aggregator.url, bundle), 422, 'non-canonical-payload');
	});

	it('a payload with its keys out of order: 422 non-canonical-payload', async () => {
		const payload = buildPayload();
		const bundle = await signBundle(signer, payload, { payloadText: JSON.stringify(payload) });
		await expectProblem(await postBundle(aggregator.url, bundle), 422, 'non-canonical-payload');
	});

	it.each([
		['payload', 'payload'],
		['signature', 'signature']
	] as const)('any changed byte of the %s: 422 invalid-signature', async (_name, member) => {
		const bundle = await signBundle(signer, buildPayload());
		const text = bundle.jws[member];
		// A character in the middle: the last one of a base64url string may only carry padding bits.
		const at = Math.floor(text.length / 2);
		const flipped = text[at] === 'A' ? 'B' : 'A';
		const jws = { ...bundle.jws, [member]: text.slice(0, at) + flipped + text.slice(at + 1) };
		const tampered = { ...bundle, body: JSON.stringify(jws) };
		const body = await expectProblem(
			await postBundle(aggregator.url, tampered),
			422,
			'invalid-signature'
		);
		expect(body.kid).toBe(signer.kid);
	});

	it('a line total that is not quantity x unit price half-even: 422 line-total-mismatch', async () => {
		const payload = buildPayload();
		// 2.5 x 4.05 = 10.125: half-up would write 10.13, the protocol rounds half-even to 10.12.
		payload.lines[1] = { ...payload.lines[1], total: '10.13' };
		payload.totals = { amount: '18288.13' };
		const body = await expectProblem(
			await postBundle(aggregator.url, await signBundle(signer, payload)),
			422,
			'line-total-mismatch'
		);
		expect(body).toMatchObject({ field: 'lines[1].total', value: '10.13', expected: '10.12' });
	});

	it('totals.amount other than the sum of the line totals: 422 totals-mismatch', async () => {
		const payload = buildPayload({ totals: { amount: '18288.13' } });
		const body = await expectProblem(
			await postBundle(aggregator.url, await signBundle(signer, payload)),
			422,
			'totals-mismatch'
		);
		expect(body).toMatchObject({ field: 'totals.amount', expected: '18288.12' });
	});

	it.each([
		['a total without exactly 2 decimals', { totals: { amount: '18288.120' } }, 'totals.amount'],
		['an amount as a JSON number', { totals: { amount: 18288.12 } }, 'totals.amount'],
		['a field the protocol does not name', { note: 'hi' }, 'note'],
		['a bad period', { period: '2026-13' }, 'period'],
		['revision 2 without supersedes', { revision: 2 }, 'supersedes'],
		['an unknown kind', { kind: 'credit' }, 'kind']
	])('%s: 422 invalid-payload naming the field', async (_name, change, field) => {
		const payload = { ...buildPayload(), ...change };
		const body = await expectProblem(
			await postBundle(aggregator.url, await signBundle(signer, payload)),
			422,
			'invalid-payload'
		);
		expect(body.field).toBe(field);
	});

	it('a correction for another period: 422 supersedes-mismatch', async () => {
		const original = await signBundle(signer, buildPayload());
		await postBundle(aggregator.url, original);
		const correction = buildPayload({
			revision: 2,
			supersedes: original.bundleId,
			period: '2026-09',
			previousDigest: original.digest
		});
		const body = await expectProblem(
			await postBundle(aggregator.url, await signBundle(signer, correction)),
			422,
			'supersedes-mismatch'
		);
		expect(body).toMatchObject({ field: 'period', expected: '2026-10' });
	});

	it.each([
		['typ', { typ: 'JWT' }, 'protected.typ'],
		['kid', { kid: 'not-the-thumbprint' }, 'protected.kid'],
		['an extra header parameter', { cty: 'json' }, 'protected.cty']
	])('a protected header with a wrong %s: 422 invalid-header', async (_name, header, field) => {
		const bundle = await signBundle(signer, buildPayload(), { header });
		const body = await expectProblem(
			await postBundle(aggregator.url, bundle),
			422,
			'invalid-header'
		);
		expect(body.field).toBe(field);
	});

	it.each(['ES384', 'none', 'HS256'])('alg %s: 422 invalid-header', async (alg) => {
		// jose will not sign ES384 with a P-256 key, so the header is swapped after signing: the
		// header is checked before the signature.
		const bundle = await signBundle(signer, buildPayload());
		const header = JSON.parse(Buffer.from(bundle.jws.protected, 'base64url').toString('utf8'));
		const jws = {
			...bundle.jws,
			protected: Buffer.from(JSON.stringify({ ...header, alg })).toString('base64url')
		};
		const body = await expectProblem(
			await postBundle(aggregator.url, { ...bundle, body: JSON.stringify(jws) }),
			422,
			'invalid-header'
		);
		expect(body.field).toBe('protected.alg');
	});

	it('a private key in the jwk header: 422 invalid-header', async () => {
		const jwk = { ...signer.publicJwk, d: 'A'.repeat(43) };
		const bundle = await signBundle(signer, buildPayload(), { header: { jwk } });
		const body = await expectProblem(
			await postBundle(aggregator.url, bundle),
			422,
			'invalid-header'
		);
		expect(body.detail).toContain('private key');
	});

	it('a body that is not a flattened JWS: 400 malformed-jws', async () => {
		const bundleId = crypto.randomUUID();
		const response = await postBundle(aggregator.url, { bundleId, body: '{"payload":"e30"}' });
		await expectProblem(response, 400, 'malformed-jws');
	});

	it('a bundle to another aggregator when the aggregator id is set: 422 wrong-aggregator', async () => {
		aggregator = await test.restart({ aggregatorId: 'AGG-OTHER' });
		const bundle = await signBundle(signer, buildPayload());
		const body = await expectProblem(
			await postBundle(aggregator.url, bundle),
			422,
			'wrong-aggregator'
		);
		expect(body.expected).toBe('AGG-OTHER');
	});
});

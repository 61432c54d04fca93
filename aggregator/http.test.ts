import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningAggregator } from './server.js';
import {
	buildPayload,
	createSigner,
	PARTNER_ID,
	postBundle,
	problemType,
	signBundle,
	type Signer
} from './test-bundle.js';
import {
	operate,
	SETUP_TIMEOUT,
	setUpAggregator,
	sql,
	type AggregatorOptions,
	type TestAggregator
} from './test-server.js';

const ORIGIN = 'https://desk.partner.example';
const NOW = '2026-11-13T08:00:00.000Z';

let test: TestAggregator;
let aggregator: RunningAggregator;
let signer: Signer;

beforeEach(async () => {
	test = await setUpAggregator({ options: { maxBodyBytes: 64 * 1024 } });
	aggregator = test.server;
	signer = test.signer;
}, SETUP_TIMEOUT);

afterEach(() => test.close());

async function restart(options: Partial<AggregatorOptions>) {
	aggregator = await test.restart(options);
}

/** A browser's preflight for the app's POST from `origin`. */
function preflight(origin: string, privateNetwork = false) {
	return fetch(`${aggregator.url}/bundles`, {
		method: 'OPTIONS',
		headers: {
			Origin: origin,
			'Access-Control-Request-Method': 'POST',
			'Access-Control-Request-Headers': 'authorization,content-type,idempotency-key',
			...(privateNetwork ? { 'Access-Control-Request-Private-Network': 'true' } : {})
		}
	});
}

/** GET /bundles with a bearer token, as "Test connection" asks. */
const list = (token?: string) =>
	fetch(`${aggregator.url}/bundles`, {
		headers: token === undefined ? {} : { Authorization: `Bearer ${token}` }
	});

describe('CORS for the browser app', () => {
	it('answers a preflight from any origin with exactly the allowed methods and headers', async () => {
		const response = await preflight(ORIGIN);
		expect(response.status).toBe(204);
		expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
		expect(response.headers.get('Access-Control-Allow-Methods')).toBe('GET,POST,OPTIONS');
		expect(response.headers.get('Access-Control-Allow-Headers')).toBe(
			'Content-Type,Idempotency-Key,Authorization'
		);
		expect(response.headers.get('Access-Control-Max-Age')).toBe('600');
	});

	it('exposes Retry-After, so the app can wait what a busy aggregator asks', async () => {
		const response = await list();
		const origin = await fetch(`${aggregator.url}/bundles`, { headers: { Origin: ORIGIN } });
		expect(response.status).toBe(401);
		expect(origin.headers.get('Access-Control-Expose-Headers')).toBe('Retry-After');
	});

	it('grants the private network preflight to no page unless its origin is allowed', async () => {
		const open = await preflight(ORIGIN, true);
		expect(open.headers.get('Access-Control-Allow-Private-Network')).toBeNull();

		await restart({ allowOrigins: [ORIGIN] });
		const allowed = await preflight(ORIGIN, true);
		expect(allowed.headers.get('Access-Control-Allow-Origin')).toBe(ORIGIN);
		expect(allowed.headers.get('Access-Control-Allow-Private-Network')).toBe('true');
		const other = await preflight('https://evil.example', true);
		expect(other.headers.get('Access-Control-Allow-Origin')).toBeNull();
		expect(other.headers.get('Access-Control-Allow-Private-Network')).toBeNull();
	});

	it('in demo mode allows no web page at all unless --allow-origin names it', async () => {
		await restart({ demo: true });
		const anyPage = await preflight(ORIGIN, true);
		expect(anyPage.headers.get('Access-Control-Allow-Origin')).toBeNull();
		expect(anyPage.headers.get('Access-Control-Allow-Private-Network')).toBeNull();

		await restart({ demo: true, allowOrigins: ['http://127.0.0.1:4173'] });
		const app = await preflight('http://127.0.0.1:4173');
		expect(app.headers.get('Access-Control-Allow-Origin')).toBe('http://127.0.0.1:4173');
		expect(app.headers.get('Vary')).toContain('Origin');
	});

	it('refuses a request from another origin even if the browser skipped the preflight', async () => {
		await restart({ demo: true, allowOrigins: ['http://127.0.0.1:4173'] });
		const bundle = await signBundle(await createSigner(), buildPayload());
		const response = await fetch(`${aggregator.url}/bundles`, {
			method: 'POST',
			headers: {
				Origin: 'https://evil.example',
				'Content-Type': 'application/jose+json',
				'Idempotency-Key': bundle.bundleId
			},
			body: bundle.body
		});
		expect(response.status).toBe(403);
		expect(await response.json()).toMatchObject({ type: problemType('origin-not-allowed') });
		expect(await test.heldIds()).toEqual([]);
		expect(await operate(test, (operator) => operator.keys.list())).toHaveLength(1);
	});

	it('lets the page read receipts and problems alike', async () => {
		const bundle = await signBundle(signer, buildPayload());
		const created = await postBundle(aggregator.url, bundle);
		expect(created.status).toBe(201);
		expect(created.headers.get('Access-Control-Allow-Origin')).toBe('*');
		const refused = await postBundle(aggregator.url, bundle, { token: 'wrong' });
		expect(refused.status).toBe(401);
		expect(refused.headers.get('Access-Control-Allow-Origin')).toBe('*');
	});

	it('refuses an allowed origin that is not an origin', async () => {
		await expect(test.restart({ allowOrigins: ['http://127.0.0.1:4173/'] })).rejects.toThrow(
			/allowOrigin must be an origin/
		);
	});
});

describe('bearer tokens belong to one partner', () => {
	it('GET /bundles lists only the bundles of the partner the token belongs to', async () => {
		const token = await test.issueToken();
		const otherSigner = await createSigner();
		await test.registerKey(otherSigner, 'SP-9999');
		const ours = await signBundle(signer, buildPayload());
		const theirs = await signBundle(
			otherSigner,
			buildPayload({ partner: { id: 'SP-9999', name: 'Andere GmbH' } })
		);
		expect((await postBundle(aggregator.url, ours, { token })).status).toBe(201);
		expect((await postBundle(aggregator.url, theirs)).status).toBe(201);

		const response = await list(token);
		expect(response.status).toBe(200);
		const { bundles } = (await response.json()) as { bundles: { bundleId: string }[] };
		expect(bundles.map((bundle) => bundle.bundleId)).toEqual([ours.bundleId]);
		// The operator sees both.
		expect(await test.heldIds()).toEqual([ours.bundleId, theirs.bundleId]);
	});

	it('GET /bundles without a token, or with one never issued or revoked: 401', async () => {
		const { id, token } = await operate(test, (operator) =>
			operator.tokens.issue({ partnerId: PARTNER_ID, issuedAt: NOW })
		);
		for (const wrong of [undefined, 'wrong', `${token}x`]) {
			const response = await list(wrong);
			expect(response.status).toBe(401);
			expect(response.headers.get('WWW-Authenticate')).toBe('Bearer');
			expect(await response.json()).toMatchObject({ type: problemType('unauthorized') });
		}
		expect((await list(token)).status).toBe(200);
		await operate(test, (operator) => operator.tokens.revoke({ partnerId: PARTNER_ID, id }));
		expect((await list(token)).status).toBe(401);
	});

	it('keeps only the hash of a token in the database', async () => {
		const token = await test.issueToken();
		const rows = await sql(
			test,
			"SELECT partner_id, id, encode(sha256, 'hex') AS sha256 FROM tokens"
		);
		expect(rows).toEqual([
			{
				partner_id: PARTNER_ID,
				id: expect.stringMatching(/^[0-9a-f]{8}$/),
				sha256: createHash('sha256').update(token).digest('hex')
			}
		]);
		expect(JSON.stringify(rows)).not.toContain(token.slice(4, 20));
	});

	it("a partner with a token must send it; another partner's token is refused", async () => {
		const token = await test.issueToken();
		const otherToken = await test.issueToken('SP-9999');
		const bundle = await signBundle(signer, buildPayload());
		const without = await postBundle(aggregator.url, bundle);
		expect(without.status).toBe(401);
		expect(without.headers.get('WWW-Authenticate')).toBe('Bearer');
		const foreign = await postBundle(aggregator.url, bundle, { token: otherToken });
		expect(foreign.status).toBe(403);
		expect(await foreign.json()).toMatchObject({ type: problemType('token-partner-mismatch') });
		expect(await test.heldIds()).toEqual([]);
		expect((await postBundle(aggregator.url, bundle, { token })).status).toBe(201);
	});

	it('GET /bundles pages: limit and the next cursor, in acceptance order, the partner only', async () => {
		const token = await test.issueToken();
		const other = await createSigner();
		await test.registerKey(other, 'SP-9999');
		const ours: string[] = [];
		let previousDigest: string | null = null;
		for (let index = 0; index < 5; index += 1) {
			const bundle = await signBundle(signer, buildPayload({ previousDigest }));
			expect((await postBundle(aggregator.url, bundle, { token })).status).toBe(201);
			ours.push(bundle.bundleId);
			previousDigest = bundle.digest;
			// Another partner's bundle between each of ours: never on our pages.
			const theirs = await signBundle(
				other,
				buildPayload({
					partner: { id: 'SP-9999', name: 'Andere GmbH' },
					aggregator: { id: `AGG-${index}`, name: 'Other' }
				})
			);
			expect((await postBundle(aggregator.url, theirs)).status).toBe(201);
		}
		const pages: string[][] = [];
		let query = '?limit=2';
		for (;;) {
			const response = await fetch(`${aggregator.url}/bundles${query}`, {
				headers: { Authorization: `Bearer ${token}` }
			});
			const page = (await response.json()) as {
				bundles: { bundleId: string }[];
				next: string | null;
			};
			pages.push(page.bundles.map((bundle) => bundle.bundleId));
			if (page.next === null) break;
			query = `?limit=2&after=${page.next}`;
		}
		expect(pages).toEqual([ours.slice(0, 2), ours.slice(2, 4), ours.slice(4)]);
		// Without a limit, up to 1000 on one page.
		const all = await (await list(token)).json();
		expect(all.bundles.map((bundle: { bundleId: string }) => bundle.bundleId)).toEqual(ours);
		expect(all.next).toBeNull();
	});

	it.each([
		['limit=0', 'limit'],
		['limit=1001', 'limit'],
		['limit=ten', 'limit'],
		['after=abc', 'after']
	])('GET /bundles?%s: 400 invalid-query naming the parameter', async (query, field) => {
		const token = await test.issueToken();
		const response = await fetch(`${aggregator.url}/bundles?${query}`, {
			headers: { Authorization: `Bearer ${token}` }
		});
		expect(response.status).toBe(400);
		expect(await response.json()).toMatchObject({ type: problemType('invalid-query'), field });
	});

	it('accepts the scheme in any case (RFC 9110 §11.1)', async () => {
		const token = await test.issueToken();
		const response = await fetch(`${aggregator.url}/bundles`, {
			headers: { Authorization: `bearer ${token}` }
		});
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ bundles: [], next: null });
	});
});

describe('other requests', () => {
	it('answers unknown paths with 404 and other methods on /bundles with 405, as problems', async () => {
		const missing = await fetch(`${aggregator.url}/reports`);
		expect(missing.status).toBe(404);
		expect(await missing.json()).toMatchObject({ type: problemType('not-found') });
		const wrong = await fetch(`${aggregator.url}/bundles`, { method: 'DELETE' });
		expect(wrong.status).toBe(405);
		expect(wrong.headers.get('Allow')).toBe('GET, POST, OPTIONS');
		expect(await wrong.json()).toMatchObject({ type: problemType('method-not-allowed') });
	});

	it('refuses a body over the size limit with 413', async () => {
		const payload = buildPayload({
			findings: [{ ruleId: 'report-late', severity: 'info', message: 'x'.repeat(70_000) }]
		});
		const large = await signBundle(signer, payload);
		const response = await postBundle(aggregator.url, large);
		expect(response.status).toBe(413);
		expect(await response.json()).toMatchObject({ type: problemType('payload-too-large') });
	});
});

import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAggregator, type RunningAggregator } from './server.js';
import {
	buildPayload,
	createSigner,
	makeDataDir,
	postBundle,
	problemType,
	registerKey,
	signBundle,
	type Signer
} from './test-bundle.js';

const TOKEN = 'agg-token-4711';
const ORIGIN = 'https://desk.partner.example';

let dataDir: string;
let aggregator: RunningAggregator;
let signer: Signer;

beforeEach(async () => {
	dataDir = await makeDataDir();
	signer = await createSigner();
	await registerKey(dataDir, signer);
	aggregator = await startAggregator({ port: 0, dataDir, token: TOKEN, maxBodyBytes: 64 * 1024 });
});

afterEach(async () => {
	await aggregator.close();
	await rm(dataDir, { recursive: true, force: true });
});

describe('CORS for the browser app', () => {
	it('answers a preflight from any origin with exactly the allowed methods and headers', async () => {
		const response = await fetch(`${aggregator.url}/bundles`, {
			method: 'OPTIONS',
			headers: {
				Origin: ORIGIN,
				'Access-Control-Request-Method': 'POST',
				'Access-Control-Request-Headers': 'authorization,content-type,idempotency-key'
			}
		});
		expect(response.status).toBe(204);
		expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
		expect(response.headers.get('Access-Control-Allow-Methods')).toBe('GET,POST,OPTIONS');
		expect(response.headers.get('Access-Control-Allow-Headers')).toBe(
			'Content-Type,Idempotency-Key,Authorization'
		);
		expect(response.headers.get('Access-Control-Max-Age')).toBe('600');
	});

	it("allows Chrome's private network preflight to the loopback aggregator", async () => {
		const response = await fetch(`${aggregator.url}/bundles`, {
			method: 'OPTIONS',
			headers: {
				Origin: ORIGIN,
				'Access-Control-Request-Method': 'POST',
				'Access-Control-Request-Private-Network': 'true'
			}
		});
		expect(response.headers.get('Access-Control-Allow-Private-Network')).toBe('true');
	});

	it('lets the page read receipts and problems alike', async () => {
		const bundle = await signBundle(signer, buildPayload());
		const created = await postBundle(aggregator.url, bundle, { token: TOKEN });
		expect(created.status).toBe(201);
		expect(created.headers.get('Access-Control-Allow-Origin')).toBe('*');
		const refused = await postBundle(aggregator.url, bundle, { token: 'wrong' });
		expect(refused.status).toBe(401);
		expect(refused.headers.get('Access-Control-Allow-Origin')).toBe('*');
	});
});

describe('bearer token', () => {
	it('refuses a POST without or with a wrong token: 401 with WWW-Authenticate', async () => {
		const bundle = await signBundle(signer, buildPayload());
		for (const token of [undefined, 'wrong', `${TOKEN}x`]) {
			const response = await postBundle(aggregator.url, bundle, { token });
			expect(response.status).toBe(401);
			expect(response.headers.get('WWW-Authenticate')).toBe('Bearer');
			expect(await response.json()).toMatchObject({
				type: problemType('unauthorized'),
				status: 401
			});
		}
		expect((await postBundle(aggregator.url, bundle, { token: TOKEN })).status).toBe(201);
	});

	it('protects GET /bundles as well', async () => {
		expect((await fetch(`${aggregator.url}/bundles`)).status).toBe(401);
		const response = await fetch(`${aggregator.url}/bundles`, {
			headers: { Authorization: `bearer ${TOKEN}` }
		});
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ bundles: [] });
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
		const response = await postBundle(aggregator.url, large, { token: TOKEN });
		expect(response.status).toBe(413);
		expect(await response.json()).toMatchObject({ type: problemType('payload-too-large') });
	});
});

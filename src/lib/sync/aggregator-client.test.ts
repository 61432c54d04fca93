import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { postBundle, RECEIPT_MISMATCH, retryAfterMs, testConnection } from './aggregator-client';

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** A real HTTP server on a free port that answers as `handler` says. */
async function serve(handler: Handler): Promise<string> {
	server = createServer((request, response) => {
		let body = '';
		request.on('data', (chunk) => (body += chunk));
		request.on('end', () => handler(request, body, response));
	});
	await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
	return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

function json(response: ServerResponse, status: number, body: unknown, type = 'application/json') {
	response.writeHead(status, { 'Content-Type': type });
	response.end(JSON.stringify(body));
}

const bundleId = '6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e';
const jws = { protected: 'eyJhbGciOiJFUzI1NiJ9', payload: 'e30', signature: 'c2ln' };
const digest = 'abc_-';
const receipt = { bundleId, receivedAt: '2026-11-12T10:00:00.000Z', digest };

describe('postBundle', () => {
	it('sends the JWS with its Idempotency-Key and token, and takes the receipt', async () => {
		let seen: { headers: IncomingMessage['headers']; body: string; url?: string } | undefined;
		const endpoint = await serve((request, body, response) => {
			seen = { headers: request.headers, body, url: request.url };
			json(response, 201, receipt);
		});
		const outcome = await postBundle({
			target: { endpoint, token: 't0k' },
			bundleId,
			digest,
			jws
		});
		expect(outcome).toEqual({ kind: 'delivered', status: 201, receipt });
		expect(seen?.url).toBe('/bundles');
		expect(seen?.headers['content-type']).toBe('application/jose+json');
		expect(seen?.headers['idempotency-key']).toBe(bundleId);
		expect(seen?.headers.authorization).toBe('Bearer t0k');
		expect(JSON.parse(seen!.body)).toEqual(jws);
	});

	it('keeps a 4xx problem as a permanent refusal, with its text', async () => {
		const problem = {
			type: 'urn:partner-desk:problem:unregistered-key',
			title: 'Key not registered',
			status: 403,
			detail: 'Register the key with thumbprint abc first.'
		};
		const endpoint = await serve((_, __, response) =>
			json(response, 403, problem, 'application/problem+json')
		);
		expect(await postBundle({ target: { endpoint }, bundleId, digest, jws })).toEqual({
			kind: 'refused',
			status: 403,
			problem
		});
	});

	it('tries again after a 5xx, a 429, a 2xx without a receipt and a dead host', async () => {
		const answers = [
			(response: ServerResponse) => json(response, 503, { title: 'Service Unavailable' }),
			(response: ServerResponse) => json(response, 429, {}),
			(response: ServerResponse) => json(response, 201, { ok: true })
		];
		const endpoint = await serve((_, __, response) => answers.shift()!(response));
		const target = { endpoint };
		expect(await postBundle({ target, bundleId, digest, jws })).toEqual({
			kind: 'retry',
			error: '503 Service Unavailable'
		});
		expect(await postBundle({ target, bundleId, digest, jws })).toMatchObject({ kind: 'retry' });
		expect(await postBundle({ target, bundleId, digest, jws })).toEqual({
			kind: 'retry',
			error: '201 without a valid receipt'
		});
		await new Promise<void>((done) => server!.close(() => done()));
		server = undefined;
		expect(await postBundle({ target, bundleId, digest, jws })).toMatchObject({ kind: 'retry' });
	});
});

describe('a receipt', () => {
	it('for another bundle or another digest is not a delivery: refused, with what it named', async () => {
		const otherId = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
		const answers = [
			{ ...receipt, bundleId: otherId },
			{ ...receipt, digest: 'xyz' }
		];
		const endpoint = await serve((_, __, response) => json(response, 201, answers.shift()));
		expect(await postBundle({ target: { endpoint }, bundleId, digest, jws })).toEqual({
			kind: 'refused',
			status: 201,
			problem: {
				type: RECEIPT_MISMATCH,
				status: 201,
				detail: `receipt: bundleId ${otherId}, digest abc_-`
			}
		});
		expect(await postBundle({ target: { endpoint }, bundleId, digest, jws })).toEqual({
			kind: 'refused',
			status: 201,
			problem: {
				type: RECEIPT_MISMATCH,
				status: 201,
				detail: `receipt: bundleId ${bundleId}, digest xyz`
			}
		});
	});

	it('for this bundle and digest, answered 200 to a repeat, is a delivery', async () => {
		const endpoint = await serve((_, __, response) => json(response, 200, receipt));
		expect(await postBundle({ target: { endpoint }, bundleId, digest, jws })).toEqual({
			kind: 'delivered',
			status: 200,
			receipt
		});
	});
});

describe('come back later', () => {
	const now = new Date('2026-11-12T10:00:00Z');

	it('408, 425 and 429 are tried again, after the Retry-After the aggregator names', async () => {
		const answers: [number, Record<string, string>][] = [
			[408, {}],
			[425, { 'Retry-After': '30' }],
			[429, { 'Retry-After': 'Thu, 12 Nov 2026 10:02:00 GMT' }],
			[503, { 'Retry-After': '5' }]
		];
		const endpoint = await serve((_, __, response) => {
			const [status, extra] = answers.shift()!;
			response.writeHead(status, { 'Content-Type': 'application/problem+json', ...extra });
			response.end(JSON.stringify({ title: `Status ${status}`, status }));
		});
		const outcomes = [];
		for (let n = 0; n < 4; n++)
			outcomes.push(await postBundle({ target: { endpoint }, bundleId, digest, jws, now }));
		expect(outcomes).toEqual([
			{ kind: 'retry', error: '408 Status 408' },
			{ kind: 'retry', error: '425 Status 425', retryAfterMs: 30_000 },
			{ kind: 'retry', error: '429 Status 429', retryAfterMs: 120_000 },
			{ kind: 'retry', error: '503 Status 503', retryAfterMs: 5_000 }
		]);
	});

	it('reads Retry-After as seconds or an HTTP-date, at most an hour, never negative', () => {
		expect(retryAfterMs('120', now)).toBe(120_000);
		expect(retryAfterMs(' 0 ', now)).toBe(0);
		expect(retryAfterMs('Thu, 12 Nov 2026 10:00:45 GMT', now)).toBe(45_000);
		expect(retryAfterMs('Thu, 12 Nov 2026 09:00:00 GMT', now)).toBe(0);
		expect(retryAfterMs('86400', now)).toBe(3_600_000);
		expect(retryAfterMs('soon', now)).toBeUndefined();
		expect(retryAfterMs('-5', now)).toBeUndefined();
		expect(retryAfterMs(null, now)).toBeUndefined();
		// Seconds are digits only; a date starts with its day's name, comma optional.
		expect(retryAfterMs('120s', now)).toBeUndefined();
		expect(retryAfterMs('in Thu, 12 Nov 2026 10:00:45 GMT', now)).toBeUndefined();
		expect(retryAfterMs('Thu 12 Nov 2026 10:00:45 GMT', now)).toBe(45_000);
		expect(retryAfterMs('Thu, 99 Nov 2026 99:00:00 GMT', now)).toBeUndefined();
	});
});

describe('testConnection', () => {
	it('counts what the aggregator holds, or says why it cannot', async () => {
		const endpoint = await serve((request, _, response) =>
			request.headers.authorization === 'Bearer right'
				? json(response, 200, { bundles: [{}, {}] })
				: json(response, 401, { title: 'Unauthorized', status: 401 }, 'application/problem+json')
		);
		expect(await testConnection({ target: { endpoint, token: 'right' } })).toEqual({
			ok: true,
			bundles: 2
		});
		expect(await testConnection({ target: { endpoint, token: 'wrong' } })).toEqual({
			ok: false,
			status: 401,
			problem: { title: 'Unauthorized', status: 401 }
		});
	});
});

describe('what goes to the aggregator and what comes back, exactly', () => {
	it('sends no Authorization header without a token', async () => {
		const seen: (string | undefined)[] = [];
		const endpoint = await serve((request, _, response) => {
			seen.push(request.headers.authorization);
			json(response, 200, { bundles: [] });
		});
		expect(await testConnection({ target: { endpoint } })).toEqual({ ok: true, bundles: 0 });
		expect(await testConnection({ target: { endpoint, token: '' } })).toEqual({
			ok: true,
			bundles: 0
		});
		expect(seen).toEqual([undefined, undefined]);
	});

	it('a 400 and a 499 are refusals, a 500 and a 399 tried again, with the status line', async () => {
		const statuses = [400, 499, 500, 399];
		const endpoint = await serve((_, __, response) => {
			response.writeHead(statuses.shift()!, 'Said So', { 'Content-Type': 'text/plain' });
			response.end('not json');
		});
		const target = { endpoint };
		const problem = (status: number) => ({ status, title: 'Said So' });
		expect(await postBundle({ target, bundleId, digest, jws })).toStrictEqual({
			kind: 'refused',
			status: 400,
			problem: problem(400)
		});
		expect(await postBundle({ target, bundleId, digest, jws })).toStrictEqual({
			kind: 'refused',
			status: 499,
			problem: problem(499)
		});
		expect(await postBundle({ target, bundleId, digest, jws })).toStrictEqual({
			kind: 'retry',
			error: '500 Said So'
		});
		expect(await postBundle({ target, bundleId, digest, jws })).toStrictEqual({
			kind: 'retry',
			error: '399 Said So'
		});
	});

	it('a retry without a title or a Retry-After says the status alone and names no wait', async () => {
		const endpoint = await serve((_, __, response) => {
			response.writeHead(502, '', { 'Content-Type': 'application/json' });
			response.end('{}');
		});
		expect(await postBundle({ target: { endpoint }, bundleId, digest, jws })).toStrictEqual({
			kind: 'retry',
			error: '502'
		});
	});

	it('a connection test names an answer that is no bundle list, and a host that is not there', async () => {
		const endpoint = await serve((_, __, response) => json(response, 200, { items: [] }));
		expect(await testConnection({ target: { endpoint } })).toStrictEqual({
			ok: false,
			error: 'not a bundle list'
		});
		await new Promise<void>((done) => server!.close(() => done()));
		server = undefined;
		const dead = await testConnection({ target: { endpoint } });
		expect(dead).toStrictEqual({ ok: false, error: expect.stringMatching(/./) });
	});
});

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { postBundle, testConnection } from './aggregator-client';

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
const receipt = { bundleId, receivedAt: '2026-11-12T10:00:00.000Z', digest: 'abc_-' };

describe('postBundle', () => {
	it('sends the JWS with its Idempotency-Key and token, and takes the receipt', async () => {
		let seen: { headers: IncomingMessage['headers']; body: string; url?: string } | undefined;
		const endpoint = await serve((request, body, response) => {
			seen = { headers: request.headers, body, url: request.url };
			json(response, 201, receipt);
		});
		const outcome = await postBundle({ target: { endpoint, token: 't0k' }, bundleId, jws });
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
		expect(await postBundle({ target: { endpoint }, bundleId, jws })).toEqual({
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
		expect(await postBundle({ target, bundleId, jws })).toEqual({
			kind: 'retry',
			error: '503 Service Unavailable'
		});
		expect(await postBundle({ target, bundleId, jws })).toMatchObject({ kind: 'retry' });
		expect(await postBundle({ target, bundleId, jws })).toEqual({
			kind: 'retry',
			error: '201 without a valid receipt'
		});
		await new Promise<void>((done) => server!.close(() => done()));
		server = undefined;
		expect(await postBundle({ target, bundleId, jws })).toMatchObject({ kind: 'retry' });
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

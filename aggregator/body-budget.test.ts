import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunningAggregator } from './server.js';
import { problemType } from './test-bundle.js';
import { SETUP_TIMEOUT, setUpAggregator, type TestAggregator } from './test-server.js';

const MB = 1_000_000;
/** Waiting for a state the server reaches, however long a loaded machine takes. */
const WAIT = { timeout: 30_000, interval: 20 };
/** One megabyte, written again and again: the test itself holds no 30 MB body. */
const PART = Buffer.alloc(MB, 'x');

let test: TestAggregator;
let aggregator: RunningAggregator;

beforeEach(async () => {
	test = await setUpAggregator({ signers: 0, start: false });
}, SETUP_TIMEOUT);

afterEach(() => test.close());

type Post = {
	request: ClientRequest;
	response: Promise<{ status: number; headers: IncomingMessage['headers']; body: string }>;
};

/**
 * Starts a POST /bundles of `size` bytes and writes its first megabyte; the rest waits for
 * `finish`. With `chunked`, no Content-Length: the server learns the size only by reading.
 */
function startPost(url: string, size: number, chunked = false): Post & { finish(): void } {
	const { hostname, port } = new URL(url);
	const req = request({
		host: hostname,
		port,
		path: '/bundles',
		method: 'POST',
		headers: {
			'Content-Type': 'application/jose+json',
			'Idempotency-Key': crypto.randomUUID(),
			...(chunked ? {} : { 'Content-Length': String(size) })
		}
	});
	// The server may answer and close before the body is all written; that is the point.
	req.on('error', () => {});
	const response = new Promise<{
		status: number;
		headers: IncomingMessage['headers'];
		body: string;
	}>((resolve) =>
		req.on('response', (res) => {
			let body = '';
			res.setEncoding('utf8');
			res.on('data', (chunk: string) => (body += chunk));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
		})
	);
	req.write(PART);
	return {
		request: req,
		response,
		finish() {
			for (let written = MB; written < size; written += MB) req.write(PART);
			req.end();
		}
	};
}

/** Resolves once `count` of the posts have an answer, with the indexes of those posts. */
async function firstAnswers(posts: Post[], count: number) {
	const answered: number[] = [];
	await new Promise<void>((resolve) => {
		for (const [index, post] of posts.entries())
			void post.response.then(() => {
				answered.push(index);
				if (answered.length === count) resolve();
			});
	});
	return answered;
}

// Megabytes through loopback on a shared machine: seconds, which is no failure.
describe('concurrent large bodies', { timeout: 60_000 }, () => {
	it('ten parallel 30 MB posts: two are read, eight get 503 with Retry-After at once', async () => {
		aggregator = await test.restart();
		const { limit } = { limit: 2 * 32 * 1024 * 1024 };
		const rssBefore = process.memoryUsage().rss;
		const posts = Array.from({ length: 10 }, () => startPost(aggregator.url, 30 * MB));

		// Eight answers arrive while every body is still unfinished: they were refused without
		// being read. Without a budget no answer comes before the bodies end, and this waits.
		const refused = await firstAnswers(posts, 8);
		for (const index of refused) {
			const { status, headers, body } = await posts[index].response;
			expect(status).toBe(503);
			expect(headers['retry-after']).toBe('1');
			expect(JSON.parse(body)).toMatchObject({ type: problemType('unavailable') });
		}
		expect(aggregator.bodies()).toMatchObject({ held: 60 * MB, refused: 8 });

		const read = posts.filter((_, index) => !refused.includes(index));
		for (const post of read) post.finish();
		for (const post of read) expect((await post.response).status).toBe(400); // not a JWS
		const bodies = aggregator.bodies();
		expect(bodies).toEqual({ held: 0, peak: 60 * MB, refused: 8 });
		expect(bodies.peak).toBeLessThanOrEqual(limit);
		// For the report, not asserted (the machine is shared): what the server process grew by.
		console.log(
			`ten 30 MB posts: peak body bytes ${bodies.peak}, rss grew ${((process.memoryUsage().rss - rssBefore) / MB).toFixed(0)} MB`
		);
	});

	it('counts bodies without a Content-Length as they arrive, and gives the bytes back', async () => {
		aggregator = await test.restart({ maxBodyBytes: 4 * MB, maxBodyBytesInFlight: 5 * MB });
		const first = startPost(aggregator.url, 3 * MB, true);
		first.finish();
		expect((await first.response).status).toBe(400);
		expect(aggregator.bodies()).toEqual({ held: 0, peak: 3 * MB, refused: 0 });

		// Two at once, both unfinished: 3 MB + 3 MB would overdraw 5 MB, so the second is turned
		// away in the middle of its body while the first is still being read.
		const [a, b] = [
			startPost(aggregator.url, 3 * MB, true),
			startPost(aggregator.url, 3 * MB, true)
		];
		const held = (bytes: number) =>
			vi.waitFor(() => expect(aggregator.bodies().held).toBe(bytes), WAIT);
		await held(2 * MB);
		a.request.write(PART);
		a.request.write(PART);
		await held(4 * MB);
		b.request.write(PART);
		b.request.write(PART);
		const busy = await b.response;
		expect([busy.status, busy.headers['retry-after']]).toEqual([503, '1']);
		expect(aggregator.bodies()).toMatchObject({ held: 3 * MB, refused: 1 });
		a.request.end();
		expect((await a.response).status).toBe(400);
		expect(aggregator.bodies().held).toBe(0);
		expect(aggregator.bodies().peak).toBeLessThanOrEqual(5 * MB);

		const tooLarge = startPost(aggregator.url, 5 * MB, true);
		tooLarge.finish();
		expect((await tooLarge.response).status).toBe(413);
		expect(aggregator.bodies().held).toBe(0);
	});
});

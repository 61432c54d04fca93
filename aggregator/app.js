import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { createHash, timingSafeEqual } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { problem, problemResponse } from './problem.js';
import { receiveBundle } from './receive-bundle.js';

/**
 * The HTTP face of the aggregator: routes, CORS for the browser app, the bearer token and the
 * injected faults. What a bundle is answered with is decided in receive-bundle.js.
 */

/**
 * @typedef {import('./receive-bundle.js').ReceiveContext} ReceiveContext
 * @typedef {{ Bindings: import('@hono/node-server').HttpBindings }} Env
 * @typedef {ReceiveContext & { token: string | undefined, latencyMs: number, maxBodyBytes: number }} AppContext
 */

/**
 * The browser sends exactly these (DESIGN.md); anything else fails its preflight, which is how a
 * stray header in the app shows up in tests instead of in the field.
 */
export const ALLOWED_HEADERS = ['Content-Type', 'Idempotency-Key', 'Authorization'];

/** @param {string} value */
const sha256 = (value) => createHash('sha256').update(value).digest();

/**
 * @param {string | undefined} header the Authorization header
 * @param {string} token
 */
function hasToken(header, token) {
	// The auth scheme is case-insensitive (RFC 9110 §11.1). Comparing digests keeps the comparison
	// constant-time whatever the length of the guess.
	const match = /^bearer\s+(.+)$/i.exec(header?.trim() ?? '');
	return match !== null && timingSafeEqual(sha256(match[1]), sha256(token));
}

/**
 * @param {AppContext} context
 */
export function createApp(context) {
	/** @type {Hono<Env>} */
	const app = new Hono();

	app.onError((error, c) => {
		context.log(`error: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
		return problemResponse(
			problem('internal-error', `${c.req.method} ${c.req.path} failed on the aggregator.`)
		);
	});
	app.notFound((c) =>
		problemResponse(problem('not-found', `${c.req.path} is not here; bundles go to /bundles.`))
	);

	app.use(async (_c, next) => {
		if (context.latencyMs > 0) await sleep(context.latencyMs);
		await next();
	});
	// Chrome's Private Network Access preflight: a page from a public host may reach the demo
	// aggregator on loopback only if the preflight says so.
	app.use(async (c, next) => {
		await next();
		if (c.req.method === 'OPTIONS' && c.req.header('Access-Control-Request-Private-Network'))
			c.res.headers.set('Access-Control-Allow-Private-Network', 'true');
	});
	// Any origin: the app is served from whatever static host the partner picked.
	app.use(
		cors({
			origin: '*',
			allowMethods: ['GET', 'POST', 'OPTIONS'],
			allowHeaders: ALLOWED_HEADERS,
			maxAge: 600
		})
	);

	/** @type {import('hono').MiddlewareHandler<Env>} */
	const authorize = async (c, next) => {
		if (context.token !== undefined && !hasToken(c.req.header('Authorization'), context.token))
			return problemResponse(
				problem('unauthorized', 'This aggregator needs the bearer token its operator gave you.'),
				{ 'WWW-Authenticate': 'Bearer' }
			);
		await next();
	};

	app.post(
		'/bundles',
		async (c, next) => {
			if (context.faults.failNow())
				return problemResponse(
					problem('unavailable', 'Injected failure (--fail-first/--fail-rate); send again later.')
				);
			await next();
		},
		authorize,
		bodyLimit({
			maxSize: context.maxBodyBytes,
			onError: () =>
				problemResponse(
					problem('payload-too-large', `A bundle may have at most ${context.maxBodyBytes} bytes.`)
				)
		}),
		async (c) => {
			const outcome = await receiveBundle(
				{
					contentType: c.req.header('Content-Type'),
					idempotencyKey: c.req.header('Idempotency-Key'),
					body: await c.req.text()
				},
				context
			);
			if (outcome.kind === 'problem') return problemResponse(outcome.problem);
			if (outcome.kind === 'receipt') return c.json(outcome.receipt, outcome.status);
			// A network failure as the client sees it: no status line at all.
			c.env.incoming.socket.destroy();
			return RESPONSE_ALREADY_SENT;
		}
	);

	app.get('/bundles', authorize, (c) =>
		c.json({
			bundles: context.store.list().map((bundle) => ({
				bundleId: bundle.bundleId,
				revision: bundle.revision,
				period: bundle.period,
				supersedes: bundle.supersedes,
				partnerId: bundle.partnerId,
				receivedAt: bundle.receivedAt,
				digest: bundle.digest
			}))
		})
	);

	app.all('/bundles', (c) =>
		problemResponse(problem('method-not-allowed', `${c.req.method} is not used on /bundles.`), {
			Allow: 'GET, POST, OPTIONS'
		})
	);

	return app;
}

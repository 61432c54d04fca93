import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { setTimeout as sleep } from 'node:timers/promises';
import { readBodyWithin } from './body-budget.js';
import { listedBundle, MAX_PAGE, parseCursor } from './bundle-store.js';
import { problem, problemResponse } from './problem.js';
import { receiveBundle } from './receive-bundle.js';
import { bearerToken } from './token-registry.js';

/**
 * The HTTP face of the aggregator: routes, CORS for the browser app, bearer tokens, the body
 * budget and the injected faults. What a bundle is answered with is decided in receive-bundle.js.
 */

/**
 * @typedef {import('./receive-bundle.js').ReceiveContext} ReceiveContext
 * @typedef {{ Bindings: import('@hono/node-server').HttpBindings,
 *   Variables: { tokenPartnerId: string | undefined } }} Env
 * @typedef {ReceiveContext & { latencyMs: number, maxBodyBytes: number,
 *   bodyBudget: import('./body-budget.js').BodyBudget,
 *   allowOrigins: '*' | string[] }} AppContext
 */

/**
 * The browser sends exactly these (DESIGN.md); anything else fails its preflight, which is how a
 * stray header in the app shows up in tests instead of in the field.
 */
export const ALLOWED_HEADERS = ['Content-Type', 'Idempotency-Key', 'Authorization'];

/** How long a sender turned away for lack of body budget waits, in seconds. */
const BUSY_RETRY_AFTER = '1';

/** @param {import('./problem.js').Problem} value */
function answer(value) {
	// RFC 9110 §11.6.1: a 401 names the scheme it wants.
	return problemResponse(value, value.body.status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {});
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
	const originAllowed = (/** @type {string} */ origin) =>
		context.allowOrigins === '*' || context.allowOrigins.includes(origin);
	// Chrome's Private Network Access preflight: a page from a public host may reach an aggregator
	// on loopback only if the preflight says so. Granted only to origins named with
	// --allow-origin, never to any page: that is how a page a partner merely opens posted as them.
	app.use(async (c, next) => {
		await next();
		const origin = c.req.header('Origin');
		if (
			c.req.method === 'OPTIONS' &&
			c.req.header('Access-Control-Request-Private-Network') &&
			origin !== undefined &&
			context.allowOrigins !== '*' &&
			context.allowOrigins.includes(origin)
		)
			c.res.headers.set('Access-Control-Allow-Private-Network', 'true');
	});
	app.use(
		cors({
			origin: context.allowOrigins,
			allowMethods: ['GET', 'POST', 'OPTIONS'],
			allowHeaders: ALLOWED_HEADERS,
			// The app waits what a 503 (or a 429 from a proxy in front) asks; the browser shows it
			// Retry-After across origins only when it is exposed.
			exposeHeaders: ['Retry-After'],
			maxAge: 600
		})
	);
	// The browser enforces CORS only on the answer; a request that carries a foreign Origin is
	// refused here too, so nothing it asks for happens.
	app.use(async (c, next) => {
		const origin = c.req.header('Origin');
		if (c.req.method !== 'OPTIONS' && origin !== undefined && !originAllowed(origin))
			return answer(
				problem(
					'origin-not-allowed',
					`Requests from ${origin} are not allowed here; the operator names the app's origin with --allow-origin.`,
					{ origin }
				)
			);
		await next();
	});

	/**
	 * A bearer token, when sent, must be one the operator issued (401 otherwise); the partner it
	 * belongs to goes on to the route. Checked before the body is read.
	 * @param {{ required: boolean }} options
	 * @returns {import('hono').MiddlewareHandler<Env>}
	 */
	const authorize =
		({ required }) =>
		async (c, next) => {
			const token = bearerToken(c.req.header('Authorization'));
			const issued = token ? await context.tokens.find(token) : undefined;
			if ((token !== undefined || required) && !issued)
				return answer(
					problem(
						'unauthorized',
						token === undefined
							? "Listing bundles needs the bearer token the aggregator's operator issued to your partner id."
							: "The bearer token is not one this aggregator's operator issued, or it was revoked."
					)
				);
			c.set('tokenPartnerId', issued?.partnerId);
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
		authorize({ required: false }),
		async (c) => {
			const body = await readBodyWithin({
				body: c.req.raw.body,
				contentLength: c.req.header('Content-Length'),
				maxBytes: context.maxBodyBytes,
				budget: context.bodyBudget
			});
			try {
				if (!body.ok)
					return body.reason === 'too-large'
						? answer(
								problem(
									'payload-too-large',
									`A bundle may have at most ${context.maxBodyBytes} bytes.`
								)
							)
						: problemResponse(
								problem(
									'unavailable',
									'The aggregator is reading as many large bundles as it can hold; send again shortly.'
								),
								{ 'Retry-After': BUSY_RETRY_AFTER }
							);
				const outcome = await receiveBundle(
					{
						contentType: c.req.header('Content-Type'),
						idempotencyKey: c.req.header('Idempotency-Key'),
						body: body.text,
						tokenPartnerId: c.get('tokenPartnerId')
					},
					context
				);
				if (outcome.kind === 'problem') return answer(outcome.problem);
				if (outcome.kind === 'receipt') return c.json(outcome.receipt, outcome.status);
				// A network failure as the client sees it: no status line at all.
				c.env.incoming.socket.destroy();
				return RESPONSE_ALREADY_SENT;
			} finally {
				context.bodyBudget.give(body.reserved);
			}
		}
	);

	// DESIGN.md: scoped to the partner the token belongs to; the operator lists every partner's
	// bundles with `bundles list` on the command line. Paged: `?limit=N` (1 to 1000, default
	// 1000) and `?after={next}` with the `next` cursor of the page before (null after the last).
	app.get('/bundles', authorize({ required: true }), async (c) => {
		const limitText = c.req.query('limit');
		const limit = limitText === undefined ? MAX_PAGE : Number(limitText);
		if (!/^[0-9]{1,4}$/.test(limitText ?? '1') || limit < 1 || limit > MAX_PAGE)
			return answer(
				problem('invalid-query', `limit must be a whole number from 1 to ${MAX_PAGE}.`, {
					field: 'limit',
					value: limitText
				})
			);
		const afterText = c.req.query('after');
		const after = parseCursor(afterText);
		if (afterText !== undefined && after === undefined)
			return answer(
				problem('invalid-query', 'after must be the next cursor of an earlier page.', {
					field: 'after',
					value: afterText
				})
			);
		const page = await context.store.page({ partnerId: c.get('tokenPartnerId'), after, limit });
		return c.json({
			bundles: page.bundles.map(listedBundle),
			next: page.next
		});
	});

	app.all('/bundles', (c) =>
		problemResponse(problem('method-not-allowed', `${c.req.method} is not used on /bundles.`), {
			Allow: 'GET, POST, OPTIONS'
		})
	);

	return app;
}

import { createAdaptorServer } from '@hono/node-server';
import { resolve } from 'node:path';
import { createApp } from './app.js';
import { createBodyBudget } from './body-budget.js';
import { openBundleStore } from './bundle-store.js';
import { createFaults } from './faults.js';
import { openKeyRegistry } from './key-registry.js';
import { openStorage, operatorOf } from './storage.js';
import { openTokenRegistry } from './token-registry.js';

/**
 * @typedef {object} AggregatorOptions
 * @property {number} [port] default 8787; 0 picks a free port (tests)
 * @property {string} [host] default 127.0.0.1
 * @property {string} [dataDir] default ./aggregator-data, resolved against the working directory;
 *   holds the embedded database (PGlite) unless `database` names another
 * @property {import('./storage.js').DatabaseOption} [database] a postgres:// URL: the tables live
 *   on that server, which any number of aggregator processes may share; or an open database
 *   (tests), left open by close()
 * @property {boolean} [demo] trust on first use: a partner without keys has the key of its first
 *   stored bundle registered (source `demo`); keys so registered count only under demo
 * @property {string[]} [allowOrigins] the only origins whose pages may call the aggregator (CORS);
 *   default any origin, but none in demo mode
 * @property {string} [aggregatorId] when set, bundles addressed to another aggregator.id are refused
 * @property {number} [latencyMs] delay before every answer
 * @property {number} [maxBodyBytes] default 32 MiB (a 100k-line report is about 15 MB)
 * @property {number} [maxBodyBytesInFlight] all bodies in memory at once; default twice
 *   maxBodyBytes; a body past it gets 503 with Retry-After
 * @property {(line: string) => void} [log] default: silent
 * @property {() => Date} [now] the clock for `receivedAt`
 */

/**
 * @typedef {object} RunningAggregator
 * @property {string} url the endpoint without a trailing slash: POST `${url}/bundles`
 * @property {string} host
 * @property {number} port the port it listens on (the real one when 0 was asked for)
 * @property {string} dataDir absolute
 * @property {string} database where the tables are: the PGlite directory, or the URL without
 *   its password
 * @property {import('./bundle-store.js').BundleStore} store the accepted bundles (the operator's
 *   listing: `store.page()`)
 * @property {() => import('./faults.js').FaultCounts} faults how often each injected fault fired
 * @property {() => { held: number, peak: number, refused: number }} bodies body bytes held now,
 *   the most held at once, and how many bodies were turned away for lack of budget
 * @property {() => Promise<void>} close stops listening, lets requests in flight finish, and
 *   closes the database (their writes are committed before their answers)
 */

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_DATA_DIR = 'aggregator-data';
const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

/**
 * @param {string} name
 * @param {number | undefined} value
 * @param {{ max?: number, integer?: boolean }} limits
 */
function checkNumber(name, value, { max = Infinity, integer = false }) {
	if (value === undefined) return;
	if (!Number.isFinite(value) || value < 0 || value > max || (integer && !Number.isInteger(value)))
		throw new RangeError(
			`${name} must be ${integer ? 'a whole number' : 'a number'} from 0${max < Infinity ? ` to ${max}` : ''}, not ${value}`
		);
}

/**
 * An origin as browsers send it: scheme, host and port, nothing else (RFC 6454 §6.1).
 * @param {string} origin
 */
function checkOrigin(origin) {
	let parsed;
	try {
		parsed = new URL(origin);
	} catch {
		parsed = undefined;
	}
	if (parsed?.origin !== origin)
		throw new RangeError(
			`allowOrigin must be an origin such as http://127.0.0.1:4173 (no path, no trailing slash), not ${JSON.stringify(origin)}`
		);
}

/**
 * Starts the reference aggregator (DESIGN.md "Signed report bundles") and resolves once it
 * listens.
 * @param {AggregatorOptions & import('./faults.js').FaultOptions} [options]
 * @returns {Promise<RunningAggregator>}
 */
export async function startAggregator(options = {}) {
	for (const name of /** @type {const} */ (['failFirst', 'dropFirst', 'loseReceiptFirst']))
		checkNumber(name, options[name], { integer: true });
	for (const name of /** @type {const} */ (['failRate', 'dropRate', 'loseReceiptRate']))
		checkNumber(name, options[name], { max: 1 });
	checkNumber('latencyMs', options.latencyMs, {});
	checkNumber('port', options.port, { max: 65535, integer: true });
	checkNumber('seed', options.seed, { integer: true });
	checkNumber('maxBodyBytes', options.maxBodyBytes, { integer: true });
	checkNumber('maxBodyBytesInFlight', options.maxBodyBytesInFlight, { integer: true });
	for (const origin of options.allowOrigins ?? []) checkOrigin(origin);
	const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
	const demo = options.demo ?? false;

	const host = options.host ?? DEFAULT_HOST;
	const dataDir = resolve(options.dataDir ?? DEFAULT_DATA_DIR);
	const log = options.log ?? (() => {});
	const storage = await openStorage({ dataDir, database: options.database, log });
	const { db } = storage;
	const store = openBundleStore(db);
	// `keys add` and the other operator commands run beside an embedded server through it.
	storage.answer(operatorOf(db));
	const faults = createFaults(options);
	const bodyBudget = createBodyBudget(options.maxBodyBytesInFlight ?? 2 * maxBodyBytes);
	const app = createApp({
		store,
		keys: openKeyRegistry(db),
		tokens: openTokenRegistry(db),
		faults,
		demo,
		aggregatorId: options.aggregatorId,
		now: options.now ?? (() => new Date()),
		log,
		latencyMs: options.latencyMs ?? 0,
		maxBodyBytes,
		bodyBudget,
		// A demo trusts a partner's first key: only the app's own pages may reach it.
		allowOrigins: options.allowOrigins ?? (demo ? [] : '*')
	});

	/** @type {Set<Promise<unknown>>} */
	const inFlight = new Set();
	const server = /** @type {import('node:http').Server} */ (
		createAdaptorServer({
			hostname: host,
			fetch: (request, env) => {
				const answer = Promise.resolve(app.fetch(request, env));
				inFlight.add(answer);
				void answer.finally(() => inFlight.delete(answer)).catch(() => {});
				return answer;
			}
		})
	);
	try {
		await new Promise((resolveListen, rejectListen) => {
			server.once('error', rejectListen);
			server.listen(options.port ?? DEFAULT_PORT, host, () => {
				server.off('error', rejectListen);
				resolveListen(undefined);
			});
		});
	} catch (error) {
		await storage.close();
		throw error;
	}
	const address = server.address();
	if (address === null || typeof address === 'string')
		throw new Error(`unexpected server address ${address}`);
	const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;

	return {
		url,
		host,
		port: address.port,
		dataDir,
		database: storage.where,
		store,
		faults: () => faults.counts(),
		bodies: () => bodyBudget.counts(),
		async close() {
			const closed = new Promise((resolveClose) => server.close(() => resolveClose(undefined)));
			server.closeIdleConnections();
			await Promise.allSettled([...inFlight]);
			// Keep-alive sockets of finished requests would hold close() open for seconds.
			server.closeAllConnections();
			await closed;
			await storage.close();
		}
	};
}

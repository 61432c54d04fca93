import { chmod, rm } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * The embedded database (PGlite) admits one process: PGlite opened by two processes at once
 * loses writes (measured: two writers of 20 rows each left 20 rows, not 40). The process that
 * opens it therefore first binds `aggregator.sock` in the data directory, and a live socket there
 * means the directory is taken. Through that socket the holder answers the operator's commands
 * (`keys add`, `tokens issue`, `bundles list`, ...) run beside it, one registry call per line of
 * JSON; nothing else can be asked. The socket is the owner's alone (mode 0600), as are the
 * database files beside it.
 */

export const SOCKET_NAME = 'aggregator.sock';

/** The registry calls the socket answers, and nothing else. */
const METHODS = /** @type {const} */ ([
	'keys.list',
	'keys.add',
	'keys.remove',
	'tokens.list',
	'tokens.issue',
	'tokens.revoke',
	'bundles.page',
	'bundles.read'
]);

/**
 * @typedef {object} Operator what the operator's commands use
 * @property {Pick<import('./key-registry.js').KeyRegistry, 'list' | 'add' | 'remove'>} keys
 * @property {Pick<import('./token-registry.js').TokenRegistry, 'list' | 'issue' | 'revoke'>} tokens
 * @property {Pick<import('./bundle-store.js').BundleStore, 'page' | 'read'>} bundles
 */

export class DataDirBusy extends Error {}

/**
 * @param {string} path
 * @returns {Promise<import('node:net').Socket | undefined>} undefined when nobody listens there
 */
function connectTo(path) {
	return new Promise((resolve, reject) => {
		const socket = createConnection(path);
		socket.once('connect', () => resolve(socket));
		socket.once('error', (/** @type {NodeJS.ErrnoException} */ error) => {
			if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED') resolve(undefined);
			else reject(error);
		});
	});
}

/**
 * Takes the data directory for this process, or throws DataDirBusy when a live process holds it.
 * A socket file a killed process left behind is stale (nobody answers on it) and is replaced.
 * Until `answer` is called, operator calls get an error saying the holder is starting.
 * @param {string} dataDir
 */
export async function claimDataDir(dataDir) {
	const path = join(dataDir, SOCKET_NAME);
	/** @type {Operator | undefined} */
	let operator;
	/** @type {Set<import('node:net').Socket>} */
	const clients = new Set();
	const server = createServer((socket) => {
		clients.add(socket);
		socket.once('close', () => clients.delete(socket));
		socket.on('error', () => {});
		const lines = createInterface({ input: socket });
		lines.on('line', (line) => {
			void answerCall(line, operator).then((reply) => {
				if (!socket.destroyed) socket.write(`${JSON.stringify(reply)}\n`);
			});
		});
	});
	const listen = () =>
		new Promise((resolve, reject) => {
			server.once('error', reject);
			server.listen(path, () => {
				server.off('error', reject);
				resolve(undefined);
			});
		});
	try {
		await listen();
	} catch (error) {
		if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EADDRINUSE') throw error;
		const live = await connectTo(path);
		if (live) {
			live.destroy();
			throw new DataDirBusy(
				`${dataDir} is in use by another aggregator process (${path} answers); stop it first, or run this command while it runs (keys, tokens and bundles commands go through it)`
			);
		}
		await rm(path, { force: true });
		await listen();
	}
	await chmod(path, 0o600);

	return {
		/** @param {Operator} value the registries the socket answers from now on */
		answer(value) {
			operator = value;
		},
		/** Stops answering and frees the data directory. */
		async release() {
			for (const client of clients) client.destroy();
			await new Promise((resolve) => server.close(() => resolve(undefined)));
			await rm(path, { force: true });
		}
	};
}

/**
 * @param {string} line
 * @param {Operator | undefined} operator
 */
async function answerCall(line, operator) {
	/** @type {{ id?: unknown, method?: unknown, args?: unknown }} */
	let call = {};
	try {
		call = JSON.parse(line);
		const method = /** @type {(typeof METHODS)[number]} */ (call.method);
		if (!METHODS.includes(method)) throw new Error(`no such operator call ${String(call.method)}`);
		if (!operator) throw new Error('the aggregator holding this data directory is starting');
		if (!Array.isArray(call.args)) throw new Error('args must be an array');
		const [group, name] = method.split('.');
		const target = /** @type {Record<string, (...args: unknown[]) => Promise<unknown>>} */ (
			/** @type {Record<string, unknown>} */ (operator)[group]
		);
		return { id: call.id, value: await target[name](...call.args) };
	} catch (error) {
		return { id: call.id, error: /** @type {Error} */ (error).message };
	}
}

/**
 * The operator's registries of the process that holds `dataDir`, or undefined when none does.
 * @param {string} dataDir
 * @returns {Promise<(Operator & { close(): Promise<void> }) | undefined>}
 */
export async function connectOperator(dataDir) {
	const socket = await connectTo(join(dataDir, SOCKET_NAME));
	if (!socket) return undefined;
	let nextId = 0;
	/** @type {Map<number, { resolve: (value: any) => void, reject: (error: Error) => void }>} */
	const pending = new Map();
	const lines = createInterface({ input: socket });
	lines.on('line', (line) => {
		const reply = JSON.parse(line);
		const waiting = pending.get(reply.id);
		pending.delete(reply.id);
		if (reply.error !== undefined) waiting?.reject(new Error(reply.error));
		else waiting?.resolve(reply.value);
	});
	socket.on('close', () => {
		for (const waiting of pending.values())
			waiting.reject(new Error(`the aggregator holding ${dataDir} closed the connection`));
		pending.clear();
	});

	/**
	 * @param {(typeof METHODS)[number]} method
	 * @returns {(...args: any[]) => Promise<any>}
	 */
	const call =
		(method) =>
		(...args) =>
			new Promise((resolve, reject) => {
				const id = ++nextId;
				pending.set(id, { resolve, reject });
				socket.write(`${JSON.stringify({ id, method, args })}\n`);
			});

	return {
		keys: { list: call('keys.list'), add: call('keys.add'), remove: call('keys.remove') },
		tokens: {
			list: call('tokens.list'),
			issue: call('tokens.issue'),
			revoke: call('tokens.revoke')
		},
		bundles: { page: call('bundles.page'), read: call('bundles.read') },
		async close() {
			socket.end();
			await new Promise((resolve) => socket.once('close', resolve));
		}
	};
}

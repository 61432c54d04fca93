// `keys add|list|remove`: the operator's side of key registration (DESIGN.md: the aggregator pins
// each device's kid; several keys per partner).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { importPublicKey, thumbprint, toPublicJwk } from './jwk.js';
import { UsageError } from './usage-error.js';

/**
 * @typedef {object} Io
 * @property {(line: string) => void} out
 * @property {(line: string) => void} err
 * @property {string} cwd where paths typed on the command line are resolved
 */

/**
 * @typedef {() => Promise<import('./operator-socket.js').Operator & { where: string }>} OpenOperator
 *   opens the registries once the command line is known to be right
 */

/**
 * Runs `keys <action>`; resolves with the exit code.
 * @param {{ args: string[], partnerId: string | undefined, open: OpenOperator, io: Io }} options
 *   `args` are the words after `keys`
 * @returns {Promise<number>}
 */
export async function keysCommand({ args: [action, ...rest], partnerId, open, io }) {
	if (action === 'list') {
		const operator = await open();
		const keys = await operator.keys.list({ partnerId });
		if (keys.length === 0) io.out(`no keys registered in ${operator.where}`);
		// The source says how a key got here: `cli` (keys add) or `demo` (trusted on first use by a
		// demo run, and trusted only by demo runs until it is added with keys add).
		else io.out('partner\tkid\tsource\tadded at');
		for (const key of keys) io.out(`${key.partnerId}\t${key.kid}\t${key.source}\t${key.addedAt}`);
		return 0;
	}
	if (action !== 'add' && action !== 'remove')
		throw new UsageError(`keys needs add, list or remove, not ${JSON.stringify(action ?? '')}`);
	if (!partnerId) throw new UsageError(`keys ${action} needs --partner ID`);
	if (rest.length !== 1)
		throw new UsageError(`keys ${action} needs one ${action === 'add' ? 'key file' : 'kid'}`);

	if (action === 'remove') {
		const removed = await (await open()).keys.remove({ partnerId, kid: rest[0] });
		io.out(
			removed
				? `removed key ${rest[0]} of partner ${partnerId}`
				: `partner ${partnerId} has no key ${rest[0]}`
		);
		return removed ? 0 : 1;
	}

	const file = resolve(io.cwd, rest[0]);
	let value;
	try {
		value = JSON.parse(await readFile(file, 'utf8'));
	} catch (error) {
		io.err(
			`error: ${file}: ${error instanceof SyntaxError ? 'not JSON' : /** @type {Error} */ (error).message}`
		);
		return 1;
	}
	const publicJwk = toPublicJwk(value);
	if (!publicJwk.ok) {
		io.err(`error: ${file}: ${publicJwk.reason}`);
		return 1;
	}
	try {
		await importPublicKey(publicJwk.jwk);
	} catch {
		io.err(`error: ${file}: not a point on the P-256 curve`);
		return 1;
	}
	const kid = await thumbprint(publicJwk.jwk);
	const operator = await open();
	const added = await operator.keys.add({
		partnerId,
		kid,
		jwk: publicJwk.jwk,
		addedAt: new Date().toISOString(),
		source: 'cli'
	});
	io.out(
		added
			? `registered key ${kid} for partner ${partnerId} in ${operator.where}`
			: `key ${kid} is already registered for partner ${partnerId}`
	);
	return 0;
}

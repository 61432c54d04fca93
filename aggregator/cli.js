#!/usr/bin/env node
// `npm run aggregator -- [command] [options]`: runs the reference aggregator or manages the keys
// it trusts. Plain Node ESM with JSDoc types: it runs without a build step.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundlesCommand } from './bundles-command.js';
import { importFilesCommand } from './import-files-command.js';
import { keysCommand } from './keys-command.js';
import { DEFAULT_DATA_DIR, DEFAULT_HOST, DEFAULT_PORT, startAggregator } from './server.js';
import { openOperator } from './storage.js';
import { tokensCommand } from './tokens-command.js';
import { UsageError } from './usage-error.js';

export const USAGE = `Partner Desk reference aggregator: receives and verifies signed report bundles
(DESIGN.md "Signed report bundles").

Usage:
  npm run aggregator -- [options]                        start the server
  npm run aggregator -- keys add --partner ID FILE.jwk   register a partner's public key (JWK)
  npm run aggregator -- keys list [--partner ID]         list the keys with their source
                                                         (cli, or demo: trusted on first use)
  npm run aggregator -- keys remove --partner ID -- KID  unregister a key (a key id may
                                                         begin with -, hence the --)
  npm run aggregator -- tokens issue --partner ID        issue a bearer token for a partner
                                                         (printed once; only its hash is kept)
  npm run aggregator -- tokens list [--partner ID]       list the issued tokens (ids, no secrets)
  npm run aggregator -- tokens revoke --partner ID ID    revoke a token
  npm run aggregator -- bundles list [--partner ID] [--json] [--limit N] [--after CURSOR]
                                                         list every partner's accepted bundles
                                                         (--limit: one page, and the cursor of
                                                         the next)
  npm run aggregator -- import-files --data DIR          move a data directory of the file-based
                                                         aggregator (bundles.json) into the
                                                         database, once

Every command works on the database of --data (PGlite, beside a running server too) or of
--database.

Options:
  --port N                 port (default ${DEFAULT_PORT}; 0 picks a free one)
  --host HOST              interface to listen on (default ${DEFAULT_HOST})
  --data DIR               data directory (default ./${DEFAULT_DATA_DIR}); holds the
                           embedded database (PGlite) unless --database names a server
  --database URL           postgres://user:password@host:port/database: keep the tables
                           on that PostgreSQL server (15 or later); any number of
                           aggregator processes may share it
  --demo                   trust on first use: a partner without keys has the key of its
                           first stored bundle registered; such keys count only in demo
                           runs (never for real data)
  --allow-origin ORIGIN    the origin of the app's pages (repeatable): CORS for it alone;
                           default any origin, none with --demo
  --aggregator-id ID       refuse bundles addressed to another aggregator.id
  --max-body-bytes N       largest bundle accepted (default 33554432)
  --max-body-bytes-in-flight N
                           all bodies held at once (default twice --max-body-bytes);
                           past it 503 with Retry-After

Failure injection (tests of the sender; only POST /bundles is affected):
  --latency MS             wait MS before every answer
  --fail-first N           answer the first N POST /bundles with 503
  --drop-first N           drop the connection instead of storing, for the first N new bundles
  --lose-receipt-first N   store, then drop the connection, for the first N new bundles
  --fail-rate R            after those: 503 with probability R (0 to 1)
  --drop-rate R            drop before storing with probability R
  --lose-receipt-rate R    store and drop the receipt with probability R
  --seed N                 seed of the PRNG behind the rates (default 1): runs repeat exactly
  -h, --help               print this help
`;

const OPTIONS = /** @type {const} */ ({
	port: { type: 'string' },
	host: { type: 'string' },
	data: { type: 'string' },
	database: { type: 'string' },
	limit: { type: 'string' },
	after: { type: 'string' },
	demo: { type: 'boolean' },
	'allow-origin': { type: 'string', multiple: true },
	'aggregator-id': { type: 'string' },
	'max-body-bytes': { type: 'string' },
	'max-body-bytes-in-flight': { type: 'string' },
	json: { type: 'boolean' },
	latency: { type: 'string' },
	'fail-first': { type: 'string' },
	'drop-first': { type: 'string' },
	'lose-receipt-first': { type: 'string' },
	'fail-rate': { type: 'string' },
	'drop-rate': { type: 'string' },
	'lose-receipt-rate': { type: 'string' },
	seed: { type: 'string' },
	partner: { type: 'string' },
	help: { type: 'boolean', short: 'h' }
});

/**
 * @param {string} flag
 * @param {string | undefined} value
 * @returns {number | undefined}
 */
function numberOption(flag, value) {
	if (value === undefined) return undefined;
	const number = Number(value);
	if (value.trim() === '' || !Number.isFinite(number))
		throw new UsageError(`--${flag} needs a number, not ${JSON.stringify(value)}`);
	return number;
}

/** @typedef {import('./keys-command.js').Io} Io */

/**
 * Runs the CLI. Resolves with the exit code for a command, or with the running server.
 * @param {string[]} argv the arguments after `cli.js`
 * @param {Io} io
 * @returns {Promise<number | import('./server.js').RunningAggregator>}
 */
export async function runCli(argv, io) {
	try {
		const { values, positionals } = parseArgs({
			args: argv,
			options: OPTIONS,
			allowPositionals: true,
			strict: true
		});
		if (values.help) {
			io.out(USAGE);
			return 0;
		}
		// The default lives in the working directory (the package root under `npm run`); a path the
		// user typed is meant relative to where they typed it.
		const dataDir = values.data ? resolve(io.cwd, values.data) : resolve(DEFAULT_DATA_DIR);
		const database = values.database;
		if (positionals.length > 0) return await runCommand(positionals, { values, dataDir, io });

		const running = await startAggregator({
			port: numberOption('port', values.port),
			host: values.host,
			dataDir,
			database,
			demo: values.demo,
			allowOrigins: values['allow-origin'],
			aggregatorId: values['aggregator-id'],
			maxBodyBytes: numberOption('max-body-bytes', values['max-body-bytes']),
			maxBodyBytesInFlight: numberOption(
				'max-body-bytes-in-flight',
				values['max-body-bytes-in-flight']
			),
			latencyMs: numberOption('latency', values.latency),
			failFirst: numberOption('fail-first', values['fail-first']),
			dropFirst: numberOption('drop-first', values['drop-first']),
			loseReceiptFirst: numberOption('lose-receipt-first', values['lose-receipt-first']),
			failRate: numberOption('fail-rate', values['fail-rate']),
			dropRate: numberOption('drop-rate', values['drop-rate']),
			loseReceiptRate: numberOption('lose-receipt-rate', values['lose-receipt-rate']),
			seed: numberOption('seed', values.seed),
			log: io.out
		});
		const origins = values['allow-origin'];
		const notes = [
			`database ${running.database}`,
			origins
				? `pages from ${origins.join(', ')}`
				: values.demo
					? 'no web page'
					: 'pages from any origin',
			...(values.demo ? ["demo: a partner's first key trusted on first use"] : [])
		];
		io.out(`Partner Desk aggregator listening on ${running.url} (${notes.join(', ')})`);
		return running;
	} catch (error) {
		if (error instanceof UsageError || error instanceof RangeError || isParseArgsError(error)) {
			io.err(`error: ${/** @type {Error} */ (error).message}\nRun with --help for the usage.`);
			return 2;
		}
		throw error;
	}
}

/**
 * The operator's commands: keys, tokens, bundles and import-files.
 * @param {string[]} positionals
 * @param {{ values: { [name: string]: unknown, partner?: string, database?: string,
 *   json?: boolean, limit?: string, after?: string }, dataDir: string, io: Io }} context
 * @returns {Promise<number>}
 */
async function runCommand(positionals, { values, dataDir, io }) {
	const [name, ...args] = positionals;
	const database = values.database;
	if (name === 'import-files') return importFilesCommand({ args, dataDir, database, io });
	/** @type {Awaited<ReturnType<typeof openOperator>> | undefined} */
	let operator;
	const open = async () => (operator ??= await openOperator({ dataDir, database }));
	const command = { args, partnerId: values.partner, open, io };
	try {
		if (name === 'keys') return await keysCommand(command);
		if (name === 'tokens') return await tokensCommand(command);
		if (name === 'bundles')
			return await bundlesCommand({
				...command,
				json: values.json ?? false,
				limit: numberOption('limit', values.limit),
				after: values.after
			});
		throw new UsageError(`unknown command ${JSON.stringify(positionals.join(' '))}`);
	} finally {
		await operator?.close();
	}
}

/** @param {unknown} error */
function isParseArgsError(error) {
	const code = /** @type {{ code?: unknown }} */ (error)?.code;
	return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const result = await runCli(process.argv.slice(2), {
		out: (line) => console.log(line),
		err: (line) => console.error(line),
		// npm runs scripts in the package root and passes the caller's directory as INIT_CWD.
		cwd: process.env.INIT_CWD ?? process.cwd()
	}).catch((/** @type {Error} */ error) => {
		// A port in use, a damaged data file: the operator needs the sentence, not a stack.
		console.error(`error: ${error.message}`);
		return 1;
	});
	if (typeof result === 'number') process.exitCode = result;
	else {
		const stop = () => {
			void result.close().then(() => process.exit(0));
		};
		process.once('SIGINT', stop);
		process.once('SIGTERM', stop);
	}
}

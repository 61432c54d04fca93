// Test helper: the setup every aggregator test shares (issue 11): a fresh database, device keys
// registered for the partner, maybe a token, and a running aggregator on a free port.
import { startAggregator, type RunningAggregator } from './server.js';
import { openOperator, openStorage, operatorOf, readHeldBundles } from './storage.js';
import type { AcceptedBundle } from './bundle-store.js';
import type { Operator } from './operator-socket.js';
import { createSigner, PARTNER_ID, type Signer } from './test-bundle.js';
import { testDatabase, testDataDir, type TestTarget } from './test-database.js';

export {
	makeDataDir,
	TEST_BACKEND,
	testDatabase,
	testDataDir,
	type TestTarget
} from './test-database.js';

export type AggregatorOptions = NonNullable<Parameters<typeof startAggregator>[0]>;

/**
 * For beforeEach: the first setup of a test file opens PGlite (seconds; the first on a machine
 * also makes the template with initdb), which a loaded machine can stretch past vitest's 10 s.
 */
export const SETUP_TIMEOUT = 120_000;

/**
 * Runs `task` with the registries of a test's database: directly when the test holds it open;
 * otherwise as the operator's commands reach it (through a running aggregator's socket, or
 * opened for the call and closed again, so an aggregator can start on it afterwards).
 */
export async function operate<T>(
	target: Pick<TestTarget, 'dataDir' | 'database'>,
	task: (operator: Operator) => Promise<T>
): Promise<T> {
	if (typeof target.database === 'object') return task(operatorOf(target.database));
	const operator = await openOperator({ dataDir: target.dataDir, database: target.database });
	try {
		return await task(operator);
	} finally {
		await operator.close();
	}
}

/**
 * Runs one SQL statement on a test's database, opened for the call (an embedded data directory
 * only while no aggregator holds it).
 */
export async function sql(
	target: Pick<TestTarget, 'dataDir' | 'database'>,
	text: string,
	params: unknown[] = []
): Promise<Record<string, unknown>[]> {
	if (typeof target.database === 'object') return target.database.query(text, params);
	const storage = await openStorage({ dataDir: target.dataDir, database: target.database });
	try {
		return await storage.db.query(text, params);
	} finally {
		await storage.close();
	}
}

/** Registers a signer's key for a partner, as `keys add` does. */
export function registerKey(
	target: Pick<TestTarget, 'dataDir' | 'database'>,
	signer: Signer,
	partnerId = PARTNER_ID
) {
	return operate(target, (operator) =>
		operator.keys.add({
			partnerId,
			kid: signer.kid,
			jwk: signer.publicJwk,
			addedAt: new Date().toISOString(),
			source: 'cli'
		})
	);
}

/** Issues a bearer token for a partner, as `tokens issue` does; resolves with the secret. */
export async function issueToken(
	target: Pick<TestTarget, 'dataDir' | 'database'>,
	partnerId = PARTNER_ID
): Promise<string> {
	const { token } = await operate(target, (operator) =>
		operator.tokens.issue({ partnerId, issuedAt: new Date().toISOString() })
	);
	return token;
}

/** Every accepted bundle in acceptance order, as the operator's `bundles list` reads them. */
export function heldBundles(
	target: Pick<TestTarget, 'dataDir' | 'database'>
): Promise<AcceptedBundle[]> {
	return readHeldBundles(target);
}

export async function heldBundleIds(target: Pick<TestTarget, 'dataDir' | 'database'>) {
	return (await heldBundles(target)).map((bundle) => bundle.bundleId);
}

export type TestAggregator = TestTarget & {
	/** The running aggregator; undefined after `stop()` until the next `restart()`. */
	server: RunningAggregator;
	url: string;
	/** One device key per `signers`, registered for PARTNER_ID. */
	signers: Signer[];
	signer: Signer;
	/** The partner's token when `token` was asked for. */
	token: string | undefined;
	/** Stops the aggregator and starts it again on the same database with other options. */
	restart(options?: Partial<AggregatorOptions>): Promise<RunningAggregator>;
	/** Stops the aggregator (the database stays). */
	stop(): Promise<void>;
	registerKey(signer: Signer, partnerId?: string): Promise<boolean>;
	issueToken(partnerId?: string): Promise<string>;
	held(): Promise<AcceptedBundle[]>;
	heldIds(): Promise<string[]>;
};

/**
 * A test's aggregator: a fresh database (`directory`: a data directory the aggregator opens
 * itself; `'embedded'`: with PGlite whatever the backend), `signers` device keys registered for
 * the partner (default 1), a token when asked, and the server started with `options` unless
 * `start` is false.
 */
export async function setUpAggregator(
	setup: {
		signers?: number;
		token?: boolean;
		directory?: boolean | 'embedded';
		start?: boolean;
		options?: Partial<AggregatorOptions>;
	} = {}
): Promise<TestAggregator> {
	const target = setup.directory
		? await testDataDir({ embedded: setup.directory === 'embedded' })
		: await testDatabase();
	const signers = await Promise.all(
		Array.from({ length: setup.signers ?? 1 }, () => createSigner())
	);
	for (const signer of signers) await registerKey(target, signer);
	const token = setup.token ? await issueToken(target) : undefined;
	let running: RunningAggregator | undefined;

	const test: TestAggregator = {
		...target,
		get server() {
			if (!running) throw new Error('the test aggregator is not running');
			return running;
		},
		get url() {
			return test.server.url;
		},
		signers,
		signer: signers[0],
		token,
		async restart(options = {}) {
			await running?.close();
			running = undefined;
			running = await startAggregator({
				port: 0,
				dataDir: target.dataDir,
				database: target.database,
				...options
			});
			return running;
		},
		async stop() {
			await running?.close();
			running = undefined;
		},
		registerKey: (signer, partnerId) => registerKey(target, signer, partnerId),
		issueToken: (partnerId) => issueToken(target, partnerId),
		held: () => heldBundles(target),
		heldIds: () => heldBundleIds(target),
		async close() {
			await running?.close();
			running = undefined;
			await target.close();
		}
	};
	if (setup.start !== false) await test.restart(setup.options);
	return test;
}

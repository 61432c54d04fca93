#!/usr/bin/env node
// `npm run load:aggregator -- --database postgres://… [options]`: a month-end at scale, not a
// test of the suite. N partners each send one bundle of L lines, C at a time, round-robin to P
// aggregator processes sharing one PostgreSQL database; optionally on a database that already
// holds S bundles (seeded in bulk with SQL). Afterwards every bundle must be accepted exactly
// once (201, never 200 or 409) and every chain intact (walked from its head to its start in
// SQL). Reports throughput, latency percentiles and each process's peak memory. Each run gets a
// schema of its own, dropped at the end.
//
// The bundles are signed before the clock starts, in worker threads, and how long that took is
// reported apart: ES256 and canonical JSON of 10,000 bundles are the generator's cost, not the
// server's.
import canonicalize from 'canonicalize';
import { spawn } from 'node:child_process';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { postgresDatabase } from './database.js';
import { migrate } from './migrate.js';

const CLI = fileURLToPath(new URL('./cli.js', import.meta.url));
const AGGREGATOR = { id: 'AGG-LOAD', name: 'Load Test Distribution' };
/** The month every partner reports; a seeded history is the months before. */
const PERIOD = '2026-10';

/** @param {number} index */
const partnerId = (index) => `LOAD-${String(index).padStart(6, '0')}`;

/**
 * The digest a seeded bundle has: what the SQL seeding computes, so the month-end bundle can
 * name its partner's seeded head. base64url of SHA-256 of "partner/month".
 * @param {number} partner
 * @param {number} month
 */
const seededDigest = (partner, month) =>
	createHash('sha256')
		.update(`${partnerId(partner)}/${month}`)
		.digest('base64url');

/** One usage line whose total is quantity x unit price exactly (no rounding to check). */
function line(/** @type {number} */ partner, /** @type {number} */ index) {
	const quantity = 1 + ((partner * 7 + index * 13) % 500);
	const cents = 100 + ((partner + index * 31) % 9000);
	const total = quantity * cents;
	return {
		sid: `SID-${partner}-${index}`,
		description: `Workspace ONE UEM tenant ${index}, shared (EU-Central)`,
		quantity: String(quantity),
		unitPrice: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`,
		total: `${Math.floor(total / 100)}.${String(total % 100).padStart(2, '0')}`,
		customerRef: `Customer ${partner}-${index % 40}`
	};
}

/**
 * Signs the month-end bundles of partners [from, to): a P-256 key each (its public JWK goes to
 * the key registry), the canonical payload, an ES256 flattened JWS, as a device does.
 * @param {{ from: number, to: number, lines: number, seedMonths: number }} range
 */
function signRange({ from, to, lines, seedMonths }) {
	const b64 = (/** @type {string | Buffer} */ value) => Buffer.from(value).toString('base64url');
	const out = [];
	for (let partner = from; partner < to; partner += 1) {
		const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
		const { x, y } = /** @type {{ x: string, y: string }} */ (publicKey.export({ format: 'jwk' }));
		const jwk = { crv: 'P-256', kty: 'EC', x, y };
		// RFC 7638: SHA-256 of the required members in lexicographic order.
		const kid = createHash('sha256').update(JSON.stringify(jwk)).digest('base64url');
		const items = Array.from({ length: lines }, (_, index) => line(partner, index));
		const cents = items.reduce((sum, item) => sum + Math.round(Number(item.total) * 100), 0);
		const payload = {
			bundleId: crypto.randomUUID(),
			revision: 1,
			supersedes: null,
			kind: 'regular',
			partner: { id: partnerId(partner), name: `Partner ${partner} GmbH` },
			aggregator: AGGREGATOR,
			program: { id: 'omnissa-sp', packVersion: '1.0.0' },
			period: PERIOD,
			createdAt: '2026-11-03T09:30:00.000Z',
			currency: 'EUR',
			lines: items,
			totals: { amount: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}` },
			findings: [],
			previousDigest: seedMonths > 0 ? seededDigest(partner, seedMonths) : null
		};
		const header = b64(JSON.stringify({ alg: 'ES256', typ: 'partner-desk-bundle+jws', kid, jwk }));
		const body = b64(/** @type {string} */ (canonicalize(payload)));
		// ES256 is the raw r || s (RFC 7518 §3.4), not DER.
		const signature = sign('sha256', Buffer.from(`${header}.${body}`), {
			key: privateKey,
			dsaEncoding: 'ieee-p1363'
		});
		out.push({
			partnerId: payload.partner.id,
			bundleId: payload.bundleId,
			kid,
			jwk,
			body: JSON.stringify({ protected: header, payload: body, signature: b64(signature) })
		});
	}
	return out;
}

if (!isMainThread) {
	parentPort?.postMessage(signRange(workerData));
} else {
	await main();
}

/**
 * @typedef {{ partnerId: string, bundleId: string, kid: string, jwk: object, body: string }} Signed
 */

async function main() {
	const { values } = parseArgs({
		options: {
			database: { type: 'string' },
			partners: { type: 'string', default: '10000' },
			lines: { type: 'string', default: '200' },
			concurrency: { type: 'string', default: '64' },
			processes: { type: 'string', default: '2' },
			seed: { type: 'string', default: '0' },
			keep: { type: 'boolean', default: false }
		}
	});
	const url = values.database ?? process.env.PARTNER_DESK_TEST_DATABASE_URL;
	if (!url) {
		console.error(
			'usage: npm run load:aggregator -- --database postgres://… [--partners 10000] [--lines 200] [--concurrency 64] [--processes 2] [--seed 200000]'
		);
		process.exit(2);
	}
	const partners = Number(values.partners);
	const lines = Number(values.lines);
	const concurrency = Number(values.concurrency);
	const processes = Number(values.processes);
	const seedBundles = Number(values.seed);
	// The seeded history is whole months of every partner: 200,000 = 20 months of 10,000.
	const seedMonths = seedBundles / partners;
	if (!Number.isInteger(seedMonths) || seedMonths < 0)
		throw new Error('--seed is whole months of every partner: a multiple of --partners');

	const schema = `load_${Date.now()}`;
	const admin = postgresDatabase(url, { max: 1 });
	await admin.exec(`CREATE SCHEMA ${schema}`);
	const schemaUrl = new URL(url);
	schemaUrl.searchParams.set('options', `-c search_path=${schema}`);
	const db = postgresDatabase(schemaUrl.toString(), { max: 4 });
	try {
		await migrate(db);
		const report = await run({
			db,
			databaseUrl: schemaUrl.toString(),
			partners,
			lines,
			concurrency,
			processes,
			seedMonths
		});
		console.log(JSON.stringify(report, null, 2));
	} finally {
		await db.close();
		if (!values.keep) await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
		await admin.close();
	}
}

/**
 * @param {{ db: import('./database.js').Database, databaseUrl: string, partners: number,
 *   lines: number, concurrency: number, processes: number, seedMonths: number }} options
 */
async function run({ db, databaseUrl, partners, lines, concurrency, processes, seedMonths }) {
	// 1. Sign every bundle in worker threads, before anything is timed.
	let started = performance.now();
	const workers = Math.max(1, availableParallelism());
	const share = Math.ceil(partners / workers);
	/** @type {Signed[]} */
	const signed = (
		await Promise.all(
			Array.from({ length: workers }, (_, index) => {
				const from = index * share;
				const to = Math.min(partners, from + share);
				return new Promise((resolve, reject) => {
					const worker = new Worker(fileURLToPath(import.meta.url), {
						workerData: { from, to, lines, seedMonths }
					});
					worker.once('message', resolve);
					worker.once('error', reject);
				});
			})
		)
	).flat();
	const signingSeconds = (performance.now() - started) / 1000;
	const bodyBytes = signed.reduce((sum, bundle) => sum + bundle.body.length, 0) / signed.length;

	// 2. The operator registers every partner's key (one statement), and maybe seeds a history.
	await db.query(
		`INSERT INTO partner_keys (partner_id, kid, jwk, added_at, source)
		SELECT partner_id, kid, jwk, now(), 'cli'
		FROM unnest($1::text[], $2::text[], $3::jsonb[]) AS key(partner_id, kid, jwk)`,
		[
			signed.map((bundle) => bundle.partnerId),
			signed.map((bundle) => bundle.kid),
			signed.map((bundle) => JSON.stringify(bundle.jwk))
		]
	);
	started = performance.now();
	if (seedMonths > 0) await seedHistory(db, partners, seedMonths);
	const seedingSeconds = (performance.now() - started) / 1000;
	const [{ held: heldBefore }] = await db.query('SELECT count(*)::integer AS held FROM bundles');

	// 3. The aggregator processes, all on the one database.
	const servers = await Promise.all(
		Array.from({ length: processes }, () => startProcess(databaseUrl))
	);
	const peakRss = servers.map(() => 0);
	const sampler = setInterval(() => {
		void Promise.all(servers.map((server) => rssOf(server.child.pid))).then((values) =>
			values.forEach((value, index) => (peakRss[index] = Math.max(peakRss[index], value)))
		);
	}, 200);

	// 4. The month-end: `concurrency` senders take the next bundle and post it to the next process.
	/** @type {number[]} */
	const latencies = [];
	/** @type {Map<number, number>} */
	const statuses = new Map();
	let next = 0;
	const loadBefore = loadavg()[0];
	started = performance.now();
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			for (;;) {
				const index = next++;
				if (index >= signed.length) return;
				const bundle = signed[index];
				const begin = performance.now();
				const response = await fetch(`${servers[index % servers.length].url}/bundles`, {
					method: 'POST',
					headers: {
						'Content-Type': 'application/jose+json',
						'Idempotency-Key': bundle.bundleId
					},
					body: bundle.body
				});
				await response.arrayBuffer();
				latencies.push(performance.now() - begin);
				statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
			}
		})
	);
	const seconds = (performance.now() - started) / 1000;
	clearInterval(sampler);
	for (const server of servers) {
		server.child.kill('SIGTERM');
		await new Promise((resolve) => server.child.once('exit', resolve));
	}

	// 5. Exactly once, and every chain intact: walked from its head back to its first bundle.
	const [{ accepted, distinct }] = await db.query(
		`SELECT count(*)::integer AS accepted, count(DISTINCT bundle_id)::integer AS distinct
		FROM bundles WHERE bundle_id = ANY($1::text[])`,
		[signed.map((bundle) => bundle.bundleId)]
	);
	const [{ walked, chains }] = await db.query(
		`WITH RECURSIVE walk AS (
			SELECT b.partner_id, b.aggregator_id, b.previous_digest
			FROM chain_heads h JOIN bundles b ON b.partner_id = h.partner_id
				AND b.aggregator_id = h.aggregator_id AND b.digest = h.head_digest
			UNION ALL
			SELECT b.partner_id, b.aggregator_id, b.previous_digest
			FROM walk w JOIN bundles b ON b.partner_id = w.partner_id
				AND b.aggregator_id = w.aggregator_id AND b.digest = w.previous_digest
		)
		SELECT count(*)::integer AS walked,
			(SELECT count(*)::integer FROM chain_heads) AS chains FROM walk`
	);
	const [{ held }] = await db.query('SELECT count(*)::integer AS held FROM bundles');
	const [{ heads }] = await db.query(
		`SELECT count(*)::integer AS heads FROM chain_heads h
		JOIN bundles b ON b.partner_id = h.partner_id AND b.aggregator_id = h.aggregator_id
			AND b.digest = h.head_digest
		WHERE b.bundle_id = ANY($1::text[])`,
		[signed.map((bundle) => bundle.bundleId)]
	);
	const sorted = [...latencies].sort((a, b) => a - b);
	const percentile = (/** @type {number} */ p) =>
		Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1));
	const report = {
		partners,
		linesPerBundle: lines,
		bodyBytes: Math.round(bodyBytes),
		concurrency,
		processes,
		heldBefore,
		seedingSeconds: Number(seedingSeconds.toFixed(1)),
		signingSeconds: Number(signingSeconds.toFixed(1)),
		seconds: Number(seconds.toFixed(1)),
		acceptsPerSecond: Number((partners / seconds).toFixed(1)),
		latencyMs: { p50: percentile(50), p99: percentile(99), max: percentile(100) },
		statuses: Object.fromEntries(statuses),
		peakRssMB: peakRss.map((bytes) => Math.round(bytes / 1e6)),
		// The machine's 1-minute load average before and after: a shared machine's other work
		// shows here.
		loadAverage: [Number(loadBefore.toFixed(1)), Number(loadavg()[0].toFixed(1))],
		check: {
			everyBundleAcceptedOnce:
				statuses.get(201) === partners && accepted === partners && distinct === partners,
			everyChainIntact: walked === held && chains === partners && heads === partners,
			held,
			walkedFromHeads: walked
		}
	};
	if (!report.check.everyBundleAcceptedOnce || !report.check.everyChainIntact) {
		console.log(JSON.stringify(report, null, 2));
		throw new Error('the load test found a bundle not accepted exactly once or a broken chain');
	}
	return report;
}

/**
 * `months` accepted bundles per partner before the month-end, as one INSERT … SELECT over
 * generate_series (200,000 rows in seconds, not 200,000 HTTP posts): real chains (each names
 * the digest before it, the constraints check every link) with small stand-in JWS members.
 * @param {import('./database.js').Database} db
 * @param {number} partners
 * @param {number} months
 */
async function seedHistory(db, partners, months) {
	const digest = (/** @type {string} */ month) =>
		`rtrim(translate(encode(sha256(convert_to('LOAD-' || lpad(p::text, 6, '0') || '/' || ${month}, 'UTF8')), 'base64'), '+/', '-_'), '=')`;
	await db.query(
		`INSERT INTO bundles (bundle_id, revision, period, supersedes, kind, partner_id,
			aggregator_id, program_id, kid, previous_digest, received_at, digest,
			jws_protected, jws_payload, jws_signature)
		SELECT gen_random_uuid()::text, 1,
			to_char(date '2026-10-01' - make_interval(months => $2 - m + 1), 'YYYY-MM'), NULL, 'regular',
			'LOAD-' || lpad(p::text, 6, '0'), $1, 'omnissa-sp', repeat('k', 43),
			CASE WHEN m = 1 THEN NULL ELSE ${digest('(m - 1)')} END,
			now() - make_interval(days => 30 * ($2 - m + 1)), ${digest('m')},
			'seeded', md5(p::text || '/' || m::text), 'seeded'
		FROM generate_series(0, $3 - 1) AS p, generate_series(1, $2) AS m
		ORDER BY p, m`,
		[AGGREGATOR.id, months, partners]
	);
	await db.query(
		`INSERT INTO chain_heads (partner_id, aggregator_id, head_digest)
		SELECT 'LOAD-' || lpad(p::text, 6, '0'), $1, ${digest('$2')}
		FROM generate_series(0, $3 - 1) AS p`,
		[AGGREGATOR.id, months, partners]
	);
	// As a database that has held them a while: vacuumed and analyzed, so no autovacuum of the
	// fresh rows runs during the measurement.
	await db.query('VACUUM (ANALYZE) bundles');
	await db.query('VACUUM (ANALYZE) chain_heads');
}

/**
 * @param {string} databaseUrl
 * @returns {Promise<{ child: import('node:child_process').ChildProcess, url: string }>}
 */
function startProcess(databaseUrl) {
	const child = spawn(
		process.execPath,
		[CLI, '--port', '0', '--database', databaseUrl, '--aggregator-id', AGGREGATOR.id],
		{ stdio: ['ignore', 'pipe', 'inherit'] }
	);
	// Its log (a line per bundle) is read to the end, so the pipe never fills and blocks it.
	const output = createInterface({ input: child.stdout });
	return new Promise((resolve, reject) => {
		output.on('line', (text) => {
			const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1];
			if (url) resolve({ child, url });
		});
		child.once('exit', () => reject(new Error('an aggregator process ended before it listened')));
	});
}

/** @param {number | undefined} pid resident memory in bytes (Linux) */
async function rssOf(pid) {
	const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
	const kilobytes = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
	return kilobytes ? Number(kilobytes) * 1024 : 0;
}

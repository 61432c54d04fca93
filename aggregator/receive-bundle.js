import { checkFigures, parsePayload } from './check-payload.js';
import { problem } from './problem.js';
import { verifyJws } from './verify-jws.js';

/**
 * The receiving side of DESIGN.md "Signed report bundles", apart from HTTP: what one
 * POST /bundles is answered with. The checks run from cheap to expensive and from the request to
 * the stored state; everything that reads or moves a partner's chain runs under its lock.
 */

/**
 * @typedef {import('./problem.js').Problem} Problem
 * @typedef {import('./bundle-store.js').BundleStore} BundleStore
 * @typedef {import('./bundle-store.js').AcceptedBundle} AcceptedBundle
 * @typedef {import('./key-registry.js').KeyRegistry} KeyRegistry
 * @typedef {import('./key-registry.js').RegisteredKey} RegisteredKey
 * @typedef {import('./token-registry.js').TokenRegistry} TokenRegistry
 * @typedef {import('./faults.js').Faults} Faults
 * @typedef {{ bundleId: string, receivedAt: string, digest: string }} Receipt
 * @typedef {{ kind: 'receipt', status: 200 | 201, receipt: Receipt }
 *   | { kind: 'problem', problem: Problem }
 *   | { kind: 'drop' }} Outcome
 *
 * @typedef {object} ReceiveContext
 * @property {BundleStore} store
 * @property {KeyRegistry} keys
 * @property {TokenRegistry} tokens
 * @property {Faults} faults
 * @property {boolean} demo trust a partner's first key on first use, and keys so trusted
 * @property {string | undefined} aggregatorId when set, only bundles addressed to this id
 * @property {() => Date} now
 * @property {(line: string) => void} log
 */

const MEDIA_TYPE = 'application/jose+json';

/** @param {AcceptedBundle} bundle @returns {Receipt} */
function receiptOf(bundle) {
	return { bundleId: bundle.bundleId, receivedAt: bundle.receivedAt, digest: bundle.digest };
}

/** @param {Problem} value @returns {Outcome} */
const refuse = (value) => ({ kind: 'problem', problem: value });

/**
 * @param {{ contentType: string | undefined, idempotencyKey: string | undefined, body: string,
 *   tokenPartnerId: string | undefined }} request `tokenPartnerId`: the partner whose bearer token
 *   came with the request (app.js checked it is one), undefined without a token
 * @param {ReceiveContext} context
 * @returns {Promise<Outcome>}
 */
export async function receiveBundle(request, context) {
	// Media types compare without parameters and case-insensitively (RFC 9110 §8.3.1).
	const mediaType = request.contentType?.split(';')[0].trim().toLowerCase();
	if (mediaType !== MEDIA_TYPE)
		return refuse(
			problem(
				'unsupported-media-type',
				`Content-Type is ${JSON.stringify(request.contentType ?? null)}; a bundle is sent as ${MEDIA_TYPE}.`
			)
		);
	// DESIGN.md sends the bare bundleId; the IETF Idempotency-Key draft makes the value a quoted
	// structured-field string. Both name the same key.
	const idempotencyKey = request.idempotencyKey?.trim().replace(/^"(.*)"$/, '$1');
	if (!idempotencyKey)
		return refuse(
			problem(
				'missing-idempotency-key',
				'The Idempotency-Key header is required; it carries the bundleId.'
			)
		);

	const verified = await verifyJws(request.body);
	if (!verified.ok) return refuse(verified.problem);
	// Fields and formats only: every decimal is bounded here. The figures (big.js) wait until the
	// token and the key have passed, so an unknown sender gets no arithmetic at all.
	const parsed = parsePayload(verified.value.payload);
	if (!parsed.ok) return refuse(parsed.problem);
	const { jws, kid, jwk, digest } = verified.value;
	const payload = parsed.payload;
	const partnerId = payload.partner.id;

	const tokenProblem = await checkTokenPartner(request.tokenPartnerId, partnerId, context);
	if (tokenProblem) return refuse(tokenProblem);

	if (idempotencyKey !== payload.bundleId)
		return refuse(
			problem(
				'idempotency-key-mismatch',
				`Idempotency-Key is ${JSON.stringify(idempotencyKey)}, but the bundleId is ${payload.bundleId}; they must be equal.`,
				{ field: 'Idempotency-Key', expected: payload.bundleId }
			)
		);
	if (context.aggregatorId !== undefined && payload.aggregator.id !== context.aggregatorId)
		return refuse(
			problem(
				'wrong-aggregator',
				`The bundle is addressed to aggregator ${JSON.stringify(payload.aggregator.id)}; this is ${JSON.stringify(context.aggregatorId)}.`,
				{ field: 'aggregator.id', expected: context.aggregatorId }
			)
		);

	// The key first, outside any transaction: an unknown sender gets no arithmetic and holds no
	// lock. It is asked again under the lock, where a demo's first key may have been taken.
	const firstLook = trustOf(await context.keys.keysFor(partnerId), kid, context.demo);
	if (firstLook.kind === 'refused')
		return refuse(unregisteredKey(partnerId, kid, firstLook.reason));
	// The figures before the lock, too: big.js over a large report must not hold a transaction.
	const figures = checkFigures(payload);
	if (figures) return refuse(figures.problem);

	const outcome = await context.store.withPartnerLock(partnerId, async (chain) => {
		const trust = trustOf(await chain.keys.keysFor(partnerId), kid, context.demo);
		if (trust.kind === 'refused') return refuse(unregisteredKey(partnerId, kid, trust.reason));
		// Registered in the bundle's own transaction: a refused bundle registers nothing.
		const registerOnFirstUse = async () => {
			if (trust.kind !== 'first-use') return;
			await chain.keys.add({
				partnerId,
				kid,
				jwk,
				addedAt: context.now().toISOString(),
				source: 'demo'
			});
			context.log(`demo: registered key ${kid} for partner ${partnerId} on first use`);
		};

		const known = await chain.find(payload.bundleId);
		if (known) {
			// Same signing input (header and payload) is the same bundle, even if re-signed: an
			// ECDSA signature differs on every signing, the digest does not.
			if (known.digest === digest && known.partnerId === partnerId) {
				// A repeat of a first-use bundle whose key was removed since: trusted again.
				await registerOnFirstUse();
				return /** @type {Outcome} */ ({ kind: 'receipt', status: 200, receipt: receiptOf(known) });
			}
			return refuse(conflict(known, digest));
		}

		if (payload.supersedes !== null) {
			const mismatch = supersedesMismatch(await chain.find(payload.supersedes), payload);
			if (mismatch) return refuse(mismatch);
		}

		const head = await chain.chainHead(partnerId, payload.aggregator.id);
		if (payload.previousDigest !== (head?.digest ?? null)) return refuse(chainGap(payload, head));

		if (context.faults.dropNow()) return /** @type {Outcome} */ ({ kind: 'drop' });

		const receivedAt = context.now().toISOString();
		/** @type {AcceptedBundle} */
		const bundle = {
			bundleId: payload.bundleId,
			revision: payload.revision,
			period: payload.period,
			supersedes: payload.supersedes,
			kind: payload.kind ?? 'regular',
			partnerId,
			aggregatorId: payload.aggregator.id,
			programId: payload.program.id,
			kid,
			previousDigest: payload.previousDigest,
			receivedAt,
			digest
		};
		if (!(await chain.insert({ bundle, jws })))
			return refuse(conflict((await chain.find(payload.bundleId)) ?? bundle, digest));
		await registerOnFirstUse();
		return /** @type {Outcome} */ ({ kind: 'receipt', status: 201, receipt: receiptOf(bundle) });
	});

	// Committed: from here on the bundle is held, whatever happens to the answer.
	if (outcome.kind === 'receipt' && outcome.status === 201) {
		context.log(`accepted ${payload.bundleId} from ${partnerId} (${payload.period}) ${digest}`);
		if (context.faults.loseReceiptNow()) return { kind: 'drop' };
	}
	return outcome;
}

/**
 * 409 chain-gap. The problem carries this aggregator's head of the partner's chain
 * (`headDigest`, `headBundleId`; both null before the first bundle), so that a second device of
 * the same partner, whose own chain never saw the other's bundles, can re-sign its undelivered
 * bundle onto it after its user confirms (DESIGN.md). It tells nothing new: only a key registered
 * for this partner gets here, and the partner signed that head itself. `expected` is kept for
 * clients that read it.
 * @param {import('./payload-schema.js').Payload} payload
 * @param {import('./bundle-store.js').ChainHead | null} head
 */
function chainGap(payload, head) {
	const partnerId = payload.partner.id;
	return problem(
		'chain-gap',
		head === null
			? `previousDigest is ${payload.previousDigest}, but this aggregator holds no bundle of partner ${JSON.stringify(partnerId)}: the first bundle has previousDigest null.`
			: `previousDigest is ${JSON.stringify(payload.previousDigest)}, but the last bundle accepted from partner ${JSON.stringify(partnerId)} is ${head.bundleId} with digest ${head.digest}: send the bundles in chain order, or continue the chain from that bundle.`,
		{
			field: 'previousDigest',
			expected: head?.digest ?? null,
			headDigest: head?.digest ?? null,
			headBundleId: head?.bundleId ?? null
		}
	);
}

/**
 * @param {AcceptedBundle} known
 * @param {string} digest
 */
function conflict(known, digest) {
	return problem(
		'conflict',
		`Bundle ${known.bundleId} was accepted at ${known.receivedAt} with digest ${known.digest}; this one has digest ${digest}. A changed report is a new revision with a new bundleId.`,
		{ bundleId: known.bundleId, digest: known.digest }
	);
}

/**
 * A correction keeps the period and raises the revision (DESIGN.md). Checked when this
 * aggregator holds the superseded bundle; it may not: a queued revision can be withdrawn before
 * it was ever delivered.
 * @param {AcceptedBundle | undefined} old
 * @param {import('./payload-schema.js').Payload} payload
 * @returns {Problem | undefined}
 */
function supersedesMismatch(old, payload) {
	if (!old) return undefined;
	/** @type {[string, unknown, unknown][]} */
	const pairs = [
		['partner.id', payload.partner.id, old.partnerId],
		['aggregator.id', payload.aggregator.id, old.aggregatorId],
		['program.id', payload.program.id, old.programId],
		['period', payload.period, old.period]
	];
	for (const [field, value, expected] of pairs)
		if (value !== expected)
			return problem(
				'supersedes-mismatch',
				`${field} is ${JSON.stringify(value)}, but the superseded bundle ${old.bundleId} has ${JSON.stringify(expected)}: a correction keeps it.`,
				{ field, expected }
			);
	if (payload.revision <= old.revision)
		return problem(
			'supersedes-mismatch',
			`revision is ${payload.revision}, but the superseded bundle ${old.bundleId} is revision ${old.revision}: a correction raises the revision.`,
			{ field: 'revision', expected: old.revision + 1 }
		);
	return undefined;
}

/**
 * Whether a partner's bundle signed with `kid` may be stored. A key the operator registered
 * always; a key a demo run trusted only under --demo; an unknown key only under --demo and only
 * as the partner's first key: a second device, or a web page posting as the partner, must be
 * registered with `keys add`.
 * @param {RegisteredKey[]} partnerKeys
 * @param {string} kid
 * @param {boolean} demo
 * @returns {{ kind: 'registered' | 'first-use' } | { kind: 'refused', reason: 'unknown' | 'demo-key' | 'not-first' }}
 */
export function trustOf(partnerKeys, kid, demo) {
	const key = partnerKeys.find((known) => known.kid === kid);
	if (key?.source === 'cli') return { kind: 'registered' };
	if (key) return demo ? { kind: 'registered' } : { kind: 'refused', reason: 'demo-key' };
	if (!demo) return { kind: 'refused', reason: 'unknown' };
	return partnerKeys.length === 0
		? { kind: 'first-use' }
		: { kind: 'refused', reason: 'not-first' };
}

/**
 * @param {string} partnerId
 * @param {string} kid
 * @param {'unknown' | 'demo-key' | 'not-first'} reason
 */
function unregisteredKey(partnerId, kid, reason) {
	const why = {
		unknown: `is not registered for partner ${JSON.stringify(partnerId)}`,
		'demo-key': `was trusted for partner ${JSON.stringify(partnerId)} on first use by a demo run only, and this aggregator does not run in demo mode`,
		'not-first': `is not registered for partner ${JSON.stringify(partnerId)}, and demo mode trusts only a partner's first key`
	}[reason];
	return problem(
		'unregistered-key',
		`The signing key ${kid} ${why}. The aggregator's operator must register it first: save the public key (the "jwk" of the protected header) as key.jwk and run \`npm run aggregator -- keys add --partner ${partnerId} key.jwk\`; the key's thumbprint is ${kid}.`,
		{ partnerId, kid }
	);
}

/**
 * A token belongs to one partner: it may send only that partner's bundles, and a partner with a
 * token must send it (401, as a missing token anywhere).
 * @param {string | undefined} tokenPartnerId
 * @param {string} partnerId
 * @param {ReceiveContext} context
 * @returns {Promise<Problem | undefined>}
 */
async function checkTokenPartner(tokenPartnerId, partnerId, context) {
	if (tokenPartnerId === undefined)
		return (await context.tokens.partnerHasToken(partnerId))
			? problem(
					'unauthorized',
					`Bundles of partner ${JSON.stringify(partnerId)} need the bearer token the aggregator's operator issued to the partner.`
				)
			: undefined;
	if (tokenPartnerId !== partnerId)
		return problem(
			'token-partner-mismatch',
			`The bearer token belongs to another partner than ${JSON.stringify(partnerId)}, the partner.id of this bundle.`,
			{ field: 'partner.id', partnerId }
		);
	return undefined;
}

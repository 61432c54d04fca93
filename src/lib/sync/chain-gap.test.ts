import { describe, expect, it } from 'vitest';
import { ProblemSchema } from '$lib/domain/bundle';
import { toBundleId, type BundleDigest } from './bundle-payload';
import { chainLinkOf, checkChain } from './chain';
import { chainGapHead, resignOntoHead, ResignError } from './chain-gap';
import { signBundle } from './sign-bundle';
import { createSigningKey } from './signing-key';
import {
	decodeJson,
	readyRevision,
	smallPayload,
	octoberFindings
} from '../../../tests/helpers/sync';
import { verifyBundle } from './verify-bundle';

const deviceA = await createSigningKey();
const deviceB = await createSigningKey();

const HEAD = 'H'.repeat(43) as BundleDigest;
const HEAD_ID = '11111111-2222-4333-8444-555555555555';
const ids = ['aaaaaaaa-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000002'].map(
	toBundleId
);
const OLD_1 = toBundleId('0b0b0b0b-0000-4000-8000-000000000001');
const OLD_2 = toBundleId('0b0b0b0b-0000-4000-8000-000000000002');

describe('chainGapHead', () => {
	const chainGap = { type: 'urn:partner-desk:problem:chain-gap', status: 409 };

	it('reads the head a chain-gap names', () => {
		expect(chainGapHead({ ...chainGap, headDigest: HEAD, headBundleId: HEAD_ID })).toEqual({
			digest: HEAD,
			bundleId: HEAD_ID
		});
	});

	it('an aggregator that holds nothing yet: the head is null', () => {
		expect(chainGapHead({ ...chainGap, headDigest: null, headBundleId: null })).toEqual({
			digest: null,
			bundleId: null
		});
	});

	it('nothing to continue from: another problem, no head named, or a head that is no digest', () => {
		const conflict = { type: 'urn:partner-desk:problem:conflict', status: 409 };
		expect(chainGapHead({ ...conflict, headDigest: HEAD })).toBeUndefined();
		expect(chainGapHead(chainGap)).toBeUndefined();
		expect(chainGapHead({ ...chainGap, headDigest: 'short' })).toBeUndefined();
		expect(chainGapHead(undefined)).toBeUndefined();
	});

	it('a head without its bundle id, or with one that is no id, keeps the digest alone', () => {
		for (const headBundleId of [undefined, null, '', 'not-a-uuid'])
			expect(chainGapHead({ ...chainGap, headDigest: HEAD, headBundleId })).toStrictEqual({
				digest: HEAD,
				bundleId: null
			});
	});

	it('a malformed head from the wire is dropped, the refusal is kept', () => {
		const parsed = ProblemSchema.parse({
			...chainGap,
			title: 'previousDigest is not the last accepted digest',
			headDigest: '<script>',
			headBundleId: 42
		});
		expect(parsed).toEqual({
			...chainGap,
			title: 'previousDigest is not the last accepted digest',
			headDigest: undefined,
			headBundleId: undefined
		});
		expect(chainGapHead(parsed)).toBeUndefined();
		const good = ProblemSchema.parse({ ...chainGap, headDigest: HEAD, headBundleId: HEAD_ID });
		expect(chainGapHead(good)).toEqual({ digest: HEAD, bundleId: HEAD_ID });
	});
});

/** Device B's own chain: `count` bundles, the first onto B's (stale) head `start`. */
async function chainOfB(count: number, start: BundleDigest | null) {
	const bundles = [];
	let previousDigest = start;
	const oldIds = [OLD_1, OLD_2];
	for (let index = 0; index < count; index++) {
		const findings = octoberFindings().filter((f) => f.ruleId === 'quantity-change');
		// The second is revision 2 of the same month, correcting the first.
		const payload = smallPayload({
			bundleId: oldIds[index],
			previousDigest,
			supersedes: index === 0 ? null : oldIds[index - 1],
			revision: readyRevision(findings, {
				revision: index + 1,
				lineCount: 2,
				totals: { quantity: '73', amount: '1817.70' } as never
			})
		});
		const signed = await signBundle({ payload, ...deviceB });
		bundles.push(signed);
		previousDigest = signed.digest;
	}
	return bundles;
}

describe('resignOntoHead', () => {
	it("one refused bundle: re-signed onto A's head under a new id, the report unchanged", async () => {
		const fromA = await signBundle({ payload: smallPayload(), ...deviceA });
		const [refused] = await chainOfB(1, null);
		const counter = [...ids];

		const [resigned] = await resignOntoHead({
			bundles: [refused],
			head: fromA.digest,
			...deviceB,
			createdAt: new Date('2026-11-14T10:00:00Z'),
			newBundleId: () => counter.shift()!
		});

		expect(resigned.replaces).toBe(OLD_1);
		expect(resigned.bundleId).toBe(ids[0]);
		const verified = await verifyBundle(resigned.jws);
		expect(verified).toMatchObject({ ok: true, digest: resigned.digest, kid: deviceB.kid });
		const before = decodeJson(refused.jws.payload) as Record<string, unknown>;
		const after = decodeJson(resigned.jws.payload) as Record<string, unknown>;
		expect(after).toEqual({
			...before,
			bundleId: ids[0],
			previousDigest: fromA.digest,
			createdAt: '2026-11-14T10:00:00.000Z'
		});
		expect((after.totals as { amount: string }).amount).toBe('1817.70');
		// A's bundle, then B's, form one chain from the start.
		const links = [await chainLinkOf(fromA.jws), await chainLinkOf(resigned.jws)];
		expect(checkChain(links)).toEqual({ ok: true, head: resigned.digest });
	});

	it('two queued bundles: both re-chained in order, the correction names the new id', async () => {
		const [first, second] = await chainOfB(2, null);
		const counter = [...ids];

		const resigned = await resignOntoHead({
			bundles: [first, second],
			head: HEAD,
			...deviceB,
			createdAt: new Date('2026-11-14T10:00:00Z'),
			newBundleId: () => counter.shift()!
		});

		expect(resigned.map((bundle) => bundle.replaces)).toEqual([OLD_1, OLD_2]);
		expect(resigned.map((bundle) => bundle.bundleId)).toEqual(ids);
		expect(resigned.map((bundle) => bundle.payload.previousDigest)).toEqual([
			HEAD,
			resigned[0].digest
		]);
		expect(resigned.map((bundle) => bundle.payload.supersedes)).toEqual([null, ids[0]]);
		expect(resigned.map((bundle) => bundle.payload.revision)).toEqual([1, 2]);
		const links = await Promise.all(resigned.map((bundle) => chainLinkOf(bundle.jws)));
		expect(checkChain(links, { start: HEAD })).toEqual({ ok: true, head: resigned[1].digest });
		for (const bundle of resigned) expect((await verifyBundle(bundle.jws)).ok).toBe(true);
	});

	it('onto an empty aggregator: the first previousDigest is null', async () => {
		const [refused] = await chainOfB(1, HEAD);
		const [resigned] = await resignOntoHead({
			bundles: [refused],
			head: null,
			...deviceB,
			createdAt: new Date('2026-11-14T10:00:00Z')
		});
		expect(resigned.payload.previousDigest).toBeNull();
		expect(resigned.bundleId).not.toBe(OLD_1);
	});

	it('a damaged stored JWS is refused, never re-signed', async () => {
		const [refused] = await chainOfB(1, null);
		const damaged = { ...refused.jws, signature: refused.jws.signature.replace(/^./, 'A') };
		const attempt = resignOntoHead({
			bundles: [{ bundleId: OLD_1, jws: { ...damaged, payload: damaged.payload.slice(1) } }],
			head: HEAD,
			...deviceB,
			createdAt: new Date()
		});
		await expect(attempt).rejects.toBeInstanceOf(ResignError);
		await expect(attempt).rejects.toThrow(/bundle 0b0b0b0b-0000-4000-8000-000000000001/);
	});

	it('a stored JWS under another bundle id is refused by name; a damaged one says why', async () => {
		const [signed] = await chainOfB(1, null);
		const swapped = resignOntoHead({
			bundles: [{ bundleId: OLD_2, jws: signed.jws }],
			head: HEAD,
			...deviceB,
			createdAt: new Date()
		});
		await expect(swapped).rejects.toThrow(
			new ResignError(OLD_2, `stored JWS carries bundle ${OLD_1}`)
		);
		await expect(swapped).rejects.toMatchObject({ name: 'ResignError', bundleId: OLD_2 });
		const damaged = resignOntoHead({
			bundles: [{ bundleId: OLD_1, jws: '{ not json' }],
			head: HEAD,
			...deviceB,
			createdAt: new Date()
		});
		await expect(damaged).rejects.toThrow(
			`bundle ${OLD_1}: stored JWS is damaged: the body is not JSON`
		);
	});

	it('new ids are fresh UUIDs unless the caller names them; a supersedes outside keeps its id', async () => {
		const elsewhere = toBundleId('0c0c0c0c-0000-4000-8000-000000000009');
		const findings = octoberFindings().filter((f) => f.ruleId === 'quantity-change');
		const payload = smallPayload({
			bundleId: OLD_2,
			previousDigest: null,
			supersedes: elsewhere,
			revision: readyRevision(findings, {
				revision: 2,
				lineCount: 2,
				totals: { quantity: '73', amount: '1817.70' } as never
			})
		});
		const correction = await signBundle({ payload, ...deviceB });
		const [resigned] = await resignOntoHead({
			bundles: [correction],
			head: HEAD,
			...deviceB,
			createdAt: new Date('2026-11-14T10:00:00Z')
		});
		expect(resigned.payload.supersedes).toBe(elsewhere);
		expect(resigned.bundleId).toMatch(
			/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
		);
		expect(resigned.bundleId).not.toBe(OLD_2);
	});
});

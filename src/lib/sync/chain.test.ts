import { base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { toBundleId, type BundleDigest } from './bundle-payload';
import { canonicalJson } from './canonical-json';
import { chainLinkOf, checkChain, linksTo, type ChainLink } from './chain';
import { signBundle, type SignedBundle } from './sign-bundle';
import { createSigningKey } from './signing-key';
import { octoberFindings, octoberPayload, readyRevision } from '../../../tests/helpers/sync';
import { verifyBundle } from './verify-bundle';

const key = await createSigningKey();
const findings = octoberFindings();
const ids = [
	toBundleId('1b0e4c2a-5d3f-4e6a-8b7c-9d0e1f2a3b4c'),
	toBundleId('2c1f5d3b-6e4a-4f7b-9c8d-0e1f2a3b4c5d'),
	toBundleId('3d2a6e4c-7f5b-4a8c-8d9e-1f2a3b4c5d6e')
];

/**
 * The chain of one partner for one aggregator: October (revision 1), its correction (revision 2,
 * superseding the first bundle), then an adjustment with late October usage.
 */
async function signChain(): Promise<SignedBundle[]> {
	const options = [
		{ bundleId: ids[0], supersedes: null, revision: readyRevision(findings) },
		{
			bundleId: ids[1],
			supersedes: ids[0],
			revision: readyRevision(findings, {
				revision: 2,
				supersedes: '0b8f3c9e-2a41-4c8e-9d57-7f1a2b3c4d5e'
			})
		},
		{
			bundleId: ids[2],
			supersedes: null,
			revision: readyRevision(findings, { kind: 'adjustment' })
		}
	];
	const signed: SignedBundle[] = [];
	let previousDigest: BundleDigest | null = null;
	for (const [index, changes] of options.entries()) {
		const payload = octoberPayload({
			...changes,
			findings,
			previousDigest,
			createdAt: new Date(Date.UTC(2026, 10, 12 + index, 9, 46))
		});
		signed.push(await signBundle({ payload, ...key }));
		previousDigest = signed[signed.length - 1].digest;
	}
	return signed;
}

const chain = await signChain();
const links = await Promise.all(chain.map((bundle) => chainLinkOf(bundle.jws)));

describe('the hash chain of signed bundles', () => {
	it('links three signed bundles: null first, then each digest before', async () => {
		expect(links).toEqual([
			{ bundleId: ids[0], previousDigest: null, digest: chain[0].digest },
			{ bundleId: ids[1], previousDigest: chain[0].digest, digest: chain[1].digest },
			{ bundleId: ids[2], previousDigest: chain[1].digest, digest: chain[2].digest }
		]);
		expect(checkChain(links)).toEqual({ ok: true, head: chain[2].digest });
		// The aggregator recomputes the same digests from what it receives.
		for (const [index, bundle] of chain.entries()) {
			const verified = await verifyBundle(bundle.jws, { trustedKids: [key.kid] });
			expect(verified.ok && [verified.digest, verified.payload.previousDigest]).toEqual([
				bundle.digest,
				index === 0 ? null : chain[index - 1].digest
			]);
		}
	});

	it('linksTo says whether a payload continues a head', async () => {
		const second = await verifyBundle(chain[1].jws);
		if (!second.ok) throw new Error(second.problem.detail);
		expect(linksTo(second.payload, chain[0].digest)).toBe(true);
		expect(linksTo(second.payload, chain[1].digest)).toBe(false);
		expect(linksTo(second.payload, null)).toBe(false);
	});

	it('continues from the last accepted digest, and an empty chain keeps its start', () => {
		expect(checkChain(links.slice(1), { start: chain[0].digest })).toEqual({
			ok: true,
			head: chain[2].digest
		});
		expect(checkChain([], { start: chain[2].digest })).toEqual({ ok: true, head: chain[2].digest });
		expect(checkChain([])).toEqual({ ok: true, head: null });
	});

	it('shows a gap: the middle bundle missing', () => {
		expect(checkChain([links[0], links[2]])).toEqual({
			ok: false,
			problem: {
				code: 'chain-gap',
				index: 1,
				bundleId: ids[2],
				expected: chain[0].digest,
				found: chain[1].digest
			}
		});
		expect(checkChain(links.slice(1))).toMatchObject({
			ok: false,
			problem: { index: 0, expected: null, found: chain[0].digest }
		});
	});

	it('shows a bundle signed again with other content: the next link breaks', async () => {
		const payload = octoberPayload({
			findings,
			bundleId: ids[0],
			createdAt: new Date(Date.UTC(2026, 10, 12, 9, 46))
		});
		// One line's description edited, re-signed with the same key: a valid bundle of its own.
		payload.lines[0] = { ...payload.lines[0], description: 'Horizon Cloud Desktop (edited)' };
		const edited = await signBundle({ payload, ...key });
		expect((await verifyBundle(edited.jws)).ok).toBe(true);
		const editedLink = await chainLinkOf(edited.jws);
		expect(checkChain([editedLink, links[1], links[2]])).toMatchObject({
			ok: false,
			problem: { index: 1, bundleId: ids[1], expected: edited.digest, found: chain[0].digest }
		});
	});

	it('shows a stored bundle edited in place: its digest is recomputed, not trusted', async () => {
		const stored = chain[0].jws;
		const payload = JSON.parse(new TextDecoder().decode(base64url.decode(stored.payload)));
		payload.lines[0].quantity = '36';
		const tampered = { ...stored, payload: base64url.encode(canonicalJson(payload)) };
		const tamperedLink: ChainLink = await chainLinkOf(tampered);
		expect(tamperedLink.digest).not.toBe(chain[0].digest);
		expect(checkChain([tamperedLink, links[1], links[2]])).toMatchObject({
			ok: false,
			problem: { index: 1, expected: tamperedLink.digest, found: chain[0].digest }
		});
		expect(await verifyBundle(tampered)).toMatchObject({
			ok: false,
			problem: { code: 'invalid-signature' }
		});
	});

	it('chainLinkOf refuses a JWS that is not a bundle', async () => {
		await expect(chainLinkOf({ payload: chain[0].jws.payload })).rejects.toThrow(
			'a bundle JWS has a protected header'
		);
		await expect(
			chainLinkOf({ protected: chain[0].jws.protected, payload: base64url.encode('{"a":1}') })
		).rejects.toThrow();
	});
});

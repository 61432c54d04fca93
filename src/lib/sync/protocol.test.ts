import { describe, expect, it } from 'vitest';
import {
	BUNDLE_MEDIA_TYPE,
	BUNDLE_TYP,
	BundleListSchema,
	problemCodeOf,
	problemType
} from './protocol';

describe('protocol names', () => {
	it('are those of DESIGN.md', () => {
		expect([BUNDLE_MEDIA_TYPE, BUNDLE_TYP]).toEqual([
			'application/jose+json',
			'partner-desk-bundle+jws'
		]);
		expect(problemType('chain-gap')).toBe('urn:partner-desk:problem:chain-gap');
		expect(problemCodeOf('urn:partner-desk:problem:non-canonical-payload')).toBe(
			'non-canonical-payload'
		);
		expect(problemCodeOf('about:blank')).toBeUndefined();
	});

	it('read a GET /bundles reply and refuse an item without its digest', () => {
		const item = {
			bundleId: '5d0c2a8e-7b1f-4e3a-9c6d-2f8e4a1b7c90',
			revision: 1,
			period: '2026-10',
			supersedes: null,
			partnerId: 'SP-4711',
			receivedAt: '2026-11-12T09:47:03.512Z',
			digest: 'dQ7h107hlL6gH9JNRFXuY417PpIdIj6xyFrny1sWqFo'
		};
		expect(BundleListSchema.parse({ bundles: [item] })).toEqual({ bundles: [item] });
		const result = BundleListSchema.safeParse({ bundles: [{ ...item, digest: undefined }] });
		expect(result.success || result.error.issues[0].path).toEqual(['bundles', 0, 'digest']);
	});
});

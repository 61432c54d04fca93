import { describe, expect, it } from 'vitest';
import { bundleDigest } from './bundle-digest';

describe('bundleDigest', () => {
	it('is unpadded base64url SHA-256 of the ASCII text "protected.payload"', async () => {
		// Fixed vectors, computed apart (Python hashlib) from the signing input text.
		expect(
			await bundleDigest({ protected: 'eyJhbGciOiJFUzI1NiJ9', payload: 'eyJhIjoiMS4wMCJ9' })
		).toBe('dQ7h107hlL6gH9JNRFXuY417PpIdIj6xyFrny1sWqFo');
		expect(await bundleDigest({ protected: '', payload: '' })).toBe(
			'zbTuKuppzGqDMxu-ltwsqpopnSEynvsDNvwCqC4YOag'
		);
	});

	it('changes when either part changes, and the separator counts', async () => {
		const digests = await Promise.all([
			bundleDigest({ protected: 'ab', payload: 'c' }),
			bundleDigest({ protected: 'a', payload: 'bc' }),
			bundleDigest({ protected: 'ab', payload: 'd' })
		]);
		expect(new Set(digests).size).toBe(3);
	});

	it('refuses a member that is not ASCII rather than hashing it as UTF-8', async () => {
		await expect(bundleDigest({ protected: 'eyJ', payload: 'abcä' })).rejects.toThrow(
			'a JWS member is not base64url'
		);
		await expect(bundleDigest({ protected: '€', payload: 'abc' })).rejects.toThrow(
			'a JWS member is not base64url'
		);
	});
});

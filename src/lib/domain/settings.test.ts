import { describe, expect, it } from 'vitest';
import { AggregatorSchema, fieldErrors } from './settings';

const base = { id: 'also-de', name: 'ALSO Deutschland' };

describe('an aggregator endpoint', () => {
	it('is https anywhere, or http on this machine only, without a trailing slash', () => {
		for (const [endpoint, stored] of [
			['https://reports.also.example/partner-desk/', 'https://reports.also.example/partner-desk'],
			['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
			['http://localhost:8787/', 'http://localhost:8787']
		]) {
			expect(AggregatorSchema.parse({ ...base, endpoint }).endpoint).toBe(stored);
		}
	});

	it('is refused in clear text over a network, with credentials or a query, or when no URL', () => {
		for (const endpoint of [
			'http://reports.also.example',
			'http://192.168.1.20:8787',
			// The Content Security Policy cannot allow it, so the app could never reach it.
			'http://[::1]:8787',
			'https://user:secret@reports.also.example',
			'https://reports.also.example/?partner=1',
			'ftp://reports.also.example',
			'reports.also.example'
		]) {
			const result = AggregatorSchema.safeParse({ ...base, endpoint });
			expect(result.success, endpoint).toBe(false);
			if (!result.success)
				expect(fieldErrors(result.error)).toEqual({ endpoint: 'endpoint-format' });
		}
	});

	it('is optional, and so is the token', () => {
		expect(AggregatorSchema.parse(base)).toEqual(base);
		expect(AggregatorSchema.parse({ ...base, token: ' abc ' }).token).toBe('abc');
	});
});

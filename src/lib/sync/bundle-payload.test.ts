import { describe, expect, it } from 'vitest';
import { BundlePayloadSchema, isBundleDigest, toBundleId } from './bundle-payload';
import { smallPayload } from '../../../tests/helpers/sync';

/** The first issue's field path and message, or 'ok'. */
function check(change: (copy: Record<string, unknown>) => void) {
	const copy = structuredClone(smallPayload()) as unknown as Record<string, unknown>;
	change(copy);
	const result = BundlePayloadSchema.safeParse(copy);
	if (result.success) return 'ok';
	const issue = result.error.issues[0];
	return [issue.path.join('.'), issue.message];
}

describe('BundlePayloadSchema', () => {
	it('takes kind as regular, adjustment or zero-usage, and requires it', () => {
		expect(check(() => {})).toBe('ok');
		expect(check((c) => (c.kind = 'adjustment'))).toBe('ok');
		expect(check((c) => (c.kind = 'zero-usage'))).toBe('ok');
		expect(check((c) => (c.kind = 'credit'))[0]).toBe('kind');
		expect(check((c) => delete c.kind)[0]).toBe('kind');
	});

	it('takes a line’s sku, unit, contractId and creditReason, never empty', () => {
		const line = (c: Record<string, unknown>) => (c.lines as Record<string, unknown>[])[0];
		expect(check((c) => Object.assign(line(c), { sku: 'OSP-1', unit: 'User' }))).toBe('ok');
		expect(check((c) => Object.assign(line(c), { contractId: 'SPC-1', creditReason: 'x' }))).toBe(
			'ok'
		);
		expect(check((c) => (line(c).creditReason = ''))[0]).toBe('lines.0.creditReason');
		expect(check((c) => (line(c).colour = 'red'))[0]).toBe('lines.0');
	});

	it('takes decimal strings, never JSON numbers, and totals with exactly 2 decimals', () => {
		const line = (c: Record<string, unknown>) => (c.lines as Record<string, unknown>[])[0];
		expect(check((c) => (line(c).quantity = '0.10'))).toBe('ok');
		expect(check((c) => (line(c).quantity = 35))).toEqual([
			'lines.0.quantity',
			'Invalid input: expected string, received number'
		]);
		expect(check((c) => (line(c).unitPrice = '1e3'))).toEqual(['lines.0.unitPrice', 'decimal']);
		expect(check((c) => (line(c).total = '871.5'))).toEqual(['lines.0.total', 'amount-2-decimals']);
		expect(check((c) => (line(c).total = '871.500'))).toEqual([
			'lines.0.total',
			'amount-2-decimals'
		]);
		expect(check((c) => (line(c).customerRef = ''))).toEqual([
			'lines.0.customerRef',
			'Too small: expected string to have >=1 characters'
		]);
	});

	it('refuses a revision that is not a positive integer', () => {
		expect(check((c) => (c.revision = 1.5))).toEqual([
			'revision',
			'Invalid input: expected int, received number'
		]);
		expect(check((c) => (c.revision = '1'))).toEqual([
			'revision',
			'Invalid input: expected number, received string'
		]);
	});
});

describe('bundle ids and digests', () => {
	it('brands a UUID and refuses anything else', () => {
		expect(toBundleId('5d0c2a8e-7b1f-4e3a-9c6d-2f8e4a1b7c90')).toBe(
			'5d0c2a8e-7b1f-4e3a-9c6d-2f8e4a1b7c90'
		);
		expect(() => toBundleId('SP-4711-2026-10')).toThrow('not a bundle id: "SP-4711-2026-10"');
	});

	it('knows a digest by its 43 base64url characters', () => {
		expect(isBundleDigest('dQ7h107hlL6gH9JNRFXuY417PpIdIj6xyFrny1sWqFo')).toBe(true);
		expect(isBundleDigest('dQ7h107hlL6gH9JNRFXuY417PpIdIj6xyFrny1sWqFo=')).toBe(false);
		expect(isBundleDigest('dQ7h107hlL6gH9JNRFXuY417PpIdIj6xyFrny1sWq+o')).toBe(false);
	});
});

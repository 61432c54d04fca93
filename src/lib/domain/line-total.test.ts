import { describe, expect, it } from 'vitest';
import { judgeLineTotal, lineTotalOf } from './line-total';
import { formatScaled, toScaled } from './scaled-decimal';

const judge = (quantity: string, unitPrice: string, total: string) => {
	const verdict = judgeLineTotal(toScaled(quantity), toScaled(unitPrice), toScaled(total));
	return verdict.kind === 'correct'
		? { kind: 'correct' }
		: { kind: verdict.kind, expected: formatScaled(verdict.expected) };
};

describe('lineTotalOf', () => {
	it('rounds quantity × unit price half-even to 2 places', () => {
		expect(formatScaled(lineTotalOf(toScaled('1301'), toScaled('0.125')))).toBe('162.62');
		expect(formatScaled(lineTotalOf(toScaled('1303'), toScaled('0.125')))).toBe('162.88');
		expect(formatScaled(lineTotalOf(toScaled('140'), toScaled('24.90')))).toBe('3486.00');
		expect(formatScaled(lineTotalOf(toScaled('-6'), toScaled('11.20')))).toBe('-67.20');
	});
});

describe('judgeLineTotal', () => {
	it('accepts the total equal to the rounded product, not the unrounded one', () => {
		expect(judge('1301', '0.125', '162.62')).toEqual({ kind: 'correct' });
		expect(judge('1301', '0.125', '162.620')).toEqual({ kind: 'correct' });
		expect(judge('140', '24.90', '3486')).toEqual({ kind: 'correct' });
		expect(judge('1301', '0.125', '162.625')).toEqual({ kind: 'mismatch', expected: '162.62' });
	});

	it('calls a total that rounds an exact half the other way half-other-way, in both signs', () => {
		expect(judge('1301', '0.125', '162.63')).toEqual({
			kind: 'half-other-way',
			expected: '162.62'
		});
		expect(judge('1303', '0.125', '162.87')).toEqual({
			kind: 'half-other-way',
			expected: '162.88'
		});
		expect(judge('-1301', '0.125', '-162.63')).toEqual({
			kind: 'half-other-way',
			expected: '-162.62'
		});
	});

	it('calls anything else a mismatch, a cent off a product that is no exact half too', () => {
		expect(judge('1301', '0.125', '162.64')).toEqual({ kind: 'mismatch', expected: '162.62' });
		expect(judge('3', '0.333', '1.00')).toEqual({ kind: 'correct' });
		expect(judge('3', '0.333', '0.99')).toEqual({ kind: 'mismatch', expected: '1.00' });
		expect(judge('140', '24.90', '3486.01')).toEqual({ kind: 'mismatch', expected: '3486.00' });
	});
});

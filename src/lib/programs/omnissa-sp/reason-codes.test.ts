import { describe, expect, it } from 'vitest';
import { omnissaPack } from './built-in-pack';
import { reasonCodesFor } from './reason-codes';

const codes = (ruleId: string) =>
	reasonCodesFor({ pack: omnissaPack(), ruleId }).map((reason) => reason.code);

describe('reasonCodesFor', () => {
	it('offers for each warning the reasons that fit it, from the pack', () => {
		expect(codes('report-late')).toEqual(['delay-agreed', 'correction-follows', 'other']);
		expect(codes('quantity-change')).toEqual([
			'customer-growth',
			'migration',
			'seasonal',
			'service-cancelled',
			'correction-follows',
			'other'
		]);
		expect(codes('sid-dropped')).toEqual([
			'migration',
			'service-cancelled',
			'correction-follows',
			'other'
		]);
		expect(codes('duplicate-line')).toEqual(['both-rows-real', 'correction-follows', 'other']);
	});
});

import { describe, expect, it } from 'vitest';
import { applyOverrides } from './apply-overrides';
import { loadBuiltInPack } from '../built-in-packs';
import type { ProgramPack } from '../pack-schema';

function builtIn(): ProgramPack {
	const result = loadBuiltInPack({ id: 'omnissa-sp' });
	if (!result.ok) throw new Error('built-in pack must load');
	return result.value;
}

describe('applyOverrides', () => {
	it('sets a value and records what the pack shipped', () => {
		const result = applyOverrides({
			pack: builtIn(),
			overrides: { quantityChangeThresholdPercent: '40', weekendHolidayPolicy: 'next-business-day' }
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.value.parameters.quantityChangeThresholdPercent).toEqual({
			value: '40',
			source: 'default-to-confirm',
			note: builtIn().parameters.quantityChangeThresholdPercent.note,
			overridden: { packValue: '25' }
		});
		expect(result.value.parameters.weekendHolidayPolicy.overridden).toEqual({ packValue: 'none' });
		expect(result.value.parameters.reviewOpensDay).toEqual({ value: 10, source: 'seed' });
	});

	it('keeps the shipped value across two overrides and clears the mark when set back', () => {
		const first = applyOverrides({ pack: builtIn(), overrides: { submitDueDay: 20 } });
		if (!first.ok) throw new Error('first override must apply');
		const second = applyOverrides({ pack: first.value, overrides: { submitDueDay: 18 } });
		if (!second.ok) throw new Error('second override must apply');
		expect(second.value.parameters.submitDueDay).toEqual({
			value: 18,
			source: 'seed',
			overridden: { packValue: 15 }
		});
		const back = applyOverrides({ pack: second.value, overrides: { submitDueDay: 15 } });
		expect(back.ok && back.value.parameters.submitDueDay).toEqual({ value: 15, source: 'seed' });
	});

	it('allows pinning a time zone and unpinning it with null', () => {
		const pinned = applyOverrides({ pack: builtIn(), overrides: { timeZone: 'Europe/Vienna' } });
		if (!pinned.ok) throw new Error('pin must apply');
		expect(pinned.value.parameters.timeZone.value).toBe('Europe/Vienna');
		const unpinned = applyOverrides({ pack: pinned.value, overrides: { timeZone: null } });
		expect(unpinned.ok && unpinned.value.parameters.timeZone.overridden).toBeUndefined();
	});

	it('refuses bad values and unknown names, naming the field', () => {
		const result = applyOverrides({
			pack: builtIn(),
			overrides: { quantityChangeThresholdPercent: '-5', submitDay: 15 }
		});
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems.map((problem) => [problem.code, problem.field])).toEqual([
			['invalid-field', 'quantityChangeThresholdPercent'],
			['unknown-field', 'submitDay']
		]);
	});

	it('checks cross-field rules on the result', () => {
		const result = applyOverrides({ pack: builtIn(), overrides: { reviewOpensDay: 16 } });
		expect(result.ok ? [] : result.problems).toEqual([
			{
				code: 'invalid-field',
				field: 'parameters.submitDueDay.value',
				detail: 'submitDueDay is before reviewOpensDay'
			}
		]);
	});
});

import { describe, expect, it } from 'vitest';
import { effectiveOmnissaPack } from './effective-pack';

describe('effectiveOmnissaPack', () => {
	it('is the built-in pack without overrides', () => {
		const { pack, problems } = effectiveOmnissaPack(undefined);
		expect(problems).toEqual([]);
		expect(pack.parameters.submitDueDay.value).toBe(15);
	});

	it('applies an override and keeps the shipped value visible', () => {
		const { pack } = effectiveOmnissaPack({
			submitDueDay: 14,
			weekendHolidayPolicy: 'previous-business-day'
		});
		expect(pack.parameters.submitDueDay).toMatchObject({
			value: 14,
			overridden: { packValue: 15 }
		});
		expect(pack.parameters.weekendHolidayPolicy.value).toBe('previous-business-day');
	});

	it('sets aside overrides that do not pass the schema, naming the field', () => {
		const { pack, problems } = effectiveOmnissaPack({ submitDueDay: 40 });
		expect(pack.parameters.submitDueDay.value).toBe(15);
		expect(problems.map((problem) => problem.field)).toEqual(['submitDueDay']);
	});
});

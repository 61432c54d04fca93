import { describe, expect, it } from 'vitest';
import { applyGenesysOverrides } from './apply-overrides';
import { builtInGenesysPacks } from './pack';

const [pack] = builtInGenesysPacks();

describe('applyGenesysOverrides', () => {
	it('sets the partner’s grace length and keeps the pack’s value beside it', () => {
		const result = applyGenesysOverrides({ pack, overrides: { graceDays: 60 } });
		expect(result.ok && result.value.parameters.graceDays).toEqual({
			value: 60,
			source: 'default-to-confirm',
			note: pack.parameters.graceDays.note,
			overridden: { packValue: 90 }
		});
	});

	it('clears the mark when the value goes back to the pack’s', () => {
		const once = applyGenesysOverrides({ pack, overrides: { graceDays: 60 } });
		if (!once.ok) throw new Error('override refused');
		const back = applyGenesysOverrides({ pack: once.value, overrides: { graceDays: 90 } });
		expect(back.ok && back.value.parameters.graceDays.overridden).toBeUndefined();
	});

	it('refuses an unknown parameter and tiers that would fall', () => {
		expect(applyGenesysOverrides({ pack, overrides: { graceWeeks: 4 } })).toMatchObject({
			ok: false,
			problems: [{ code: 'unknown-field', field: 'graceWeeks' }]
		});
		const tiers = structuredClone(pack.parameters.tiers.value);
		tiers[2].kpiMinimum = '100000.00'; // Gold below Silver's 150,000.00
		const result = applyGenesysOverrides({ pack, overrides: { tiers } });
		expect(result.ok ? [] : result.problems.map((p) => p.field)).toEqual([
			'parameters.tiers.value.2.kpiMinimum'
		]);
	});
});

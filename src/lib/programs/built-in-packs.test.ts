import { describe, expect, it } from 'vitest';
import { ANY_SID_PATTERN } from '$lib/domain/sid-pattern';
import { builtInPacks, loadBuiltInPack } from './built-in-packs';

describe('built-in packs', () => {
	it('ships omnissa-sp and loads it by id', () => {
		expect([...builtInPacks.keys()]).toEqual(['omnissa-sp']);
		const result = loadBuiltInPack({ id: 'omnissa-sp' });
		expect(result.ok && [result.value.id, result.value.version]).toEqual(['omnissa-sp', '1.0.0']);
	});

	it("defaults the SID pattern to the importer's own (one SID pattern, not two)", () => {
		const result = loadBuiltInPack({ id: 'omnissa-sp' });
		if (!result.ok) throw new Error('built-in pack must load');
		expect(result.value.parameters.sidPattern.value).toBe(ANY_SID_PATTERN);
	});

	it('states the line-total rounding rule and the counted units', () => {
		const result = loadBuiltInPack({ id: 'omnissa-sp' });
		if (!result.ok) throw new Error('built-in pack must load');
		const { lineTotalRounding, countedUnits } = result.value.parameters;
		expect(lineTotalRounding.value).toBe('half-even');
		expect(lineTotalRounding.note?.en).toContain('162.625 → 162.62');
		expect(countedUnits.value).toEqual(expect.arrayContaining(['User', 'Device', 'Gerät']));
	});

	it('answers a pack that is not built yet with a problem, not a throw', () => {
		expect(loadBuiltInPack({ id: 'genesys-appfoundry' })).toEqual({
			ok: false,
			problems: [{ code: 'unknown-pack', field: 'genesys-appfoundry', detail: 'not built in' }]
		});
	});
});

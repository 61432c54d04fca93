import { describe, expect, it } from 'vitest';
import { builtInPacks, loadBuiltInPack } from './built-in-packs';

describe('built-in packs', () => {
	it('ships omnissa-sp and loads it by id', () => {
		expect([...builtInPacks.keys()]).toEqual(['omnissa-sp']);
		const result = loadBuiltInPack({ id: 'omnissa-sp' });
		expect(result.ok && [result.value.id, result.value.version]).toEqual(['omnissa-sp', '1.0.0']);
	});

	it('answers a pack that is not built yet with a problem, not a throw', () => {
		expect(loadBuiltInPack({ id: 'genesys-appfoundry' })).toEqual({
			ok: false,
			problems: [{ code: 'unknown-pack', field: 'genesys-appfoundry', detail: 'not built in' }]
		});
	});
});

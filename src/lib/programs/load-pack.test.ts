import { describe, expect, it } from 'vitest';
import omnissaSp from './omnissa-sp/omnissa-sp.json';
import { loadPack } from './load-pack';
import { describePackProblem } from './pack-problem';

function clone(): Record<string, unknown> {
	return structuredClone(omnissaSp) as Record<string, unknown>;
}

describe('loadPack', () => {
	it('loads the built-in omnissa-sp pack from its JSON text', () => {
		const result = loadPack({ json: JSON.stringify(omnissaSp) });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.value.id).toBe('omnissa-sp');
		expect(result.value.version).toBe('1.0.0');
		expect(result.value.parameters.reviewOpensDay).toEqual({ value: 10, source: 'seed' });
		expect(result.value.parameters.submitDueDay).toEqual({ value: 15, source: 'seed' });
		expect(result.value.parameters.weekendHolidayPolicy.value).toBe('none');
		expect(result.value.parameters.weekendHolidayPolicy.source).toBe('default-to-confirm');
		expect(result.value.parameters.weekendHolidayPolicy.note?.en).toContain(
			'confirm with your aggregator'
		);
		expect(result.value.parameters.weekendHolidayPolicy.note?.de).toContain(
			'mit Ihrem Solution Aggregator klären'
		);
		expect(result.value.parameters.reasonCodes.value.map((reason) => reason.code)).toEqual([
			'customer-growth',
			'migration',
			'seasonal',
			'service-cancelled',
			'both-rows-real',
			'delay-agreed',
			'correction-follows',
			'other'
		]);
	});

	it('labels every parameter the seed does not publish as a default to confirm', () => {
		const result = loadPack({ json: omnissaSp });
		if (!result.ok) throw new Error('built-in pack must load');
		const sources = Object.fromEntries(
			Object.entries(result.value.parameters).map(([name, parameter]) => [name, parameter.source])
		);
		expect(sources).toEqual({
			reviewOpensDay: 'seed',
			submitDueDay: 'seed',
			timeZone: 'default-to-confirm',
			weekendHolidayPolicy: 'default-to-confirm',
			quantityChangeThresholdPercent: 'default-to-confirm',
			sidPattern: 'default-to-confirm',
			countedUnits: 'default-to-confirm',
			lineTotalRounding: 'default-to-confirm',
			currency: 'default-to-confirm',
			reasonCodes: 'default-to-confirm',
			exclusionReasons: 'default-to-confirm'
		});
	});

	it('refuses text that is not JSON', () => {
		const result = loadPack({ json: '{"id": "omnissa-sp",' });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems).toHaveLength(1);
		expect(result.problems[0]).toMatchObject({ code: 'invalid-json', field: '' });
	});

	it('names the field of each bad value, with the zod path', () => {
		const pack = clone();
		const parameters = pack.parameters as Record<string, { value: unknown }>;
		parameters.submitDueDay.value = 32;
		parameters.quantityChangeThresholdPercent.value = 50;
		parameters.sidPattern.value = 'SID-(';
		pack.version = 'v1';
		const result = loadPack({ json: pack });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems.map((problem) => [problem.code, problem.field])).toEqual([
			['invalid-field', 'version'],
			['invalid-field', 'parameters.submitDueDay.value'],
			['invalid-field', 'parameters.quantityChangeThresholdPercent.value'],
			['invalid-field', 'parameters.sidPattern.value']
		]);
	});

	it('reports unknown fields one by one and cross-field mistakes by the later field', () => {
		const pack = clone();
		pack.extra = true;
		const parameters = pack.parameters as Record<string, { value: unknown }>;
		parameters.reviewOpensDay.value = 20;
		const unknown = loadPack({ json: pack });
		expect(unknown.ok).toBe(false);
		if (unknown.ok) return;
		// An unknown key does not stop the cross-field check: both show at once.
		expect(unknown.problems.map((problem) => [problem.code, problem.field])).toEqual([
			['unknown-field', 'extra'],
			['invalid-field', 'parameters.submitDueDay.value']
		]);

		delete pack.extra;
		const crossField = loadPack({ json: pack });
		expect(crossField.ok).toBe(false);
		if (crossField.ok) return;
		expect(crossField.problems).toEqual([
			{
				code: 'invalid-field',
				field: 'parameters.submitDueDay.value',
				detail: 'submitDueDay is before reviewOpensDay'
			}
		]);
	});

	it('refuses an unknown pack id and an unknown time zone', () => {
		const otherId = clone();
		otherId.id = 'genesys-appfoundry';
		const idResult = loadPack({ json: otherId });
		expect(idResult.ok ? [] : idResult.problems.map((problem) => problem.field)).toEqual(['id']);

		const badZone = clone();
		(badZone.parameters as Record<string, { value: unknown }>).timeZone.value = 'Europe/Nowhere';
		const zoneResult = loadPack({ json: badZone });
		expect(zoneResult.ok ? [] : zoneResult.problems.map((problem) => problem.field)).toEqual([
			'parameters.timeZone.value'
		]);
	});

	it('turns a problem into a sentence in both languages', () => {
		const problem = { code: 'unknown-field', field: 'extra', detail: 'Unrecognized key' } as const;
		expect(describePackProblem({ problem, locale: 'en' })).toBe(
			'The field "extra" is unknown; please remove it. (Unrecognized key)'
		);
		expect(describePackProblem({ problem, locale: 'de' })).toBe(
			'Das Feld „extra“ ist unbekannt; bitte entfernen. (Unrecognized key)'
		);
	});
});

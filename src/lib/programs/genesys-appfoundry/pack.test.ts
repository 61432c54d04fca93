import { describe, expect, it } from 'vitest';
import builtIn2026 from './genesys-appfoundry-2026.json';
import {
	builtInGenesysPacks,
	confirmLabel,
	loadGenesysPack,
	packForYear,
	reviewDateOf
} from './pack';
import { testPack } from './test-packs';

type Json = { parameters: Record<string, { value: unknown }> } & Record<string, unknown>;
const clone = () => structuredClone(builtIn2026) as unknown as Json;
const tiersOf = (json: Json) =>
	json.parameters.tiers.value as {
		id: string;
		kpiMinimum: string;
		trainedPeople: Record<string, number>;
	}[];

describe('the genesys-appfoundry pack', () => {
	it('ships a 2026 pack: review 1 December, 90 days grace, Bronze → Silver → Gold', () => {
		const [pack] = builtInGenesysPacks();
		expect([pack.id, pack.version, pack.programYear, reviewDateOf(pack)]).toEqual([
			'genesys-appfoundry',
			'1.0.0',
			2026,
			'2026-12-01'
		]);
		expect(pack.parameters.graceDays.value).toBe(90);
		expect(pack.parameters.tiers.value.map((tier) => [tier.id, tier.kpiMinimum])).toEqual([
			['bronze', '0.00'],
			['silver', '150000.00'],
			['gold', '400000.00']
		]);
		// The sample data's example thresholds (expected.json exampleTierSetup, in USD).
		expect(pack.parameters.kpiCurrency.value).toBe('USD');
	});

	it('labels every value but the entry tier "confirm with the current program guide"', () => {
		const [pack] = builtInGenesysPacks();
		const labelled = Object.entries(pack.parameters)
			.filter(([, parameter]) => confirmLabel(parameter) !== undefined)
			.map(([name]) => name);
		expect(labelled.sort()).toEqual([
			'graceDays',
			'kpiCurrency',
			'repCompensation',
			'reviewDate',
			'staleLeadDays',
			'tiers',
			'trainingRequirements'
		]);
		expect(pack.parameters.entryTier).toMatchObject({ value: 'bronze', source: 'seed' });
		expect(confirmLabel(pack.parameters.tiers)).toEqual({
			de: 'mit dem aktuellen Programmleitfaden bestätigen',
			en: 'confirm with the current program guide'
		});
		// Benefits in both languages for every tier and all five categories of the seed.
		for (const tier of pack.parameters.tiers.value) {
			expect(Object.keys(tier.benefits).sort()).toEqual([
				'discounts',
				'enablement',
				'marketing',
				'marketplace',
				'technical-support'
			]);
		}
	});

	it('refuses a pack whose entry tier is not first, whose thresholds fall or whose review day does not exist', () => {
		const json = clone();
		tiersOf(json).reverse();
		json.parameters.reviewDate.value = '02-29'; // 2026 is not a leap year
		const result = loadGenesysPack({ json });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems.map((p) => p.field)).toEqual([
			'parameters.reviewDate.value',
			'parameters.entryTier.value',
			'parameters.tiers.value.1.kpiMinimum',
			'parameters.tiers.value.1.trainedPeople.genesys-cloud-technical',
			'parameters.tiers.value.1.trainedPeople.appfoundry-onboarding',
			'parameters.tiers.value.2.kpiMinimum',
			'parameters.tiers.value.2.trainedPeople.genesys-cloud-technical',
			'parameters.tiers.value.2.trainedPeople.appfoundry-onboarding'
		]);
	});

	it('refuses a tier that needs an unknown training requirement, and text that is not JSON', () => {
		const json = clone();
		tiersOf(json)[1].trainedPeople = {
			'made-up': 1,
			'genesys-cloud-technical': 2,
			'appfoundry-onboarding': 1
		};
		const result = loadGenesysPack({ json });
		expect(result.ok ? [] : result.problems.map((p) => [p.code, p.field])).toEqual([
			['invalid-field', 'parameters.tiers.value.1.trainedPeople.made-up'],
			// Gold, above it, then needs fewer of it: refused too.
			['invalid-field', 'parameters.tiers.value.2.trainedPeople.made-up']
		]);
		expect(loadGenesysPack({ json: '{' })).toMatchObject({
			ok: false,
			problems: [{ code: 'invalid-json' }]
		});
	});

	it('finds the pack of a year, the newest version when there are several', () => {
		const packs = [
			testPack({ version: '1.0.0' }),
			testPack({ version: '1.1.0' }),
			testPack({ year: 2027, version: '2.0.0' })
		];
		expect(packForYear({ packs, year: 2026 })?.version).toBe('1.1.0');
		expect(packForYear({ packs, year: 2027 })?.version).toBe('2.0.0');
		expect(packForYear({ packs, year: 2028 })).toBeUndefined();
	});
});

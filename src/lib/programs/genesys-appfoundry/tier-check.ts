import { compare, roundHalfEven, subtract, type DecimalString } from '../../domain/money';
import type { GenesysPack, Tier } from './pack-schema';
import { tiersOf } from './pack';
import type { TrainedPeople } from './training';

export type RequirementCheck = {
	requirementId: string;
	required: number;
	have: number;
	/** People still to train: 0 when met. */
	missing: number;
};

export type TierCheck = {
	tierId: string;
	kpiMinimum: DecimalString;
	kpiMet: boolean;
	/** What the KPI lacks for the tier: "0.00" when met. */
	kpiGap: DecimalString;
	training: RequirementCheck[];
	trainingMet: boolean;
	met: boolean;
};

/** Whether `tier` is met with this KPI (rounded to cents) and these trained people. */
export function checkTier(options: {
	tier: Tier;
	kpi: DecimalString;
	trained: readonly TrainedPeople[];
}): TierCheck {
	const { tier, kpi } = options;
	const kpiMinimum = tier.kpiMinimum as DecimalString;
	const kpiMet = compare(kpi, kpiMinimum) >= 0;
	const training = Object.entries(tier.trainedPeople).map(([requirementId, required]) => {
		const have = options.trained.find((t) => t.requirementId === requirementId)?.people.length ?? 0;
		return { requirementId, required, have, missing: Math.max(0, required - have) };
	});
	const trainingMet = training.every((check) => check.missing === 0);
	return {
		tierId: tier.id,
		kpiMinimum,
		kpiMet,
		kpiGap: kpiMet ? ('0.00' as DecimalString) : roundHalfEven(subtract(kpiMinimum, kpi)),
		training,
		trainingMet,
		met: kpiMet && trainingMet
	};
}

/** Every tier of the pack checked, lowest first. */
export function checkTiers(options: {
	pack: GenesysPack;
	kpi: DecimalString;
	trained: readonly TrainedPeople[];
}): TierCheck[] {
	return tiersOf(options.pack).map((tier) =>
		checkTier({ tier, kpi: options.kpi, trained: options.trained })
	);
}

/** The highest tier met; the entry tier (first) is the floor, met or not. */
export function highestTierMet(checks: readonly TierCheck[]): string {
	let highest = checks[0].tierId;
	for (const check of checks) if (check.met) highest = check.tierId;
	return highest;
}

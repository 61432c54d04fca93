import builtIn2026 from './genesys-appfoundry-2026.json';
import { loadGenesysPack } from './pack';
import type { GenesysPack } from './pack-schema';
import type { Listing, RevenueRecord, TrainingEvidence } from './records';

/**
 * Small packs for hand-computed tests: Bronze 0.00, Silver `silver` with 2 people holding the
 * technical training, Gold `gold` with 3; no onboarding requirement. Built from the shipped
 * JSON, so they pass the same schema.
 */
export function testPack(options: {
	year?: number;
	version?: string;
	silver?: string;
	gold?: string;
	graceDays?: number;
	reviewDate?: string;
	bronze?: string;
}): GenesysPack {
	const json = structuredClone(builtIn2026) as Record<string, unknown> & {
		parameters: Record<string, { value: unknown }>;
	};
	const year = options.year ?? 2026;
	json.programYear = year;
	json.version = options.version ?? '1.0.0';
	json.validFrom = `${year}-01-01`;
	json.validTo = `${year}-12-31`;
	const tiers = json.parameters.tiers.value as {
		kpiMinimum: string;
		trainedPeople: Record<string, number>;
	}[];
	tiers[0].kpiMinimum = options.bronze ?? '0.00';
	tiers[1].kpiMinimum = options.silver ?? '1000.00';
	tiers[1].trainedPeople = { 'genesys-cloud-technical': 2 };
	tiers[2].kpiMinimum = options.gold ?? '5000.00';
	tiers[2].trainedPeople = { 'genesys-cloud-technical': 3 };
	json.parameters.graceDays.value = options.graceDays ?? 30;
	json.parameters.reviewDate.value = options.reviewDate ?? '12-01';
	const result = loadGenesysPack({ json });
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.value;
}

export const APP = 'app-1';
export const NOT_ISV = 'app-2';
export const listings: Listing[] = [
	{ listingId: APP, name: 'Queue App', isvApp: true, pricingModel: 'per user' },
	{ listingId: NOT_ISV, name: 'Draft App', isvApp: false, pricingModel: 'flat' }
];

/** A recurring USD record of the ISV app, billed by Genesys unless said otherwise. */
export function revenue(
	date: string,
	grossAmount: string,
	extra: Partial<RevenueRecord> = {}
): RevenueRecord {
	return {
		date,
		listingId: APP,
		customer: 'Customer A',
		source: 'genesys-billing',
		recurring: true,
		grossAmount: grossAmount as RevenueRecord['grossAmount'],
		currency: 'USD',
		...extra
	};
}

/** A technical training (counts for `genesys-cloud-technical`). */
export function technical(
	person: string,
	completedOn: string,
	expiresOn: string
): TrainingEvidence {
	return { person, course: 'Genesys Cloud Platform Fundamentals', completedOn, expiresOn };
}

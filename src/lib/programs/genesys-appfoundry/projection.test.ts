import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { numberReader, readGenesysCsv } from '../../../../tests/helpers/genesys';
import { parseRevenueRows } from './csv-rows';
import { builtInGenesysPacks } from './pack';
import { projectTier } from './projection';
import { assessTier } from './assess-tier';
import type { Listing, TrainingEvidence } from './records';
import { listings, revenue, technical, testPack } from './test-packs';
import type { TierEvent } from './tier-history';

const silver: TierEvent[] = [
	{ on: '2025-12-01', tier: 'silver', code: 'review-higher', params: {} }
];
const trained = [
	technical('Ada', '2026-01-01', '2027-12-31'),
	technical('Ben', '2026-01-01', '2027-12-31')
];

describe('projectTier (test pack: Silver 1,000.00, Gold 5,000.00, review 1 December)', () => {
	// 100.00 by 10 January: 10 days so far, 10.00 a day. 1 January → 1 December is 335 days
	// (Jan-Nov 334 + 1), so the projection is 100.00 × 335 / 10 = 3,350.00; 325 days to go.
	const base = {
		pack: testPack({}),
		history: silver,
		records: [revenue('2026-01-05', '100.00')],
		listings,
		training: trained,
		date: '2026-01-10'
	};

	it('projects the KPI at the review from the run rate', () => {
		const p = projectTier(base);
		expect([p.daysElapsed, p.daysToReview, p.runRatePerDay, p.projectedKpi]).toEqual([
			10,
			325,
			'10.00',
			'3350.00'
		]);
		// Silver kept (3,350.00 ≥ 1,000.00, 2 people); Gold 1,650.00 and one person away.
		expect([p.tierHeld, p.projectedTier, p.keep.met]).toEqual(['silver', 'silver', true]);
		expect(p.next).toMatchObject({ tierId: 'gold', kpiGap: '1650.00', training: [{ missing: 1 }] });
	});

	it('what-if: revenue grows 10 %', () => {
		// The 325 days to come at 11.00 instead of 10.00: + 325.00 → 3,675.00.
		const p = projectTier({ ...base, whatIf: { kind: 'growth', percent: '10' } });
		expect([p.whatIfAdds, p.projectedKpi]).toEqual(['325.00', '3675.00']);
	});

	it('what-if: a lead closes at 3,650.00 a year from 22 November', () => {
		// 22 Nov → 1 Dec is 10 days of 365: 3,650.00 × 10 / 365 = 100.00 → 3,450.00.
		const p = projectTier({
			...base,
			whatIf: { kind: 'lead-closes', annualValue: '3650.00', startsOn: '2026-11-22' }
		});
		expect([p.whatIfAdds, p.projectedKpi]).toEqual(['100.00', '3450.00']);
		// Nothing stored changed: the same call without the what-if gives the plain projection.
		expect(projectTier(base).projectedKpi).toBe('3350.00');
	});

	it('names training that lapses before the review, and the tier it costs', () => {
		// Ben's training ends 30 November: valid today, gone on 1 December: 1 of 2 for Silver.
		const training = [trained[0], technical('Ben', '2025-01-01', '2026-11-30')];
		const p = projectTier({ ...base, training });
		expect(p.trainingLapsing).toEqual([training[1]]);
		expect(p.keep).toMatchObject({
			tierId: 'silver',
			kpiMet: true,
			met: false,
			training: [{ required: 2, have: 1, missing: 1 }]
		});
		expect(p.projectedTier).toBe('bronze');
	});
});

describe('projectTier on the sample data (2026-11-12, built-in 2026 pack)', () => {
	const root = fileURLToPath(new URL('../../../../tests/fixtures/', import.meta.url));
	const read = (name: string) => readFileSync(`${root}/${name}`, 'utf8');
	const csv = readGenesysCsv({
		text: read('genesys/revenue-2026.csv'),
		file: 'revenue-2026.csv',
		kind: 'revenue'
	});
	const records = parseRevenueRows({ csv, readNumber: numberReader('en') }).records.map(
		(row) => row.record
	);
	const fixtureListings: Listing[] = [
		{
			listingId: '61ebd218-3499-4a7b-815a-2788ca2339e1',
			name: 'Tidewell Queue Insights',
			isvApp: true,
			pricingModel: ''
		},
		{
			listingId: '3ff3f089-e2d0-4110-bbfa-f9dad1a84e21',
			name: 'Tidewell Callback Planner',
			isvApp: true,
			pricingModel: ''
		}
	];
	const training: TrainingEvidence[] = read('genesys/training.csv')
		.trim()
		.split('\n')
		.slice(1)
		.map((line) => line.split(','))
		.map(([person, role, course, completedOn, expiresOn]) => ({
			person,
			role,
			course,
			completedOn,
			expiresOn
		}));
	const [pack] = builtInGenesysPacks();

	it('misses Silver at the review: short of KPI and of the onboarding training', () => {
		// KPI 122,513.50 over 316 days (1 Jan → 12 Nov); 335 days to 1 Dec:
		// 122,513.50 × 335 / 316 = 129,879.818… → 129,879.82. Silver needs 150,000.00: 20,120.18
		// short. Mira Osei's onboarding expires 30 Nov: 0 of 1 on 1 Dec. Technical: Lena Vogt,
		// Jan Pohlmann, Tobias Reinhardt (security, to 2027-02-11): 3 of 2.
		const p = projectTier({
			pack,
			history: silver,
			records,
			listings: fixtureListings,
			training,
			date: '2026-11-12'
		});
		expect([p.kpi.kpi, p.daysElapsed, p.daysToReview, p.projectedKpi]).toEqual([
			'122513.50',
			316,
			19,
			'129879.82'
		]);
		expect(p.keep).toMatchObject({
			tierId: 'silver',
			kpiGap: '20120.18',
			training: [
				{ requirementId: 'genesys-cloud-technical', required: 2, have: 3, missing: 0 },
				{ requirementId: 'appfoundry-onboarding', required: 1, have: 0, missing: 1 }
			]
		});
		expect(p.trainingLapsing.map((t) => t.person)).toEqual(['Mira Osei']);
		expect(p.projectedTier).toBe('bronze');
	});

	it('what-if: a 77,400.00 a year lead closing tomorrow adds 19 days of it', () => {
		// 77,400.00 × 19 / 365 = 4,029.041…; 129,879.818… + 4,029.041… = 133,908.859… → 133,908.86
		// (rounded once: the two parts rounded first would also give .86, but by luck).
		const p = projectTier({
			pack,
			history: silver,
			records,
			listings: fixtureListings,
			training,
			date: '2026-11-12',
			whatIf: { kind: 'lead-closes', annualValue: '77400.00' }
		});
		expect([p.whatIfAdds, p.projectedKpi]).toEqual(['4029.04', '133908.86']);
	});

	it('a review on 1 December starts a 90-day grace period for Silver', () => {
		// No record after 12 Nov: KPI 122,513.50 on 1 Dec, 27,486.50 short of 150,000.00, and the
		// onboarding requirement is empty (Mira Osei's lapsed 30 Nov). Highest tier met: Bronze.
		// Silver is kept through the grace period, 1 Dec + 90 days = 1 March 2027 (last day).
		const result = assessTier({
			packs: [pack],
			history: silver,
			records,
			listings: fixtureListings,
			training,
			date: '2026-12-01'
		});
		if (!result.ok) throw new Error(result.code);
		const a = result.assessment;
		expect([a.kpi.kpi, a.qualifiedTier, a.outcome, a.tierNow]).toEqual([
			'122513.50',
			'bronze',
			'short',
			'silver'
		]);
		expect(a.tiers[1]).toMatchObject({
			kpiGap: '27486.50',
			training: [{ missing: 0 }, { missing: 1 }]
		});
		expect(a.grace).toMatchObject({ start: '2026-12-02', end: '2027-03-01', status: 'running' });
	});
});

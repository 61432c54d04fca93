import { describe, expect, it } from 'vitest';
import { assessTier, type TierAssessmentInput } from './assess-tier';
import { graceDaysLeft } from './grace-period';
import type { GenesysPack } from './pack-schema';
import type { RevenueRecord, TrainingEvidence } from './records';
import { listings, revenue, technical, testPack } from './test-packs';
import { startHistory, tierOn, type TierEvent } from './tier-history';

// Test packs: Bronze 0.00; Silver 1,000.00 with 2 technically trained people; Gold 5,000.00
// with 3; review on 1 December; grace 30 days (review + 30: 2 → 31 December).
const p2026 = testPack({});
const twoTrained = [
	technical('Ada', '2026-01-10', '2027-12-31'),
	technical('Ben', '2026-01-10', '2027-12-31')
];
const silverSince2025: TierEvent[] = [
	{ on: '2024-05-14', tier: 'bronze', code: 'new-partner', params: {} },
	{ on: '2025-12-01', tier: 'silver', code: 'review-higher', review: '2025-12-01', params: {} }
];

function assess(
	options: Partial<TierAssessmentInput> & { date: string; records: RevenueRecord[] }
) {
	const result = assessTier({
		packs: [p2026],
		history: silverSince2025,
		listings,
		training: twoTrained,
		...options
	});
	if (!result.ok) throw new Error(`no assessment: ${JSON.stringify(result)}`);
	return result.assessment;
}

describe('assessTier: the review', () => {
	it('moves a new partner from Bronze up at its first review, at once', () => {
		// Joined 2026-03-01 at Bronze; 1,200.00 recurring by 1 Dec and 2 trained: Silver (1,000.00,
		// 2 people) is met, Gold (5,000.00) is not. Effective on the review day itself.
		const a = assess({
			history: startHistory({ joinedOn: '2026-03-01', entryTier: 'bronze' }),
			records: [revenue('2026-03-31', '1200.00')],
			date: '2026-12-01'
		});
		expect(a.tierBefore).toBe('bronze');
		expect([a.qualifiedTier, a.outcome, a.tierAfterReview, a.tierNow]).toEqual([
			'silver',
			'higher',
			'silver',
			'silver'
		]);
		expect(a.change).toEqual({
			from: 'bronze',
			to: 'silver',
			effectiveOn: '2026-12-01',
			code: 'review-higher'
		});
		expect(a.events).toEqual([
			{
				on: '2026-12-01',
				tier: 'silver',
				code: 'review-higher',
				review: '2026-12-01',
				pack: { id: 'genesys-appfoundry', version: '1.0.0', programYear: 2026 },
				params: { kpi: '1200.00', currency: 'USD', from: 'bronze' }
			}
		]);
	});

	it('keeps the tier between reviews while the KPI grows', () => {
		// Bronze since 2025; by 15 July 2026 the 2026 KPI is 6,000.00 (enough for Gold) but the last
		// review is 1 Dec 2025 (2025 pack, KPI 2025 = 0.00): the tier stays Bronze until 1 Dec 2026.
		const p2025 = testPack({ year: 2025 });
		const a = assess({
			packs: [p2025, p2026],
			history: startHistory({ joinedOn: '2025-01-01', entryTier: 'bronze' }),
			training: [...twoTrained, technical('Cleo', '2026-01-10', '2027-12-31')],
			records: [revenue('2026-01-31', '3000.00'), revenue('2026-06-30', '3000.00')],
			date: '2026-07-15'
		});
		expect([a.reviewDate, a.kpi.kpi, a.outcome, a.tierNow]).toEqual([
			'2025-12-01',
			'0.00',
			'met',
			'bronze'
		]);
		expect(
			tierOn({
				history: [...startHistory({ joinedOn: '2025-01-01', entryTier: 'bronze' }), ...a.events],
				date: '2026-11-30',
				entryTier: 'bronze'
			})
		).toBe('bronze');
	});

	it('meets a tier with the KPI exactly on its threshold', () => {
		// 600.00 + 400.00 = 1,000.00 = the Silver minimum: met (reaches, ≥).
		const a = assess({
			records: [revenue('2026-02-28', '600.00'), revenue('2026-09-30', '400.00')],
			date: '2026-12-01'
		});
		expect(a.tiers[1]).toMatchObject({ tierId: 'silver', kpiMet: true, kpiGap: '0.00', met: true });
		expect([a.outcome, a.tierNow]).toEqual(['met', 'silver']);
	});

	it('does not give a tier whose training is missing, however high the KPI', () => {
		// KPI 6,000.00 ≥ Gold's 5,000.00, but Gold needs 3 trained people and there are 2: Silver.
		const a = assess({ records: [revenue('2026-06-30', '6000.00')], date: '2026-12-01' });
		expect(a.tiers[2]).toMatchObject({
			kpiMet: true,
			trainingMet: false,
			training: [{ requirementId: 'genesys-cloud-technical', required: 3, have: 2, missing: 1 }]
		});
		expect(a.qualifiedTier).toBe('silver');
	});

	it('does not count a training that lapsed the day before the review', () => {
		// Ben's training expired on 30 November: on 1 December only Ada counts (1 of 2): Silver is
		// short despite a KPI of 2,000.00, and a grace period starts.
		const training: TrainingEvidence[] = [
			twoTrained[0],
			technical('Ben', '2024-12-01', '2026-11-30')
		];
		const a = assess({ training, records: [revenue('2026-06-30', '2000.00')], date: '2026-12-01' });
		expect(a.trained).toEqual([
			{ requirementId: 'genesys-cloud-technical', people: ['Ada'] },
			{ requirementId: 'appfoundry-onboarding', people: [] }
		]);
		expect([a.qualifiedTier, a.outcome, a.tierNow]).toEqual(['bronze', 'short', 'silver']);
	});

	it('counts a training that expires on the review date', () => {
		// Expires 1 December, review 1 December: completedOn ≤ D ≤ expiresOn holds, 2 people.
		const training: TrainingEvidence[] = [
			twoTrained[0],
			technical('Ben', '2024-12-01', '2026-12-01')
		];
		const a = assess({ training, records: [revenue('2026-06-30', '2000.00')], date: '2026-12-01' });
		expect([a.qualifiedTier, a.outcome]).toEqual(['silver', 'met']);
	});

	it('keeps Bronze as the floor even when Bronze itself has a minimum', () => {
		// A pack with Bronze at 100.00 and a KPI of 0.00: nothing is met, the tier stays Bronze.
		const a = assess({
			packs: [testPack({ bronze: '100.00' })],
			history: [],
			records: [],
			date: '2026-12-02'
		});
		expect([a.tierBefore, a.qualifiedTier, a.outcome, a.tierNow]).toEqual([
			'bronze',
			'bronze',
			'met',
			'bronze'
		]);
	});
});

describe('assessTier: the grace period', () => {
	// Silver held; at the review the KPI is 900.00, 100.00 short of Silver's 1,000.00.
	const short = revenue('2026-06-30', '900.00');

	it('starts a grace period when the partner is short, keeping the tier through it', () => {
		// Review 1 Dec + 30 days: grace 2 → 31 Dec. On 10 Dec nothing new: still running, 22 days
		// left (10 → 31 December, both counted).
		const a = assess({ records: [short], date: '2026-12-10' });
		expect(a.grace).toMatchObject({
			start: '2026-12-02',
			end: '2026-12-31',
			status: 'running',
			followedThrough: '2026-12-10'
		});
		expect(graceDaysLeft(a.grace!, '2026-12-10')).toBe(22);
		expect([a.tierAfterReview, a.tierNow, a.change]).toEqual(['silver', 'silver', undefined]);
		expect(a.events[0]).toMatchObject({
			code: 'review-short',
			tier: 'silver',
			params: { kpi: '900.00', kpiGap: '100.00', graceEnd: '2026-12-31', qualified: 'bronze' }
		});
	});

	it('recovers on the day the tier is met inside the grace period', () => {
		// 900.00 + 100.00 on 10 Dec = 1,000.00: recovered on 10 Dec; Silver stays.
		const a = assess({ records: [short, revenue('2026-12-10', '100.00')], date: '2026-12-20' });
		expect(a.grace).toMatchObject({ status: 'recovered', recoveredOn: '2026-12-10' });
		expect(a.grace?.kpi?.kpi).toBe('1000.00');
		expect(a.events.map((event) => [event.on, event.code])).toEqual([
			['2026-12-01', 'review-short'],
			['2026-12-10', 'grace-recovered']
		]);
		expect([a.tierNow, a.change]).toEqual(['silver', undefined]);
	});

	it('recovers on the last day of the grace period', () => {
		// The record of 31 Dec (the last day, inclusive) makes 1,000.00: recovered that day.
		const a = assess({ records: [short, revenue('2026-12-31', '100.00')], date: '2027-01-10' });
		expect(a.grace).toMatchObject({ status: 'recovered', recoveredOn: '2026-12-31' });
		expect(a.tierNow).toBe('silver');
	});

	it('recovers when training is completed inside the grace period', () => {
		// KPI 2,000.00 but only Ada trained at the review; Cleo completes on 15 Dec: 2 people.
		const a = assess({
			training: [twoTrained[0], technical('Cleo', '2026-12-15', '2028-12-15')],
			records: [revenue('2026-06-30', '2000.00')],
			date: '2026-12-20'
		});
		expect(a.grace).toMatchObject({ status: 'recovered', recoveredOn: '2026-12-15' });
	});

	it('changes the tier the day after an unrecovered grace period; later revenue does not count for it', () => {
		// Still 900.00 on 31 Dec (last day). The 100.00 dated 1 Jan 2027 is after the grace period:
		// not counted (another year's, as the grace period ended in 2026). Highest tier met on
		// 31 Dec: Bronze, effective 1 Jan 2027.
		const a = assess({ records: [short, revenue('2027-01-01', '100.00')], date: '2027-01-05' });
		expect(a.grace).toMatchObject({ status: 'ended', end: '2026-12-31' });
		expect(a.grace?.kpi).toMatchObject({ kpi: '900.00', through: '2026-12-31' });
		expect(a.grace?.kpi?.excluded.map((row) => [row.record.date, row.reason])).toEqual([
			['2027-01-01', 'other-year']
		]);
		expect(a.change).toEqual({
			from: 'silver',
			to: 'bronze',
			effectiveOn: '2027-01-01',
			code: 'grace-ended-short'
		});
		expect(a.events[1]).toMatchObject({
			on: '2027-01-01',
			tier: 'bronze',
			code: 'grace-ended-short',
			params: {
				from: 'silver',
				kpi: '900.00',
				kpiMinimum: '1000.00',
				kpiGap: '100.00',
				graceEnd: '2026-12-31',
				trainingMissing: ''
			}
		});
		expect(a.tierNow).toBe('bronze');
	});

	it('is still running on its last day, and does not change the tier before the day after', () => {
		const a = assess({ records: [short], date: '2026-12-31' });
		expect([a.grace?.status, a.tierNow]).toEqual(['running', 'silver']);
		expect(graceDaysLeft(a.grace!, '2026-12-31')).toBe(1);
	});

	it('drops to the highest tier met on the last day, not always to Bronze', () => {
		// Gold held (5,000.00, 3 people); KPI 1,500.00 with 2 people through the grace: Silver.
		const gold: TierEvent[] = [
			{ on: '2025-12-01', tier: 'gold', code: 'review-higher', params: {} }
		];
		const a = assess({
			history: gold,
			records: [revenue('2026-03-31', '1500.00')],
			date: '2027-02-01'
		});
		expect(a.change).toEqual({
			from: 'gold',
			to: 'silver',
			effectiveOn: '2027-01-01',
			code: 'grace-ended-short'
		});
		expect(a.events[1].params.trainingMissing).toBe('genesys-cloud-technical:1');
	});

	it('gives the same answer when its own entries are already in the history', () => {
		const first = assess({ records: [short, revenue('2027-01-01', '100.00')], date: '2027-01-05' });
		const again = assess({
			history: [...silverSince2025, ...first.events],
			records: [short, revenue('2027-01-01', '100.00')],
			date: '2027-01-05'
		});
		expect(again).toEqual(first);
	});
});

describe('assessTier: across years', () => {
	// Reading: a grace period past 31 December recovers the reviewed year. It is judged by the
	// reviewed year's pack, and the KPI counts from 1 January of that year through the day checked.
	const long2026 = testPack({ graceDays: 90 });
	const strict2027 = testPack({ year: 2027, version: '2.0.0', silver: '2000.00' });

	it('runs a grace period over the year end and recovers with revenue dated in January', () => {
		// Review 1 Dec 2026 + 90 days: grace 2 Dec 2026 → 1 Mar 2027. KPI 900.00 at the review;
		// 100.00 dated 20 Jan 2027 makes 1,000.00 counted from 1 Jan 2026: recovered on 20 Jan.
		// The 2027 pack (Silver 2,000.00) does not judge it, and on 1 Feb 2027 the latest review
		// is still 1 Dec 2026 (the 2027 review is on 1 Dec 2027).
		const a = assess({
			packs: [long2026, strict2027],
			records: [revenue('2026-06-30', '900.00'), revenue('2027-01-20', '100.00')],
			date: '2027-02-01'
		});
		expect([a.reviewDate, a.pack.version]).toEqual(['2026-12-01', '1.0.0']);
		expect(a.grace).toMatchObject({
			end: '2027-03-01',
			status: 'recovered',
			recoveredOn: '2027-01-20'
		});
		expect(a.grace?.kpi).toMatchObject({
			from: '2026-01-01',
			through: '2027-01-20',
			kpi: '1000.00'
		});
	});

	it('judges each review with the pack of its year and records the version', () => {
		// 1,500.00 in 2026: Silver under 2026's pack v1.0.0 (1,000.00). The same 1,500.00 in 2027
		// is short under 2027's pack v2.0.0 (2,000.00): a grace period, judged by v2.0.0.
		const packs: GenesysPack[] = [p2026, strict2027];
		const records = [revenue('2026-05-31', '1500.00'), revenue('2027-05-31', '1500.00')];
		const history = startHistory({ joinedOn: '2026-01-15', entryTier: 'bronze' });
		const r2026 = assess({ packs, history, records, date: '2026-12-01' });
		expect([r2026.tierNow, r2026.events[0].pack?.version]).toEqual(['silver', '1.0.0']);
		const r2027 = assess({
			packs,
			history: [...history, ...r2026.events],
			records,
			date: '2027-12-01'
		});
		expect([r2027.tierBefore, r2027.kpi.kpi, r2027.outcome, r2027.pack.version]).toEqual([
			'silver',
			'1500.00',
			'short',
			'2.0.0'
		]);
		expect(r2027.events[0]).toMatchObject({
			code: 'review-short',
			pack: { version: '2.0.0', programYear: 2027 },
			params: { kpiMinimum: '2000.00', kpiGap: '500.00' }
		});
	});

	it('says when there is no review yet or no pack for the year', () => {
		expect(
			assessTier({
				packs: [p2026],
				history: [],
				records: [],
				listings,
				training: [],
				date: '2026-06-01'
			})
		).toEqual({ ok: false, code: 'no-review-yet' });
		expect(
			assessTier({
				packs: [p2026],
				history: [],
				records: [],
				listings,
				training: [],
				date: '2027-06-01',
				reviewDate: '2027-05-01'
			})
		).toEqual({ ok: false, code: 'no-pack-for-year', year: 2027 });
	});
});

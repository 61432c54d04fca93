import { describe, expect, it } from 'vitest';
import { assessTier } from './assess-tier';
import {
	genesysRuleCatalog,
	gracePeriodFindings,
	leadNotForwardedFindings,
	listingNotIsvFindings,
	staleLeadFindings,
	tierAtRiskFindings,
	trainingLapsingFindings
} from './findings';
import { genesysMessagesDe, genesysMessagesEn } from './finding-messages';
import { projectTier } from './projection';
import type { Lead } from './records';
import { listings, NOT_ISV, revenue, technical, testPack } from './test-packs';
import type { TierEvent } from './tier-history';

const pack = testPack({});
const silver: TierEvent[] = [
	{ on: '2025-12-01', tier: 'silver', code: 'review-higher', params: {} }
];
const ref = { id: 'genesys-appfoundry', version: '1.0.0', programYear: 2026 };

function lead(extra: Partial<Lead>): Lead {
	return {
		leadId: 'L-1',
		createdOn: '2026-01-06',
		listingId: 'app-1',
		customer: 'Kaimana Resorts',
		status: 'contacted',
		statusChangedOn: '2026-06-18',
		forwardedToOwnerOn: '2026-01-06',
		forwardedToRepOn: '2026-01-06',
		...extra
	};
}

describe('Genesys findings', () => {
	it('every rule has sentences in both languages', () => {
		expect(Object.keys(genesysMessagesDe).sort()).toEqual(Object.keys(genesysRuleCatalog).sort());
		expect(Object.keys(genesysMessagesEn).sort()).toEqual(Object.keys(genesysRuleCatalog).sort());
	});

	it('flags a listing that is not an ISV app but has revenue', () => {
		// One one-time pilot fee on the draft app in 2026: 1 record, 0 recurring.
		const findings = listingNotIsvFindings({
			listings,
			records: [
				revenue('2026-04-15', '4500.00', { listingId: NOT_ISV, recurring: false }),
				revenue('2026-04-15', '10.00')
			],
			year: 2026,
			pack
		});
		expect(findings).toEqual([
			{
				ruleId: 'listing-not-isv-app',
				severity: 'warning',
				subject: { kind: 'listing', id: NOT_ISV, name: 'Draft App' },
				numbers: { records: '1', recurringRecords: '0', year: '2026' },
				message: {
					de: 'Das Listing „Draft App“ ist nicht als ISV-Anwendung in Genesys Cloud aufgeführt, hat aber 1 Umsatzbuchung(en) in 2026: Sie zählen nicht zum KPI.',
					en: 'The listing "Draft App" is not listed as an ISV app in Genesys Cloud but has 1 revenue record(s) in 2026: they do not count towards the KPI.'
				},
				fixHint: expect.any(Object),
				pack: ref
			}
		]);
	});

	it('flags a lead without change for more than the pack’s 30 days', () => {
		// 18 June → 12 November is 147 days (12 + 31 + 31 + 30 + 31 + 12): stale. A lead changed
		// exactly 30 days before (13 October) is not; a won lead never is.
		const findings = staleLeadFindings({
			leads: [
				lead({}),
				lead({ leadId: 'L-2', statusChangedOn: '2026-10-13' }),
				lead({ leadId: 'L-3', status: 'won', statusChangedOn: '2026-01-28' })
			],
			date: '2026-11-12',
			pack
		});
		expect(findings.map((f) => [f.subject.id, f.numbers.daysWithoutChange])).toEqual([
			['L-1', '147']
		]);
		expect(findings[0].message.en).toBe(
			'The lead "Kaimana Resorts" (contacted) has not changed for 147 days (last change 18 June 2026; limit 30 days).'
		);
		expect(findings[0].message.de).toBe(
			'Der Lead „Kaimana Resorts“ (kontaktiert) hat sich seit 147 Tagen nicht geändert (letzte Änderung 18.06.2026; Grenze 30 Tage).'
		);
	});

	it('notes a lead not forwarded to the Genesys rep', () => {
		const findings = leadNotForwardedFindings({
			leads: [lead({ forwardedToRepOn: undefined, customer: 'Pampa Verde Seguros' })],
			pack
		});
		expect(findings[0]).toMatchObject({ severity: 'info', numbers: { missing: 'rep' } });
		expect(findings[0].message.en).toBe(
			'The lead "Pampa Verde Seguros" has not been forwarded to the Genesys sales rep yet.'
		);
	});

	it('warns of training that lapses before the review', () => {
		// Expires 30 Nov, review 1 Dec: lapses. Expiring on 1 Dec itself is still valid then.
		const findings = trainingLapsingFindings({
			training: [
				technical('Mira Osei', '2025-11-30', '2026-11-30'),
				technical('Lena Vogt', '2025-12-01', '2026-12-01')
			],
			date: '2026-11-12',
			pack
		});
		expect(findings.map((f) => f.numbers)).toEqual([
			{
				person: 'Mira Osei',
				course: 'Genesys Cloud Platform Fundamentals',
				expiresOn: '2026-11-30',
				reviewDate: '2026-12-01'
			}
		]);
		expect(findings[0].message.en).toBe(
			'Mira Osei\'s training "Genesys Cloud Platform Fundamentals" expires on 30 November 2026, before the review on 1 December 2026.'
		);
	});

	it('shows a running grace period with its end date and the numbers it used', () => {
		// Silver held, KPI 900.00 of 1,000.00 at the 1 Dec review; grace to 31 Dec; on 10 Dec 22 days left.
		const result = assessTier({
			packs: [pack],
			history: silver,
			records: [revenue('2026-06-30', '900.00')],
			listings,
			training: [
				technical('A', '2026-01-01', '2027-01-01'),
				technical('B', '2026-01-01', '2027-01-01')
			],
			date: '2026-12-10'
		});
		if (!result.ok) throw new Error(result.code);
		const [finding] = gracePeriodFindings({ assessment: result.assessment, pack });
		expect(finding.numbers).toEqual({
			tier: 'silver',
			tierNameDe: 'Silber',
			tierNameEn: 'Silver',
			reviewDate: '2026-12-01',
			graceEnd: '2026-12-31',
			daysLeft: '22',
			kpi: '900.00',
			kpiMinimum: '1000.00',
			kpiGap: '100.00',
			currency: 'USD'
		});
		expect(finding.message.en).toBe(
			'Grace period running: the Silver tier was not met at the review on 1 December 2026 (KPI $900.00, needed $1,000.00). The grace period ends on 31 December 2026 (22 days left).'
		);
		expect(finding.message.de).toBe(
			// Intl writes a no-break space between amount and currency in German.
			'Nachfrist läuft: Die Stufe Silber wurde bei der Prüfung am 01.12.2026 nicht erreicht (KPI 900,00\u00a0$, nötig 1.000,00\u00a0$). Die Nachfrist endet am 31.12.2026 (noch 22 Tage).'
		);
	});

	it('warns that the tier is at risk when the projection misses it', () => {
		// 20.00 by 10 January: 2.00 a day, 2.00 × 335 = 670.00 at the review, 330.00 short of Silver.
		const projection = projectTier({
			pack,
			history: silver,
			records: [revenue('2026-01-10', '20.00')],
			listings,
			training: [
				technical('A', '2026-01-01', '2027-12-31'),
				technical('B', '2026-01-01', '2027-12-31')
			],
			date: '2026-01-10'
		});
		const [finding] = tierAtRiskFindings({ projection, pack });
		expect(finding.numbers).toMatchObject({
			projectedKpi: '670.00',
			kpiMinimum: '1000.00',
			kpiGap: '330.00',
			trainingMissing: '0'
		});
		expect(finding.message.en).toBe(
			'Silver tier at risk: if the run rate holds, the KPI reaches $670.00 by the review on 1 December 2026, $1,000.00 is needed; 0 trained person(s) missing.'
		);
	});
});

import type { LocalizedText } from '../../domain/localized-text';
import type { TierAssessment } from './assess-tier';
import { graceDaysLeft } from './grace-period';
import { describeGenesysFinding } from './finding-messages';
import { yearOf, type IsoDate } from './iso-date';
import { genesysPackRef, reviewDateOf, type GenesysPackRef } from './pack';
import type { GenesysPack } from './pack-schema';
import type { TierProjection } from './projection';
import type { Lead, Listing, RevenueRecord, TrainingEvidence } from './records';
import { staleLeads } from './leads';
import { trainingLapsingBy } from './training';

/** The Genesys rules and their severity; codes are stable (they are stored and acknowledged). */
export const genesysRuleCatalog = {
	// A warning: the revenue is real, but it cannot count until the app is listed as an ISV app.
	'listing-not-isv-app': 'warning',
	'stale-lead': 'warning',
	// Info: the seed says every lead goes to the Genesys rep; the rep may not have it yet.
	'lead-not-forwarded': 'info',
	'training-lapses-before-review': 'warning',
	'grace-period-running': 'warning',
	'tier-at-risk': 'warning'
} as const;

export type GenesysRuleId = keyof typeof genesysRuleCatalog;
export type GenesysSeverity = 'blocking' | 'warning' | 'info';

/** Shaped as src/lib/rules Finding: what, how severe, about what, the numbers used, the pack. */
export type GenesysFinding = {
	ruleId: GenesysRuleId;
	severity: GenesysSeverity;
	subject: { kind: 'listing' | 'lead' | 'training' | 'tier'; id?: string; name?: string };
	numbers: Record<string, string>;
	message: LocalizedText;
	fixHint: LocalizedText;
	pack: GenesysPackRef;
};

function createGenesysFinding(
	options: Omit<GenesysFinding, 'severity' | 'message' | 'fixHint'>
): GenesysFinding {
	return {
		ruleId: options.ruleId,
		severity: genesysRuleCatalog[options.ruleId],
		subject: options.subject,
		numbers: options.numbers,
		...describeGenesysFinding(options.ruleId, options),
		pack: options.pack
	};
}

/** A tier's name in both languages, as numbers the sentences can use. */
function tierNames(pack: GenesysPack, tierId: string): Record<string, string> {
	const tier = pack.parameters.tiers.value.find((candidate) => candidate.id === tierId);
	return { tierNameDe: tier?.name.de ?? tierId, tierNameEn: tier?.name.en ?? tierId };
}

/** A listing that is not an ISV app in Genesys Cloud but has revenue in the year: it cannot count. */
export function listingNotIsvFindings(options: {
	listings: readonly Listing[];
	records: readonly RevenueRecord[];
	year: number;
	pack: GenesysPack;
}): GenesysFinding[] {
	return options.listings
		.filter((listing) => !listing.isvApp)
		.flatMap((listing) => {
			const records = options.records.filter(
				(r) => r.listingId === listing.listingId && yearOf(r.date) === options.year
			);
			if (records.length === 0) return [];
			const recurring = records.filter((r) => r.recurring).length;
			return [
				createGenesysFinding({
					ruleId: 'listing-not-isv-app',
					subject: { kind: 'listing', id: listing.listingId, name: listing.name },
					numbers: {
						records: String(records.length),
						recurringRecords: String(recurring),
						year: String(options.year)
					},
					pack: genesysPackRef(options.pack)
				})
			];
		});
}

/** Open leads without a status change for more than the pack's `staleLeadDays`. */
export function staleLeadFindings(options: {
	leads: readonly Lead[];
	date: IsoDate;
	pack: GenesysPack;
}): GenesysFinding[] {
	const days = options.pack.parameters.staleLeadDays.value;
	return staleLeads({ leads: options.leads, date: options.date, days }).map(
		({ lead, daysWithoutChange }) =>
			createGenesysFinding({
				ruleId: 'stale-lead',
				subject: { kind: 'lead', id: lead.leadId, name: lead.customer },
				numbers: {
					status: lead.status,
					statusChangedOn: lead.statusChangedOn,
					daysWithoutChange: String(daysWithoutChange),
					staleLeadDays: String(days)
				},
				pack: genesysPackRef(options.pack)
			})
	);
}

/** Leads not (yet) forwarded to the listing owner or to the Genesys rep. */
export function leadNotForwardedFindings(options: {
	leads: readonly Lead[];
	pack: GenesysPack;
}): GenesysFinding[] {
	return options.leads.flatMap((lead) => {
		const missing = [
			lead.forwardedToOwnerOn ? '' : 'owner',
			lead.forwardedToRepOn ? '' : 'rep'
		].filter(Boolean);
		if (missing.length === 0) return [];
		return [
			createGenesysFinding({
				ruleId: 'lead-not-forwarded',
				subject: { kind: 'lead', id: lead.leadId, name: lead.customer },
				numbers: { missing: missing.join(','), createdOn: lead.createdOn },
				pack: genesysPackRef(options.pack)
			})
		];
	});
}

/** Training valid today that will have lapsed by this year's review date. */
export function trainingLapsingFindings(options: {
	training: readonly TrainingEvidence[];
	date: IsoDate;
	pack: GenesysPack;
}): GenesysFinding[] {
	const reviewDate = reviewDateOf(options.pack);
	if (options.date > reviewDate) return [];
	return trainingLapsingBy({ training: options.training, from: options.date, by: reviewDate }).map(
		(training) =>
			createGenesysFinding({
				ruleId: 'training-lapses-before-review',
				subject: { kind: 'training', name: training.person },
				numbers: {
					person: training.person,
					course: training.course,
					expiresOn: training.expiresOn,
					reviewDate
				},
				pack: genesysPackRef(options.pack)
			})
	);
}

/** A grace period still running on `date`, with its end and what the tier lacks. */
export function gracePeriodFindings(options: {
	assessment: TierAssessment;
	pack: GenesysPack;
}): GenesysFinding[] {
	const { assessment } = options;
	const grace = assessment.grace;
	if (!grace || grace.status !== 'running') return [];
	const held = assessment.tiers.find((tier) => tier.tierId === assessment.tierBefore);
	return [
		createGenesysFinding({
			ruleId: 'grace-period-running',
			subject: { kind: 'tier', id: assessment.tierBefore },
			numbers: {
				tier: assessment.tierBefore,
				...tierNames(options.pack, assessment.tierBefore),
				reviewDate: assessment.reviewDate,
				graceEnd: grace.end,
				daysLeft: String(graceDaysLeft(grace, assessment.date)),
				kpi: assessment.kpi.kpi,
				kpiMinimum: held?.kpiMinimum ?? '',
				kpiGap: held?.kpiGap ?? '',
				currency: assessment.kpi.currency
			},
			pack: assessment.pack
		})
	];
}

/** The tier held is not met at the review if the run rate holds (KPI or training). */
export function tierAtRiskFindings(options: {
	projection: TierProjection;
	pack: GenesysPack;
}): GenesysFinding[] {
	const { projection } = options;
	if (projection.keep.met || projection.daysToReview === 0) return [];
	return [
		createGenesysFinding({
			ruleId: 'tier-at-risk',
			subject: { kind: 'tier', id: projection.tierHeld },
			numbers: {
				tier: projection.tierHeld,
				...tierNames(options.pack, projection.tierHeld),
				reviewDate: projection.reviewDate,
				projectedKpi: projection.projectedKpi,
				kpiMinimum: projection.keep.kpiMinimum,
				kpiGap: projection.keep.kpiGap,
				trainingMissing: String(
					projection.keep.training.reduce((sum, check) => sum + check.missing, 0)
				),
				currency: projection.kpi.currency
			},
			pack: genesysPackRef(options.pack)
		})
	];
}

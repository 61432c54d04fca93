/**
 * The Genesys AppFoundry program core (issue 13, DESIGN.md "The tier year"): pure TypeScript,
 * no Svelte, Dexie or DOM. The registry (src/lib/programs/registry.ts) registers it.
 */
export {
	GENESYS_PACK_ID,
	builtInGenesysPackJson,
	builtInGenesysPacks,
	confirmLabel,
	confirmWithProgramGuide,
	genesysPackRef,
	loadGenesysPack,
	packForYear,
	reviewDateOf,
	tierIndex,
	tiersOf,
	type GenesysPackRef
} from './pack';
export {
	BENEFIT_CATEGORIES,
	genesysPackSchema,
	genesysValueSchemas,
	type GenesysPack,
	type GenesysParameterName,
	type GenesysParameters,
	type Tier,
	type TrainingRequirement
} from './pack-schema';
export {
	LEAD_STATUSES,
	OPEN_LEAD_STATUSES,
	REVENUE_SOURCES,
	compensationBasisSchema,
	leadSchema,
	listingSchema,
	repCompensationSchema,
	revenueRecordSchema,
	trainingEvidenceSchema,
	type CompensationBasis,
	type Lead,
	type LeadStatus,
	type Listing,
	type RepCompensation,
	type RevenueRecord,
	type RevenueSource,
	type TrainingEvidence
} from './records';
export type { IsoDate } from './iso-date';
export {
	recurringKpi,
	type CountedRecord,
	type ExcludedRecord,
	type KpiExclusionReason,
	type KpiResult
} from './kpi';
export {
	isTrainingValid,
	trainedPeopleOn,
	trainingLapsingBy,
	type TrainedPeople
} from './training';
export {
	checkTier,
	checkTiers,
	highestTierMet,
	type RequirementCheck,
	type TierCheck
} from './tier-check';
export {
	sortHistory,
	startHistory,
	tierOn,
	type TierChange,
	type TierEvent,
	type TierEventCode
} from './tier-history';
export {
	assessTier,
	type GraceState,
	type TierAssessment,
	type TierAssessmentInput,
	type TierAssessmentResult
} from './assess-tier';
export {
	applyGenesysOverrides,
	genesysOverridesSchema,
	type GenesysOverrides
} from './apply-overrides';
export { followGracePeriod, graceDaysLeft } from './grace-period';
export { projectTier, type TierProjection, type WhatIf } from './projection';
export { staleLeads, type StaleLead } from './leads';
export { compensationByQuarter, compensationFor, type QuarterTotals } from './compensation';
export {
	GENESYS_CSV_FIELDS,
	mapGenesysRecords,
	type CsvRecordLike,
	type GenesysCsvKind,
	type MappedCsv,
	type MappedRecord
} from './csv-columns';
export {
	parseLeadRows,
	parseListingRows,
	parseRevenueRows,
	parseTrainingRows,
	type GenesysRowProblem,
	type GenesysRowProblemCode,
	type NumberReader,
	type ParsedRows
} from './csv-rows';
export { formatGenesysRowProblem } from './csv-messages';
export {
	genesysRuleCatalog,
	gracePeriodFindings,
	leadNotForwardedFindings,
	listingNotIsvFindings,
	staleLeadFindings,
	tierAtRiskFindings,
	trainingLapsingFindings,
	type GenesysFinding,
	type GenesysRuleId,
	type GenesysSeverity
} from './findings';
export { describeGenesysFinding, genesysMessagesDe, genesysMessagesEn } from './finding-messages';

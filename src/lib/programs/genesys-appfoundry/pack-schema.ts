import { z } from 'zod';
import { localizedTextSchema } from '../../domain/localized-text';
import { packHeaderShape } from '../pack-header';
import { parametersSchema } from '../parameter';
import { compare, type DecimalString } from '../../domain/money';
import { isRealDate } from './iso-date';
import { compensationBasisSchema, currencySchema } from './records';

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const amountSchema = z
	.string()
	.regex(/^\d+(\.\d{1,2})?$/, 'a non-negative amount such as 150000.00');

/** A training requirement: the courses that count for it (compared without case). */
export const trainingRequirementSchema = z.strictObject({
	id: z.string().regex(KEBAB, 'a kebab-case id'),
	label: localizedTextSchema,
	courses: z.array(z.string().trim().min(1)).min(1)
});
export type TrainingRequirement = z.infer<typeof trainingRequirementSchema>;

export const BENEFIT_CATEGORIES = [
	'discounts',
	'technical-support',
	'enablement',
	'marketing',
	'marketplace'
] as const;

export const tierSchema = z.strictObject({
	id: z.string().regex(KEBAB, 'a kebab-case id'),
	name: localizedTextSchema,
	/** The KPI (recurring gross revenue of the calendar year, in `kpiCurrency`) to reach. */
	kpiMinimum: amountSchema,
	/** Distinct people with valid training, per requirement id; absent requirement: none needed. */
	trainedPeople: z.record(z.string(), z.int().min(0)),
	benefits: z.partialRecord(z.enum(BENEFIT_CATEGORIES), localizedTextSchema)
});
export type Tier = z.infer<typeof tierSchema>;

/** Month and day of the annual review inside the program year (`12-01`). */
const monthDaySchema = z
	.string()
	.regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a month and day such as 12-01');

export const genesysValueSchemas = {
	entryTier: z.string().regex(KEBAB),
	tiers: z.array(tierSchema).min(1),
	kpiCurrency: currencySchema,
	reviewDate: monthDaySchema,
	/**
	 * Days of the recovery period after the review, the last one inclusive. Below a year, so a
	 * grace period always ends before the next annual review.
	 */
	graceDays: z.int().min(1).max(364),
	trainingRequirements: z.array(trainingRequirementSchema),
	staleLeadDays: z.int().min(1),
	repCompensation: compensationBasisSchema
};

export const genesysParametersSchema = parametersSchema(genesysValueSchemas);

export type GenesysParameterName = keyof typeof genesysValueSchemas;

/**
 * The Genesys AppFoundry pack: one per program year. The KPI and its thresholds may change every
 * year (seed), so a new program year is a new pack version, and a review names the one it used.
 */
export const genesysPackSchema = z
	.strictObject({
		id: z.literal('genesys-appfoundry'),
		...packHeaderShape,
		programYear: z.int().min(2000).max(2999),
		parameters: genesysParametersSchema
	})
	.superRefine((pack, context) => {
		if (pack.validTo !== null && pack.validTo < pack.validFrom) {
			context.addIssue({
				code: 'custom',
				path: ['validTo'],
				message: 'validTo is before validFrom'
			});
		}
		const { tiers, entryTier, trainingRequirements, reviewDate } = pack.parameters;
		// 02-29 only in a leap year; 04-31 never.
		const review = `${pack.programYear}-${reviewDate.value}`;
		if (!isRealDate(review)) {
			context.addIssue({
				code: 'custom',
				path: ['parameters', 'reviewDate', 'value'],
				message: 'no such day in the program year'
			});
		}
		const ids = tiers.value.map((tier) => tier.id);
		if (new Set(ids).size !== ids.length) {
			context.addIssue({
				code: 'custom',
				path: ['parameters', 'tiers', 'value'],
				message: 'tier ids must be unique'
			});
		}
		// The entry tier is the floor: first in the list, the lowest.
		if (ids[0] !== entryTier.value) {
			context.addIssue({
				code: 'custom',
				path: ['parameters', 'entryTier', 'value'],
				message: 'the entry tier must be the first (lowest) tier'
			});
		}
		const requirementIds = new Set(trainingRequirements.value.map((requirement) => requirement.id));
		tiers.value.forEach((tier, index) => {
			for (const id of Object.keys(tier.trainedPeople)) {
				if (!requirementIds.has(id)) {
					context.addIssue({
						code: 'custom',
						path: ['parameters', 'tiers', 'value', index, 'trainedPeople', id],
						message: 'no training requirement with this id'
					});
				}
			}
			// Tiers rise: meeting a tier then means meeting every tier below it, which is what
			// "the highest tier met" and "Bronze is the floor" rely on.
			const below = tiers.value[index - 1];
			if (!below) return;
			if (compare(tier.kpiMinimum as DecimalString, below.kpiMinimum as DecimalString) < 0) {
				context.addIssue({
					code: 'custom',
					path: ['parameters', 'tiers', 'value', index, 'kpiMinimum'],
					message: 'below the tier under it'
				});
			}
			for (const [id, count] of Object.entries(below.trainedPeople)) {
				if ((tier.trainedPeople[id] ?? 0) < count) {
					context.addIssue({
						code: 'custom',
						path: ['parameters', 'tiers', 'value', index, 'trainedPeople', id],
						message: 'fewer trained people than the tier under it'
					});
				}
			}
		});
	});

export type GenesysPack = z.infer<typeof genesysPackSchema>;
export type GenesysParameters = GenesysPack['parameters'];

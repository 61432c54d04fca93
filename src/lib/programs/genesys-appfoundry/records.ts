import { z } from 'zod';
import type { DecimalString } from '../../domain/money';

/**
 * The Genesys AppFoundry records (DESIGN.md "The tier year"): listings, leads, revenue, the
 * Genesys reps' compensation and training evidence. Amounts are decimal strings, dates ISO days.
 */

const decimal = z
	.string()
	.regex(/^-?\d+(\.\d+)?$/, 'a decimal string')
	.transform((value) => value as DecimalString);
const nonNegativeDecimal = z
	.string()
	.regex(/^\d+(\.\d+)?$/, 'a non-negative decimal string')
	.transform((value) => value as DecimalString);
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code');
const text = z.string().trim().min(1);

export const listingSchema = z.strictObject({
	listingId: text,
	name: text,
	/** Listed as an ISV application in Genesys Cloud: the seed's condition for the tier program. */
	isvApp: z.boolean(),
	pricingModel: z.string().trim(),
	/** Absent while the listing is not launched. */
	launchedOn: z.iso.date().optional()
});
export type Listing = z.infer<typeof listingSchema>;

export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'won', 'lost'] as const;
export const leadStatusSchema = z.enum(LEAD_STATUSES);
export type LeadStatus = z.infer<typeof leadStatusSchema>;
/** Still in the pipeline: only these can go stale. */
export const OPEN_LEAD_STATUSES: readonly LeadStatus[] = ['new', 'contacted', 'qualified'];

export const leadSchema = z.strictObject({
	leadId: text,
	createdOn: z.iso.date(),
	listingId: text,
	customer: text,
	region: z.string().trim().optional(),
	country: z.string().trim().optional(),
	salesRep: z.string().trim().optional(),
	/** The seed: every lead goes to the listing owner and to the account's Genesys rep. */
	forwardedToOwnerOn: z.iso.date().optional(),
	forwardedToRepOn: z.iso.date().optional(),
	status: leadStatusSchema,
	statusChangedOn: z.iso.date(),
	/** Absent: not estimated yet. */
	estimatedAnnualValue: nonNegativeDecimal.optional(),
	currency: currencySchema.optional()
});
export type Lead = z.infer<typeof leadSchema>;

export const REVENUE_SOURCES = ['genesys-billing', 'partner-billing'] as const;
export const revenueSourceSchema = z.enum(REVENUE_SOURCES);
export type RevenueSource = z.infer<typeof revenueSourceSchema>;

export const revenueRecordSchema = z.strictObject({
	date: z.iso.date(),
	invoiceNo: z.string().trim().optional(),
	listingId: text,
	customer: text,
	source: revenueSourceSchema,
	recurring: z.boolean(),
	/** Gross, as invoiced; a credit note is negative. */
	grossAmount: decimal,
	currency: currencySchema,
	description: z.string().optional()
});
export type RevenueRecord = z.infer<typeof revenueRecordSchema>;

/** What a Genesys rep is owed for a marketplace sale: a share of the sale or a fixed amount. */
export const compensationBasisSchema = z.discriminatedUnion('kind', [
	z.strictObject({ kind: z.literal('rate'), percent: nonNegativeDecimal }),
	z.strictObject({ kind: z.literal('amount'), amount: nonNegativeDecimal })
]);
export type CompensationBasis = z.infer<typeof compensationBasisSchema>;

export const repCompensationSchema = z.strictObject({
	saleDate: z.iso.date(),
	rep: text,
	listingId: text,
	customer: text,
	leadId: z.string().trim().optional(),
	saleAmount: nonNegativeDecimal,
	currency: currencySchema,
	basis: compensationBasisSchema,
	status: z.enum(['owed', 'paid']),
	paidOn: z.iso.date().optional()
});
export type RepCompensation = z.infer<typeof repCompensationSchema>;

export const trainingEvidenceSchema = z
	.strictObject({
		person: text,
		role: z.string().trim().optional(),
		course: text,
		completedOn: z.iso.date(),
		expiresOn: z.iso.date(),
		evidenceFile: z.string().trim().optional()
	})
	.refine((training) => training.expiresOn >= training.completedOn, {
		path: ['expiresOn'],
		message: 'expiresOn is before completedOn'
	});
export type TrainingEvidence = z.infer<typeof trainingEvidenceSchema>;

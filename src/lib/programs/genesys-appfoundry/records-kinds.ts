import { z } from 'zod';
import type { ProgramRecordKind } from '../program-module';
import {
	leadSchema,
	listingSchema,
	repCompensationSchema,
	revenueRecordSchema,
	trainingEvidenceSchema,
	type RepCompensation,
	type Lead,
	type Listing,
	type RevenueRecord,
	type TrainingEvidence
} from './records';
import type { TierEvent } from './tier-history';

const isoDate = z.iso.date();

export const tierEventSchema: z.ZodType<TierEvent> = z.strictObject({
	on: isoDate,
	tier: z.string().min(1),
	code: z.enum([
		'new-partner',
		'recorded',
		'review-higher',
		'review-met',
		'review-short',
		'grace-recovered',
		'grace-ended-short'
	]),
	review: isoDate.optional(),
	pack: z
		.strictObject({
			id: z.literal('genesys-appfoundry'),
			version: z.string(),
			programYear: z.number().int()
		})
		.optional(),
	params: z.record(z.string(), z.string())
});

/**
 * The id of a revenue record: its natural key. A billing export has no id of its own for a line,
 * so importing the same file twice replaces its records instead of counting them twice.
 */
export function revenueIdOf(record: RevenueRecord): string {
	return [
		record.date,
		record.source,
		record.invoiceNo ?? '',
		record.listingId,
		record.customer,
		record.recurring ? 'recurring' : 'one-time',
		record.grossAmount,
		record.currency
	]
		.join('|')
		.slice(0, 200);
}

const listingRecords: ProgramRecordKind<Listing> = {
	schema: listingSchema,
	idOf: (listing) => listing.listingId
};
const leadRecords: ProgramRecordKind<Lead> = { schema: leadSchema, idOf: (lead) => lead.leadId };
const revenueRecords: ProgramRecordKind<RevenueRecord> = {
	schema: revenueRecordSchema,
	idOf: revenueIdOf
};
const trainingRecords: ProgramRecordKind<TrainingEvidence> = {
	schema: trainingEvidenceSchema,
	idOf: (training) => `${training.person}|${training.course}|${training.completedOn}`.slice(0, 200)
};
const tierEventRecords: ProgramRecordKind<TierEvent> = {
	schema: tierEventSchema,
	idOf: (event) => `${event.on}|${event.code}|${event.review ?? ''}`
};

/** A rate the partner set: 1 unit of `currency` = `rate` units of the KPI currency. */
export const kpiRateSchema = z.strictObject({
	currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code'),
	rate: z
		.string()
		.regex(/^\d+(\.\d+)?$/, 'a decimal string')
		.refine((rate) => /[1-9]/.test(rate), {
			message: 'a rate above zero'
		})
});
export type KpiRate = z.infer<typeof kpiRateSchema>;
const rateRecords: ProgramRecordKind<KpiRate> = {
	schema: kpiRateSchema,
	idOf: (rate) => rate.currency
};

/**
 * The partner confirmed a pack value the seed does not give ("confirm with the current program
 * guide") against the program guide: per pack version, since a new program year may change it.
 */
export const confirmationSchema = z.strictObject({
	packVersion: z.string().min(1),
	parameter: z.string().min(1),
	confirmedOn: isoDate
});
export type Confirmation = z.infer<typeof confirmationSchema>;
const confirmationRecords: ProgramRecordKind<Confirmation> = {
	schema: confirmationSchema,
	idOf: (confirmation) => `${confirmation.packVersion}|${confirmation.parameter}`
};

/**
 * What a Genesys rep is owed for a marketplace sale, by the sale (day, rep, listing, customer,
 * lead). A paid one says when it was paid; an owed one has no payment day yet.
 */
const compensationRecords: ProgramRecordKind<RepCompensation> = {
	schema: repCompensationSchema,
	idOf: (sale) =>
		[sale.saleDate, sale.rep, sale.listingId, sale.customer, sale.leadId ?? '']
			.join('|')
			.slice(0, 200),
	check: (sale) => {
		if (sale.status === 'paid' && sale.paidOn === undefined)
			return [
				{ code: 'paid-without-date', field: 'paidOn', message: 'a paid compensation needs paidOn' }
			];
		if (sale.status === 'owed' && sale.paidOn !== undefined)
			return [
				{
					code: 'owed-with-paid-date',
					field: 'paidOn',
					message: 'an owed compensation has no paidOn'
				}
			];
		return [];
	}
};

/** The records the Genesys program keeps, by kind; the store checks each write against these. */
export const genesysRecordKinds = {
	listing: listingRecords,
	lead: leadRecords,
	revenue: revenueRecords,
	training: trainingRecords,
	'tier-event': tierEventRecords,
	rate: rateRecords,
	confirmation: confirmationRecords,
	compensation: compensationRecords
};

export type GenesysRecordKind = keyof typeof genesysRecordKinds;

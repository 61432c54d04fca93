import { z } from 'zod';
import { localizedTextSchema } from '$lib/domain/localized-text';
import { packHeaderShape } from '../pack-header';
import { parametersSchema } from '../parameter';

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const dayOfMonthSchema = z.int().min(1).max(31);

/** An IANA zone name that this runtime's Intl knows; anything else would throw later. */
export const timeZoneSchema = z.string().refine(
	(zone) => {
		try {
			new Intl.DateTimeFormat('en-US', { timeZone: zone });
			return true;
		} catch {
			return false;
		}
	},
	{ message: 'unknown IANA time zone' }
);

/**
 * Weekends only: no holiday calendar ships with the app, and the seed says nothing about either.
 * The name keeps "holiday" so a calendar can be added later without renaming the parameter.
 */
export const weekendHolidayPolicySchema = z.enum([
	'none',
	'next-business-day',
	'previous-business-day'
]);
export type WeekendHolidayPolicy = z.infer<typeof weekendHolidayPolicySchema>;

/** A non-negative percent as a decimal string ("25", "12.5"): never a float. */
export const percentSchema = z.string().regex(/^\d+(\.\d+)?$/, 'a non-negative decimal string');

/** A regular expression source; it must compile, since the rules engine compiles it. */
export const sidPatternSchema = z
	.string()
	.min(1)
	.refine(
		(source) => {
			try {
				new RegExp(source, 'u');
				return true;
			} catch {
				return false;
			}
		},
		{ message: 'not a valid regular expression' }
	);

export const reasonCodeSchema = z.strictObject({
	code: z.string().regex(KEBAB, 'a kebab-case code'),
	label: localizedTextSchema,
	/** The rule ids whose findings this reason explains; absent: it fits any warning. */
	rules: z.array(z.string().regex(KEBAB, 'a kebab-case rule id')).min(1).optional()
});
export type ReasonCode = z.infer<typeof reasonCodeSchema>;

const reasonCodesSchema = z
	.array(reasonCodeSchema)
	.min(1)
	.refine((codes) => new Set(codes.map((reason) => reason.code)).size === codes.length, {
		message: 'reason codes must be unique'
	});

/**
 * The unit names (as the export's unit column writes them) whose quantities are counted: users,
 * devices, hosts. Compared without case; a fraction of such a unit is a blocking finding.
 */
export const countedUnitsSchema = z
	.array(z.string().trim().min(1))
	.refine((units) => new Set(units.map((unit) => unit.toLowerCase())).size === units.length, {
		message: 'units must be unique'
	});

/**
 * How a line total is rounded: quantity × unit price, half-even to 2 places (DESIGN.md). Stated
 * in the pack so the rule a report is checked by is visible where its other numbers are.
 */
export const lineTotalRoundingSchema = z.enum(['half-even']);

/** The parameter values alone, as `applyOverrides` accepts them. */
export const omnissaSpValueSchemas = {
	reviewOpensDay: dayOfMonthSchema,
	submitDueDay: dayOfMonthSchema,
	timeZone: timeZoneSchema.nullable(),
	weekendHolidayPolicy: weekendHolidayPolicySchema,
	quantityChangeThresholdPercent: percentSchema,
	sidPattern: sidPatternSchema,
	countedUnits: countedUnitsSchema,
	lineTotalRounding: lineTotalRoundingSchema,
	currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code'),
	reasonCodes: reasonCodesSchema,
	/** Why a row of the vendor's export is left out of the report; the bundle carries it. */
	exclusionReasons: reasonCodesSchema
};

export const omnissaSpParametersSchema = parametersSchema(omnissaSpValueSchemas);

export type OmnissaSpParameterName = keyof typeof omnissaSpValueSchemas;

/** The Omnissa Service Provider pack (DESIGN.md "Program packs"). */
export const omnissaSpPackSchema = z
	.strictObject({
		id: z.literal('omnissa-sp'),
		...packHeaderShape,
		parameters: omnissaSpParametersSchema
	})
	.superRefine((pack, context) => {
		// ISO dates compare correctly as strings.
		if (pack.validTo !== null && pack.validTo < pack.validFrom) {
			context.addIssue({
				code: 'custom',
				path: ['validTo'],
				message: 'validTo is before validFrom'
			});
		}
		const { reviewOpensDay, submitDueDay } = pack.parameters;
		if (reviewOpensDay.value > submitDueDay.value) {
			context.addIssue({
				code: 'custom',
				path: ['parameters', 'submitDueDay', 'value'],
				message: 'submitDueDay is before reviewOpensDay'
			});
		}
	});

export type OmnissaSpPack = z.infer<typeof omnissaSpPackSchema>;
export type OmnissaSpParameters = OmnissaSpPack['parameters'];

import { z } from 'zod';
import { isDecimalString, type DecimalString } from '$lib/domain/money';
import { isPeriod, type Period } from '$lib/domain/period';

/**
 * The payload of a signed report bundle, exactly as DESIGN.md "Signed report bundles" lists it.
 * Every object is strict: a member the protocol does not name makes the payload invalid, so the
 * receiver never signs off on data it cannot see in the spec.
 *
 * `kind` says what the report is: `regular` (the month's usage, or its correction), `adjustment`
 * (late usage for a month whose report has gone out; it adds to the month and replaces nothing)
 * or `zero-usage` (the partner confirmed a month without usage).
 */

/** A bundle's UUID; it is also the `Idempotency-Key` of its delivery. */
export type BundleId = string & { readonly __brand: 'BundleId' };
/** base64url SHA-256 of a bundle's JWS signing input (bundle-digest.ts). */
export type BundleDigest = string & { readonly __brand: 'BundleDigest' };

const BUNDLE_ID = z.uuid();
/** 32 bytes in unpadded base64url are 43 characters. */
const DIGEST = /^[A-Za-z0-9_-]{43}$/;

export function isBundleId(value: string): value is BundleId {
	return BUNDLE_ID.safeParse(value).success;
}

/** Checks and brands a bundle id; throws for anything else (a bug, not user input). */
export function toBundleId(value: string): BundleId {
	if (!isBundleId(value)) throw new TypeError(`not a bundle id: ${JSON.stringify(value)}`);
	return value;
}

export function isBundleDigest(value: string): value is BundleDigest {
	return DIGEST.test(value);
}

/** Brand casts for zod, as src/lib/domain/report.ts does for decimals and periods. */
export const bundleIdSchema = BUNDLE_ID as unknown as z.ZodType<BundleId>;
const bundleId = bundleIdSchema;
export const bundleDigestSchema = z
	.string()
	.regex(DIGEST, 'digest') as unknown as z.ZodType<BundleDigest>;
/** Quantities and unit prices: any number of decimals, kept exactly as imported ("0.10"). */
const decimal = z
	.string()
	.refine(isDecimalString, 'decimal') as unknown as z.ZodType<DecimalString>;
/** Line totals and the report total carry exactly 2 decimals (DESIGN.md protocol details). */
const amount = z
	.string()
	.regex(/^-?\d+\.\d{2}$/, 'amount-2-decimals') as unknown as z.ZodType<DecimalString>;
const period = z.string().refine(isPeriod, 'period') as unknown as z.ZodType<Period>;
const name = z.string().min(1);
const party = z.strictObject({ id: name, name });

export const BundleLineSchema = z.strictObject({
	sid: name,
	description: z.string(),
	quantity: decimal,
	unitPrice: decimal,
	total: amount,
	/** Absent rather than empty when the export names no customer; so are the next three. */
	customerRef: name.optional(),
	sku: name.optional(),
	unit: name.optional(),
	contractId: name.optional(),
	/** Why a negative quantity is a credit, in the partner's words. */
	creditReason: name.optional()
});
export type BundleLine = z.infer<typeof BundleLineSchema>;

export const BundleFindingSchema = z.strictObject({
	/** A stable rule id (src/lib/programs/omnissa-sp/rules/rule-catalog.ts). */
	ruleId: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'rule-id'),
	severity: z.enum(['blocking', 'warning', 'info']),
	/** The English sentence: the aggregator's language. */
	message: name,
	acknowledged: z.strictObject({ reasonCode: name, comment: z.string() }).optional()
});
export type BundleFinding = z.infer<typeof BundleFindingSchema>;

/** A row of the file the partner left out of the report, with the reason (issue 9). */
export const ExcludedRowSchema = z.strictObject({
	/** The row's physical line in the imported file; only integers are JSON numbers. */
	line: z.number().int().positive(),
	reason: name,
	/** The row's cells exactly as the file has them. */
	cells: z.array(z.string())
});

export const BundlePayloadSchema = z
	.strictObject({
		bundleId,
		/** Only integers are JSON numbers in a bundle. */
		revision: z.number().int().positive(),
		supersedes: bundleId.nullable(),
		kind: z.enum(['regular', 'adjustment', 'zero-usage']),
		partner: party,
		aggregator: party,
		program: z.strictObject({ id: name, packVersion: name }),
		period,
		/** RFC 3339 with a zone (`Z` or an offset). */
		createdAt: z.iso.datetime({ offset: true }),
		currency: z.string().regex(/^[A-Z]{3}$/, 'currency'),
		lines: z.array(BundleLineSchema),
		totals: z.strictObject({ amount }),
		findings: z.array(BundleFindingSchema),
		excludedRows: z.array(ExcludedRowSchema),
		/**
		 * Hex SHA-256 of the newest audit-log entry when the bundle was signed (issue 14): the
		 * aggregator holds a commitment to the log. Absent when the log was empty.
		 */
		auditHead: z
			.string()
			.regex(/^[0-9a-f]{64}$/, 'sha256-hex')
			.optional(),
		previousDigest: bundleDigestSchema.nullable()
	})
	.refine((payload) => payload.revision !== 1 || payload.supersedes === null, {
		// DESIGN.md: revision 1 supersedes nothing. A later revision names the bundle it corrects,
		// or null when none went to this aggregator (revision 1 was never sent there) and for an
		// adjustment, which adds late usage and corrects nothing.
		message: 'revision-1-supersedes-nothing',
		path: ['supersedes']
	});
export type BundlePayload = z.infer<typeof BundlePayloadSchema>;

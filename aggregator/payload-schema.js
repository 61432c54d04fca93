import { z } from 'zod';
import {
	AMOUNT,
	DECIMAL,
	MAX_AMOUNT_INTEGER_DIGITS,
	MAX_INTEGER_DIGITS,
	MAX_SCALE
} from './decimal.js';

/**
 * The bundle payload exactly as DESIGN.md "Signed report bundles" lists it. Objects are strict:
 * the reference receiver refuses fields the protocol does not name, so a signer that drifts from
 * DESIGN.md fails here instead of at a real aggregator. Every string has a bounded length and
 * every decimal a bounded length and scale (decimal.js), so nothing after this check can be made
 * to work for long by one field.
 */

const text = z.string().max(10_000);
const id = z.string().min(1).max(200);
// The length bound comes first so a huge cell is named for its length, not for its form.
const decimal = z
	.string()
	.max(MAX_INTEGER_DIGITS + MAX_SCALE + 2)
	.regex(
		DECIMAL,
		`expected a decimal string such as "1234.50", at most ${MAX_INTEGER_DIGITS} digits before the point and ${MAX_SCALE} after`
	);
const amount = z
	.string()
	.max(MAX_AMOUNT_INTEGER_DIGITS + 4)
	.regex(
		AMOUNT,
		`expected a decimal string with exactly 2 decimals such as "1234.50", at most ${MAX_AMOUNT_INTEGER_DIGITS} digits before the point`
	);
/** What a report is: a month's usage, late usage for a closed month, or a month without usage. */
export const KINDS = /** @type {const} */ (['regular', 'adjustment', 'zero-usage']);

const digest = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'expected a base64url SHA-256 digest');

export const LineSchema = z.strictObject({
	sid: id,
	description: text,
	quantity: decimal,
	unitPrice: decimal,
	total: amount,
	customerRef: id.optional(),
	sku: id.optional(),
	unit: id.optional(),
	contractId: id.optional(),
	/** Why a line credits (a negative quantity or total): the partner's words. */
	creditReason: text.optional()
});

/** A row of the imported file the partner left out, with the reason and the cells as read. */
export const ExcludedRowSchema = z.strictObject({
	line: z.int().positive(),
	reason: text,
	cells: z.array(text).max(1_000)
});

export const FindingSchema = z.strictObject({
	ruleId: id,
	severity: z.enum(['blocking', 'warning', 'info']),
	message: text,
	acknowledged: z.strictObject({ reasonCode: id, comment: text }).optional()
});

export const PayloadSchema = z
	.strictObject({
		bundleId: z.uuid(),
		revision: z.int().positive(),
		supersedes: z.uuid().nullable(),
		// Optional, and absent means 'regular': apps before this protocol round sent `kind` only
		// for adjustments. DESIGN.md lists it; once every signer writes it, it can be required.
		kind: z.enum(KINDS).optional(),
		partner: z.strictObject({ id, name: text }),
		aggregator: z.strictObject({ id, name: text }),
		program: z.strictObject({ id, packVersion: id }),
		period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a period YYYY-MM'),
		createdAt: z.iso.datetime({ offset: true }),
		currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as "EUR"'),
		lines: z.array(LineSchema),
		totals: z.strictObject({ amount }),
		findings: z.array(FindingSchema),
		excludedRows: z.array(ExcludedRowSchema).optional(),
		auditHead: z
			.string()
			.regex(/^(?:[0-9a-f]{64}|[A-Za-z0-9_-]{43})$/, 'expected a SHA-256 in hex or base64url')
			.optional(),
		previousDigest: digest.nullable()
	})
	.refine((payload) => (payload.revision === 1) === (payload.supersedes === null), {
		path: ['supersedes'],
		message: 'revision 1 supersedes nothing (null); a later revision names the bundleId it corrects'
	});

/** @typedef {z.infer<typeof PayloadSchema>} Payload */

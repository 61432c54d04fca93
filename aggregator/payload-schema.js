import { z } from 'zod';
import { AMOUNT, DECIMAL } from './decimal.js';

/**
 * The bundle payload exactly as DESIGN.md "Signed report bundles" lists it. Objects are strict:
 * the reference receiver refuses fields the protocol does not name, so a signer that drifts from
 * DESIGN.md fails here instead of at a real aggregator. The one extension is `kind`
 * ('adjustment' for late usage; 'regular' may be written out).
 */

const text = z.string().max(10_000);
const id = z.string().min(1).max(200);
const decimal = z.string().regex(DECIMAL, 'expected a decimal string such as "1234.50"');
const amount = z
	.string()
	.regex(AMOUNT, 'expected a decimal string with exactly 2 decimals such as "1234.50"');
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
	creditReason: text.min(1).optional()
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
		kind: z.enum(['regular', 'adjustment', 'zero-usage']).optional(),
		partner: z.strictObject({ id, name: text }),
		aggregator: z.strictObject({ id, name: text }),
		program: z.strictObject({ id, packVersion: id }),
		period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a period YYYY-MM'),
		createdAt: z.iso.datetime({ offset: true }),
		currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as "EUR"'),
		lines: z.array(LineSchema),
		totals: z.strictObject({ amount }),
		findings: z.array(FindingSchema),
		previousDigest: digest.nullable()
	})
	.refine((payload) => (payload.revision === 1) === (payload.supersedes === null), {
		path: ['supersedes'],
		message: 'revision 1 supersedes nothing (null); a later revision names the bundleId it corrects'
	});

/** @typedef {z.infer<typeof PayloadSchema>} Payload */

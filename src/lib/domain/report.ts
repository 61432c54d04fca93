import { z } from 'zod';
import { isDecimalString, type DecimalString } from './money';
import { isPeriod, type Period } from './period';
import { programIdSchema } from './programs';

/**
 * A monthly report revision (DESIGN.md "The monthly report"). Its lines are
 * stored apart, in chunks (src/lib/store); the revision holds what the Reports
 * page lists and what the review adds: acknowledgements and credit reasons.
 * "In review" is not stored: it is a draft whose review window is open.
 */
export const REPORT_STATES = [
	'draft',
	'ready',
	'signed',
	'queued',
	'delivered',
	'superseded'
] as const;
export type ReportState = (typeof REPORT_STATES)[number];

const decimal = z
	.string()
	.refine(isDecimalString, 'decimal') as unknown as z.ZodType<DecimalString>;
const period = z.string().refine(isPeriod, 'period') as unknown as z.ZodType<Period>;

export const AcknowledgementSchema = z.object({
	reasonCode: z.string().min(1, 'required'),
	comment: z.string().trim().max(2000, 'too-long'),
	at: z.iso.datetime(),
	/**
	 * What the finding said when it was acknowledged (rule, subject, numbers; see
	 * `findingFingerprint` in src/lib/rules): a correction keeps the acknowledgement while its
	 * finding is unchanged. Absent on acknowledgements recorded before it existed.
	 */
	fingerprint: z.string().max(10_000).optional(),
	/** The revision it was first given in, when a correction carried it over. */
	carriedFrom: z.uuid().optional()
});
export type Acknowledgement = z.infer<typeof AcknowledgementSchema>;

export const ImportSourceSchema = z.object({
	fileName: z.string(),
	/** SHA-256 of the file's bytes: the same file imported twice is recognised. */
	digest: z.string().regex(/^[0-9a-f]{64}$/),
	encoding: z.string(),
	delimiter: z.string().optional(),
	numberLocale: z.enum(['de', 'en']).optional(),
	importedAt: z.iso.datetime(),
	rowsRead: z.number().int().nonnegative(),
	/** Rows the user chose to leave out (import of the valid rows only). */
	rowsSkipped: z.number().int().nonnegative(),
	/** The file had no total column: every total is quantity × unit price, computed. */
	totalsComputed: z.literal(true).optional()
});
export type ImportSource = z.infer<typeof ImportSourceSchema>;

/**
 * A regular report is the month's usage; its corrections are new revisions.
 * An adjustment reports late usage for a month whose report has gone out: it
 * adds to the month and replaces nothing.
 */
export const REPORT_KINDS = ['regular', 'adjustment'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const ReportRevisionSchema = z.object({
	id: z.uuid(),
	programId: programIdSchema,
	period,
	kind: z.enum(REPORT_KINDS).default('regular'),
	revision: z.number().int().positive(),
	/** The revision this one corrects, or null for revision 1. */
	supersedes: z.uuid().nullable(),
	state: z.enum(REPORT_STATES),
	currency: z.string().regex(/^[A-Z]{3}$/),
	createdAt: z.iso.datetime(),
	updatedAt: z.iso.datetime(),
	readyAt: z.iso.datetime().optional(),
	/** The imported file; absent for a zero-usage report, which has no file. */
	source: ImportSourceSchema.optional(),
	lineCount: z.number().int().nonnegative(),
	totals: z.object({ quantity: decimal, amount: decimal }),
	/** By finding key (see `findingKey` in src/lib/rules). */
	acknowledgements: z.record(z.string(), AcknowledgementSchema),
	/** By file line: why a negative quantity is a credit. */
	creditReasons: z.record(z.string(), z.string()),
	zeroUsageConfirmed: z.boolean()
});
export type ReportRevision = z.infer<typeof ReportRevisionSchema>;

// The audit log's kinds live with its entry (audit-entry.ts).
export { AUDIT_ACTIONS, type AuditAction } from './audit-entry';

/** States in which a revision can no longer change: a change makes a new revision. */
export function isFrozen(state: ReportState): boolean {
	return state !== 'draft';
}

/**
 * The month's report as it went out: a regular revision past the draft stage
 * and not replaced. Last month's comparison uses it; a new file for its month
 * corrects it or adds late usage to it.
 */
export function isClosedRegular(revision: ReportRevision): boolean {
	return revision.kind === 'regular' && isFrozen(revision.state) && revision.state !== 'superseded';
}

import { z } from 'zod';

/**
 * What the audit log records (issue 14): every change to stored data. Stable kebab-case kinds;
 * contracts and revenue (issues 12/13) add theirs here.
 */
export const AUDIT_ACTIONS = [
	// a report revision
	'imported',
	'zero-usage',
	'replaced',
	'line-corrected',
	'row-excluded',
	'row-corrected',
	'acknowledged',
	'credit-reason',
	'carried-over',
	'marked-ready',
	'superseded',
	'signed',
	'delivered',
	'delivery-refused',
	'withdrawn',
	// settings and packs
	'settings-saved',
	'pack-overridden',
	'aggregator-saved',
	'aggregator-deleted',
	'mapping-saved',
	'key-created',
	// reviews and data control
	'review-saved',
	'record-saved',
	'record-deleted',
	'period-deleted',
	'program-deleted',
	'restored',
	// the first entry after "delete everything": a fresh chain
	'chain-started'
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

const summary = z.record(z.string(), z.union([z.string(), z.number()]));
export type AuditSummary = z.infer<typeof summary>;

/** A SHA-256 as 64 lowercase hex digits (what the chain and a bundle's `auditHead` carry). */
export const Sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'sha256-hex');

/** The part of an entry its hash covers: everything but `hash`. */
export const AuditEntryBodySchema = z.object({
	/** Position in the log, from 1; a gap is a removed entry. */
	seq: z.number().int().positive(),
	at: z.iso.datetime(),
	/** RFC 7638 thumbprint of the device key that was active; null before the device had one. */
	who: z.string().nullable(),
	action: z.enum(AUDIT_ACTIONS),
	program: z.string().optional(),
	period: z.string().optional(),
	revisionId: z.string().optional(),
	detail: summary,
	before: summary.optional(),
	after: summary.optional(),
	/** The previous entry's hash; null marks where a chain starts. */
	prev: Sha256HexSchema.nullable(),
	/** Recorded before the log was chained (schema version 8 or older), chained once later. */
	migrated: z.literal(true).optional()
});
export type AuditEntryBody = z.infer<typeof AuditEntryBodySchema>;

export const AuditEntrySchema = AuditEntryBodySchema.extend({
	/** SHA-256 of the RFC 8785 canonical JSON of the body (src/lib/sync/audit-chain.ts). */
	hash: Sha256HexSchema
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** An entry as recorded before the chain (backup format 1 and 2, schema version 8). */
export const UnchainedAuditEntrySchema = z.object({
	seq: z.number().int().positive(),
	at: z.iso.datetime(),
	revisionId: z.string(),
	action: z.enum(AUDIT_ACTIONS),
	detail: summary
});
export type UnchainedAuditEntry = z.infer<typeof UnchainedAuditEntrySchema>;

import { USAGE_FIELDS } from './usage-line';
import { z } from 'zod';
import { isDecimalString } from './money';
import { BundleBodySchema, BundleRecordSchema, ChainHeadSchema } from './bundle';
import { LeftOutRowsSchema } from './left-out-rows';
import { AuditEntrySchema } from './audit-entry';
import { ReportRevisionSchema } from './report';
import { ProgramRecordSchema } from './program-record';
import { ReviewRequestSchema } from './review-request';

/**
 * Schemas of the report tables as a backup holds them: checked whole before a
 * restore writes anything. Optional in the file (a backup made before reports
 * existed has none) and written as empty lists. Totals per SID and customer
 * are not in it: a restore computes them from the lines (older files that
 * carry them are read, and those lists ignored).
 */
const decimal = z.string().refine(isDecimalString, 'decimal');

const StoredLineSchema = z.object({
	line: z.number().int().positive(),
	sid: z.string(),
	description: z.string(),
	customerRef: z.string().optional(),
	quantity: decimal,
	unitPrice: decimal,
	total: decimal,
	currency: z.string().optional(),
	sku: z.string().optional(),
	unit: z.string().optional(),
	period: z.string().optional(),
	contractId: z.string().optional()
});

export const ReportTablesSchema = z.object({
	reports: z.array(ReportRevisionSchema).default([]),
	lineChunks: z
		.array(
			z.object({
				revisionId: z.uuid(),
				index: z.number().int().nonnegative(),
				lines: z.array(StoredLineSchema)
			})
		)
		.default([]),
	importPresets: z
		.array(
			z.object({
				source: z.string(),
				headerSignature: z.string(),
				mapping: z.object({
					fields: z.partialRecord(
						z.enum(USAGE_FIELDS),
						z.union([z.number().int().nonnegative(), z.string()])
					),
					numberLocale: z.enum(['de', 'en']).optional(),
					delimiter: z.enum([';', ',', '\t']).optional()
				})
			})
		)
		.default([]),
	// Chained (format 3 on); older files' unchained entries are read apart (backup.ts).
	auditLog: z.array(AuditEntrySchema).default([]),
	// Signed bundles and chain heads: a restore on a new device continues the chain.
	bundles: z.array(BundleRecordSchema).default([]),
	bundleBodies: z.array(BundleBodySchema).default([]),
	chainHeads: z.array(ChainHeadSchema).default([]),
	// Rows an import left out, with the partner's exclusions and corrections (issue 9).
	leftOutRows: z.array(LeftOutRowsSchema).default([]),
	// Compliance review requests (issue 14).
	reviews: z.array(ReviewRequestSchema).default([]),
	// Records programs keep (commit contracts, issue 12); each value is checked by its program's
	// schema before a restore writes anything (src/lib/store/backup-repo.ts).
	programRecords: z.array(ProgramRecordSchema).default([])
});

import { z } from 'zod';
import { programIdSchema } from './programs';

/**
 * A record a program keeps beside the reports (an Omnissa commit contract, a Genesys listing):
 * one table for every program, so a program brings its records without a change to the store or
 * the backup. `value` is checked by the program's own schema for `kind` on every write and on a
 * restore (src/lib/store/program-records-repo.ts); here it is any JSON value.
 */
export const ProgramRecordSchema = z.object({
	programId: programIdSchema,
	kind: z.string().regex(/^[a-z][a-z0-9-]*$/),
	id: z.string().min(1).max(200),
	value: z.unknown(),
	updatedAt: z.iso.datetime()
});
export type ProgramRecord = z.infer<typeof ProgramRecordSchema>;

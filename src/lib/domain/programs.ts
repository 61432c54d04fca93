import { z } from 'zod';

/**
 * A partner program's id ("omnissa-sp"). Which programs exist is the program registry's business
 * (src/lib/programs/registry.ts), not the domain's: stored records and backups keep any well-formed
 * id, and the app shows only the programs it knows, so a record of a program this version does not
 * know is kept, not refused.
 */
export const programIdSchema = z
	.string()
	.regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'program-id-format');

export type ProgramId = string;

/**
 * What a finding or a bundle records about the pack it was computed with: its id and version, and
 * the parameters the partner overrode (absent when none), so a finding can be told from one
 * computed with the pack's own values.
 */
export type PackRef = { id: ProgramId; version: string; overridden?: string[] };

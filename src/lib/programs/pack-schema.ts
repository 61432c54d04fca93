import { z } from 'zod';
import { omnissaSpPackSchema } from './omnissa-sp-schema';

/**
 * Every program pack, told apart by `id`. `genesys-appfoundry` joins this union with its own
 * schema (tiers, KPI thresholds, grace period); it is not built yet.
 */
export const programPackSchema = z.discriminatedUnion('id', [omnissaSpPackSchema]);
export type ProgramPack = z.infer<typeof programPackSchema>;

/** Known pack ids, including those whose schema is still to come. */
export type ProgramPackId = 'omnissa-sp' | 'genesys-appfoundry';

/** What a finding records about the pack it was computed with. */
export type PackRef = { id: ProgramPack['id']; version: string };

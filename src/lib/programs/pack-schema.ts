import { z } from 'zod';
import type { PackRef } from '$lib/domain/programs';
import { omnissaSpPackSchema } from './omnissa-sp/pack-schema';

/**
 * Every program pack, told apart by `id`. `genesys-appfoundry` joins this union with its own
 * schema (tiers, KPI thresholds, grace period); it is not built yet.
 */
export const programPackSchema = z.discriminatedUnion('id', [omnissaSpPackSchema]);
export type ProgramPack = z.infer<typeof programPackSchema>;

/** Known pack ids, including those whose schema is still to come. */
export type ProgramPackId = 'omnissa-sp' | 'genesys-appfoundry';

/** The reference findings carry for a pack, overrides included. */
export function packRefOf(pack: ProgramPack): PackRef {
	const overridden = Object.entries(pack.parameters)
		.filter(([, parameter]) => parameter.overridden !== undefined)
		.map(([name]) => name)
		.sort();
	const ref: PackRef = { id: pack.id, version: pack.version };
	if (overridden.length > 0) ref.overridden = overridden;
	return ref;
}

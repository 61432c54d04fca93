import omnissaSp from './omnissa-sp/omnissa-sp.json';
import { loadPack } from './load-pack';
import type { ProgramPack, ProgramPackId } from './pack-schema';
import type { PackResult } from './pack-problem';

/**
 * The packs that ship with the app, as raw JSON: they pass the same `loadPack` as an imported
 * pack, so a bad edit to a built-in file fails a test instead of slipping past the schema.
 * `genesys-appfoundry` gets its entry when its schema exists.
 */
export const builtInPacks: ReadonlyMap<ProgramPackId, unknown> = new Map<ProgramPackId, unknown>([
	['omnissa-sp', omnissaSp]
]);

/** Loads a built-in pack by id. */
export function loadBuiltInPack(options: { id: ProgramPackId }): PackResult<ProgramPack> {
	const json = builtInPacks.get(options.id);
	if (json === undefined) {
		return {
			ok: false,
			problems: [{ code: 'unknown-pack', field: options.id, detail: 'not built in' }]
		};
	}
	return loadPack({ json });
}

import type { ProgramModule } from '../program-module';
import { applyGenesysOverrides } from './apply-overrides';
import { builtInGenesysPacks } from './pack';
import type { GenesysPack } from './pack-schema';

let newest: GenesysPack | undefined;

/** The built-in pack of the latest program year (the packs are checked by their schema's tests). */
function newestBuiltInPack(): GenesysPack {
	newest ??= builtInGenesysPacks().reduce((a, b) => (b.programYear > a.programYear ? b : a));
	return newest;
}

/** The Genesys AppFoundry ISV program: listings, leads, the revenue KPI and the tier year. */
export const genesysAppFoundryProgram: ProgramModule<GenesysPack> = {
	id: 'genesys-appfoundry',
	name: { de: 'Genesys AppFoundry ISV', en: 'Genesys AppFoundry ISV' },
	summary: {
		de: 'Listings, Leads, Umsatz-KPI und Partnerstufe',
		en: 'Listings, leads, revenue KPI and tier status'
	},
	effectivePack(overrides) {
		const base = newestBuiltInPack();
		if (overrides === undefined) return { pack: base, problems: [] };
		const result = applyGenesysOverrides({ pack: base, overrides });
		return result.ok
			? { pack: result.value, problems: [] }
			: { pack: base, problems: result.problems };
	}
};

import { genesysAppFoundryProgram } from '$lib/programs/genesys-appfoundry/program';
import { omnissaSpProgram } from '$lib/programs/omnissa-sp/program';
import type { ProgramUi } from './program-ui';

/**
 * The programs the pages show, each with the panels it adds (the core modules are listed in
 * src/lib/programs/registry.ts, in the same order). The Desk and Settings go through this list.
 */
export const PROGRAM_UIS: readonly ProgramUi[] = [
	{
		program: omnissaSpProgram,
		DeskSection: () => import('./omnissa-sp/OmnissaDesk.svelte'),
		SettingsSection: () => import('./omnissa-sp/OmnissaSettings.svelte')
	},
	{ program: genesysAppFoundryProgram }
];

import { genesysAppFoundryProgram } from '$lib/programs/genesys-appfoundry/program';
import { omnissaSpProgram } from '$lib/programs/omnissa-sp/program';
import OmnissaDesk from './omnissa-sp/OmnissaDesk.svelte';
import OmnissaSettings from './omnissa-sp/OmnissaSettings.svelte';
import type { ProgramUi } from './program-ui';

/**
 * The programs the pages show, each with the panels it adds (the core modules are listed in
 * src/lib/programs/registry.ts, in the same order). The Desk and Settings go through this list.
 */
export const PROGRAM_UIS: readonly ProgramUi[] = [
	{ program: omnissaSpProgram, DeskSection: OmnissaDesk, SettingsSection: OmnissaSettings },
	{ program: genesysAppFoundryProgram }
];

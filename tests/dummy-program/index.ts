import type { ProgramUi } from '$lib/ui/programs/program-ui';
import { dummyProgram } from './program';

/** The registry entry a test adds to the app's list (`[...PROGRAM_UIS, dummyProgramUi]`). */
export const dummyProgramUi: ProgramUi = {
	program: dummyProgram,
	DeskSection: () => import('./DummyDesk.svelte'),
	SettingsSection: () => import('./DummySettings.svelte')
};

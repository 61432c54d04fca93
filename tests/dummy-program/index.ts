import type { ProgramUi } from '$lib/ui/programs/program-ui';
import DummyDesk from './DummyDesk.svelte';
import DummySettings from './DummySettings.svelte';
import { dummyProgram } from './program';

/** The registry entry a test adds to the app's list (`[...PROGRAM_UIS, dummyProgramUi]`). */
export const dummyProgramUi: ProgramUi = {
	program: dummyProgram,
	DeskSection: DummyDesk,
	SettingsSection: DummySettings
};

import type { Component } from 'svelte';
import type { ProgramModule } from '$lib/programs/program-module';

/**
 * A program as the UI shows it: its core module and the panels it adds to shared pages. A panel
 * reads what it needs from the workspace (`workspace()`), so it takes no props.
 */
export type ProgramUi = {
	program: ProgramModule;
	/** Shown in the program's entry on the Desk while the partner is enrolled. */
	DeskSection?: Component;
	/** Shown in Settings, under the profile, whether or not the partner is enrolled. */
	SettingsSection?: Component;
};

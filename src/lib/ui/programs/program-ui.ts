import type { Component } from 'svelte';
import type { ProgramModule } from '$lib/programs/program-module';

/**
 * A panel a program adds to a shared page, loaded when a page shows it (`() => import(...)`):
 * a program's panels and what they read stay out of the first load of pages that do not show them.
 */
export type PanelLoader = () => Promise<{ default: Component }>;

/**
 * A program as the UI shows it: its core module and the panels it adds to shared pages. A panel
 * reads what it needs from the workspace (`workspace()`), so it takes no props.
 */
export type ProgramUi = {
	program: ProgramModule;
	/** Shown in the program's entry on the Desk while the partner is enrolled. */
	DeskSection?: PanelLoader;
	/** Shown in Settings, under the profile, whether or not the partner is enrolled. */
	SettingsSection?: PanelLoader;
};

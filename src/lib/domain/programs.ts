/** The partner programs the app supports; each has a program pack (see src/lib/programs). */
export const PROGRAM_IDS = ['omnissa-sp', 'genesys-appfoundry'] as const;

export type ProgramId = (typeof PROGRAM_IDS)[number];

export function isProgramId(value: string): value is ProgramId {
	return (PROGRAM_IDS as readonly string[]).includes(value);
}

/**
 * What a finding or a bundle records about the pack it was computed with: its id and version, and
 * the parameters the partner overrode (absent when none), so a finding can be told from one
 * computed with the pack's own values.
 */
export type PackRef = { id: ProgramId; version: string; overridden?: string[] };

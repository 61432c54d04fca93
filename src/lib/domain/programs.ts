/** The partner programs the app supports; each has a program pack (see src/lib/programs). */
export const PROGRAM_IDS = ['omnissa-sp', 'genesys-appfoundry'] as const;

export type ProgramId = (typeof PROGRAM_IDS)[number];

export function isProgramId(value: string): value is ProgramId {
	return (PROGRAM_IDS as readonly string[]).includes(value);
}

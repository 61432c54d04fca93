import { genesysAppFoundryProgram } from './genesys-appfoundry/program';
import { omnissaSpProgram } from './omnissa-sp/program';
import type { ProgramModule } from './program-module';

/**
 * Every partner program the app knows, in the order the Desk and Settings list them. A program
 * joins with its module here (and its pages in src/lib/ui/programs/registry.ts); nothing else in
 * the app names programs.
 */
export const PROGRAMS: readonly ProgramModule[] = [omnissaSpProgram, genesysAppFoundryProgram];

/** The known program with this id, if any (a stored record may name one this version lacks). */
export function programById(
	id: string,
	programs: readonly ProgramModule[] = PROGRAMS
): ProgramModule | undefined {
	return programs.find((program) => program.id === id);
}

/**
 * A workspace with fixed records for component tests (jsdom): no store, a clock that stands
 * still. Render with `{ context: workspaceContext(testWorkspace(...)) }`.
 */
import type { Aggregator, Enrollment, Profile } from '$lib/domain/settings';
import { testProfile } from './profile';

export { testProfile };
import type { ProgramUi } from '$lib/ui/programs/program-ui';
import { PROGRAM_UIS } from '$lib/ui/programs/registry';
import { Workspace } from '$lib/ui/workspace.svelte';

export function testWorkspace(
	options: {
		profile?: Profile;
		enrollments?: Enrollment[];
		aggregators?: Aggregator[];
		now?: Date;
		programs?: readonly ProgramUi[];
	} = {}
): Workspace {
	return new Workspace(
		{
			profile: () => options.profile,
			enrollments: () => options.enrollments ?? [],
			aggregators: () => options.aggregators ?? [],
			isLoading: () => false,
			error: () => undefined
		},
		(options.now ?? new Date('2026-10-15T10:00:00Z')).getTime(),
		options.programs ?? PROGRAM_UIS
	);
}

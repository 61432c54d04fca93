import type { BundleRecord } from '$lib/domain/bundle';
import { database } from '$lib/store/db';
import { listBundles } from '$lib/store/outbox-repo';
import { PROGRAM_UIS } from '$lib/ui/programs/registry';
import type { PageLoad } from './$types';

/**
 * The Desk is the page a returning partner opens first: its outbox summary is read, and the
 * enrolled programs' Desk panels are loaded, while the root layout reads the profile, so the
 * first render shows them (the panels' code was fetched only after that render before).
 */
export const load: PageLoad = async ({ parent }): Promise<{ bundles?: BundleRecord[] }> => {
	const bundles = database()
		.then(listBundles)
		.catch(() => undefined);
	const { first } = await parent();
	const enrolled = new Set(first?.enrollments.map((enrollment) => enrollment.programId));
	await Promise.all(
		PROGRAM_UIS.filter(({ program }) => enrolled.has(program.id)).map(({ DeskSection }) =>
			DeskSection?.().catch(() => undefined)
		)
	);
	return { bundles: await bundles };
};

import type { ProgramId } from '$lib/domain/programs';
import {
	AggregatorSchema,
	ProfileSchema,
	type Aggregator,
	type Enrollment,
	type Profile
} from '$lib/domain/settings';
import { PROFILE_KEY, type PartnerDeskDatabase } from './db';
import { guardStorage } from './errors';

/** The stored profile, or undefined on a first run. Parsed: never trusted as stored. */
export async function readProfile(db: PartnerDeskDatabase): Promise<Profile | undefined> {
	const record = await guardStorage(() => db.settings.get(PROFILE_KEY));
	if (!record) return undefined;
	const parsed = ProfileSchema.safeParse(record);
	return parsed.success ? parsed.data : undefined;
}

/**
 * Saves the profile and the set of enrolled programs together: one transaction,
 * so a failed write (a full disk) leaves the previous settings whole.
 */
export async function saveSettings(
	db: PartnerDeskDatabase,
	options: { profile: Profile; programs: ProgramId[]; now?: Date }
): Promise<void> {
	const profile = ProfileSchema.parse(options.profile);
	const now = (options.now ?? new Date()).toISOString();
	await guardStorage(() =>
		db.transaction('rw', db.settings, db.enrollments, async () => {
			await db.settings.put({ ...profile, key: PROFILE_KEY });
			const existing = await db.enrollments.toArray();
			const keep = new Set(options.programs);
			await db.enrollments.bulkDelete(
				existing.filter((e) => !keep.has(e.programId)).map((e) => e.programId)
			);
			const known = new Set(existing.map((e) => e.programId));
			const added: Enrollment[] = options.programs
				.filter((programId) => !known.has(programId))
				.map((programId) => ({ programId, enrolledAt: now }));
			await db.enrollments.bulkAdd(added);
		})
	);
}

/** Stores the partner's pack parameter values for an enrolled program (validated by the caller). */
export async function savePackOverrides(
	db: PartnerDeskDatabase,
	options: { programId: ProgramId; overrides: Record<string, unknown> }
): Promise<void> {
	await guardStorage(() =>
		db.transaction('rw', db.enrollments, async () => {
			const enrollment = await db.enrollments.get(options.programId);
			if (!enrollment) throw new Error(`not enrolled in ${options.programId}`);
			await db.enrollments.put({ ...enrollment, packOverrides: options.overrides });
		})
	);
}

export async function listEnrollments(db: PartnerDeskDatabase): Promise<Enrollment[]> {
	return guardStorage(() => db.enrollments.toArray());
}

export async function listAggregators(db: PartnerDeskDatabase): Promise<Aggregator[]> {
	return guardStorage(() => db.aggregators.orderBy('id').toArray());
}

/** Adds or replaces an aggregator by id. */
export async function saveAggregator(
	db: PartnerDeskDatabase,
	aggregator: Aggregator
): Promise<void> {
	const valid = AggregatorSchema.parse(aggregator);
	await guardStorage(() => db.aggregators.put(valid));
}

export async function deleteAggregator(db: PartnerDeskDatabase, id: string): Promise<void> {
	await guardStorage(() => db.aggregators.delete(id));
}

import type { ProgramId } from '$lib/domain/programs';
import {
	AggregatorSchema,
	ProfileSchema,
	type Aggregator,
	type Enrollment,
	type Profile
} from '$lib/domain/settings';
import { PROFILE_KEY, type PartnerDeskDatabase } from './db';
import { audit, withAuditTables } from './audit';
import { guardStorage } from './errors';
import { StoreRefused } from './store-refused';

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
		db.transaction('rw', withAuditTables(db, db.settings, db.enrollments), async () => {
			const previous = await db.settings.get(PROFILE_KEY);
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
			await audit(
				db,
				{
					action: 'settings-saved',
					before: previous
						? { ...profileSummary(previous), programs: existing.map((e) => e.programId).join(',') }
						: undefined,
					after: { ...profileSummary(profile), programs: options.programs.join(',') }
				},
				now
			);
		})
	);
}

/** Stores the partner's pack parameter values for an enrolled program (validated by the caller). */
export async function savePackOverrides(
	db: PartnerDeskDatabase,
	options: { programId: ProgramId; overrides: Record<string, unknown>; now?: Date }
): Promise<void> {
	await guardStorage(() =>
		db.transaction('rw', withAuditTables(db, db.enrollments), async () => {
			const enrollment = await db.enrollments.get(options.programId);
			if (!enrollment)
				throw new StoreRefused('not-enrolled', `not enrolled in ${options.programId}`);
			await db.enrollments.put({ ...enrollment, packOverrides: options.overrides });
			await audit(
				db,
				{
					action: 'pack-overridden',
					program: options.programId,
					before: flatSummary(enrollment.packOverrides ?? {}),
					after: flatSummary(options.overrides)
				},
				(options.now ?? new Date()).toISOString()
			);
		})
	);
}

export async function listEnrollments(db: PartnerDeskDatabase): Promise<Enrollment[]> {
	return guardStorage(() => db.enrollments.toArray());
}

export async function listAggregators(db: PartnerDeskDatabase): Promise<Aggregator[]> {
	return guardStorage(() => db.aggregators.orderBy('id').toArray());
}

/** What every page reads first: the profile, the enrollments and the aggregators. */
export type WorkspaceSnapshot = {
	profile: Profile | undefined;
	enrollments: Enrollment[];
	aggregators: Aggregator[];
};

/**
 * The workspace as stored now, read at once when the app starts (before the first page
 * renders, so it can speak the partner's language and show the partner's data in one go).
 */
export async function readWorkspaceSnapshot(db: PartnerDeskDatabase): Promise<WorkspaceSnapshot> {
	const [profile, enrollments, aggregators] = await Promise.all([
		readProfile(db),
		listEnrollments(db),
		listAggregators(db)
	]);
	return { profile, enrollments, aggregators };
}

/** Adds or replaces an aggregator by id. */
export async function saveAggregator(
	db: PartnerDeskDatabase,
	aggregator: Aggregator
): Promise<void> {
	const valid = AggregatorSchema.parse(aggregator);
	await guardStorage(() =>
		db.transaction('rw', withAuditTables(db, db.aggregators), async () => {
			const before = await db.aggregators.get(valid.id);
			await db.aggregators.put(valid);
			await audit(
				db,
				{
					action: 'aggregator-saved',
					detail: { aggregator: valid.id },
					before: before && aggregatorSummary(before),
					after: aggregatorSummary(valid)
				},
				new Date().toISOString()
			);
		})
	);
}

/** What the log keeps of an aggregator: never its bearer token. */
function aggregatorSummary(aggregator: Aggregator): Record<string, string> {
	return {
		name: aggregator.name,
		endpoint: aggregator.endpoint ?? '',
		token: aggregator.token ? 'set' : 'none'
	};
}

function profileSummary(profile: Profile): Record<string, string> {
	return {
		companyName: profile.companyName,
		partnerIds: JSON.stringify(profile.partnerIds),
		currency: profile.currency,
		timeZone: profile.timeZone,
		language: profile.language
	};
}

/** Pack values as text: the log's summaries hold strings and numbers only. */
function flatSummary(values: Record<string, unknown>): Record<string, string | number> {
	return Object.fromEntries(
		Object.entries(values).map(([key, value]) => [
			key,
			typeof value === 'number' || typeof value === 'string' ? value : JSON.stringify(value)
		])
	);
}

export async function deleteAggregator(db: PartnerDeskDatabase, id: string): Promise<void> {
	await guardStorage(() =>
		db.transaction('rw', withAuditTables(db, db.aggregators), async () => {
			const before = await db.aggregators.get(id);
			if (!before) return;
			await db.aggregators.delete(id);
			await audit(
				db,
				{
					action: 'aggregator-deleted',
					detail: { aggregator: id },
					before: aggregatorSummary(before)
				},
				new Date().toISOString()
			);
		})
	);
}

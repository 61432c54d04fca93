import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { StorageProblem } from './errors';
import type { Aggregator, Enrollment, Profile } from '$lib/domain/settings';

export const DATABASE_NAME = 'partner-desk';

/** The profile is a single record under a fixed key. */
export const PROFILE_KEY = 'profile';
export type ProfileRecord = Profile & { key: typeof PROFILE_KEY };

/**
 * Every schema version the app has had, oldest first. A version is never edited
 * once released: a change is a new version with an upgrade step, and each step
 * has a test that fills the old version and checks every record after it
 * (src/lib/store/migrations.browser.test.ts).
 */
export const SCHEMA_VERSIONS = [
	{
		version: 1,
		// Version 1 kept the enrolled programs inside the profile record.
		stores: { settings: 'key', aggregators: 'id' }
	},
	{
		version: 2,
		// Each program gets a record of its own, so per-program state (pack
		// overrides, import presets) can hang off it without rewriting the profile.
		stores: { settings: 'key', aggregators: 'id', enrollments: 'programId' },
		upgrade: moveEnrollmentsOutOfProfile
	}
] as const satisfies readonly {
	version: number;
	stores: Record<string, string | null>;
	upgrade?: (tx: Transaction) => Promise<void>;
}[];

export const SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1].version;

async function moveEnrollmentsOutOfProfile(tx: Transaction): Promise<void> {
	const settings = tx.table('settings');
	const profile = (await settings.get(PROFILE_KEY)) as
		(ProfileRecord & { programs?: string[] }) | undefined;
	if (!profile) return;
	const { programs = [], ...rest } = profile;
	// Version 1 did not record when a program was joined: the upgrade time is the best we know.
	const enrolledAt = new Date().toISOString();
	await tx.table('enrollments').bulkPut(programs.map((programId) => ({ programId, enrolledAt })));
	await settings.put(rest);
}

export class PartnerDeskDatabase extends Dexie {
	settings!: EntityTable<ProfileRecord, 'key'>;
	aggregators!: EntityTable<Aggregator, 'id'>;
	enrollments!: EntityTable<Enrollment, 'programId'>;

	constructor(name = DATABASE_NAME, options?: { upTo?: number }) {
		super(name);
		for (const step of SCHEMA_VERSIONS) {
			if (options?.upTo !== undefined && step.version > options.upTo) break;
			const version = this.version(step.version).stores(step.stores);
			if ('upgrade' in step) version.upgrade(step.upgrade);
		}
		// Dexie 4 opens a database of a higher version than declared. An older app
		// writing old shapes into a newer schema would corrupt it, so it is refused.
		// Dexie keeps version n as IndexedDB version n * 10.
		this.on('ready', (db) => {
			if (db.backendDB().version / 10 > SCHEMA_VERSION) throw new StorageProblem('database-newer');
		});
	}
}

/** The tables a backup holds, in the order a restore writes them. */
export const BACKED_UP_TABLES = ['settings', 'enrollments', 'aggregators'] as const;

let shared: PartnerDeskDatabase | undefined;

/** The app's database, opened on first use. */
export function database(): PartnerDeskDatabase {
	shared ??= new PartnerDeskDatabase();
	return shared;
}

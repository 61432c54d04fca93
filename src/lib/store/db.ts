import type { UsageLine } from '$lib/domain/usage-line';
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { StorageProblem } from './errors';
import { toLineColumns, type LineColumns } from './line-columns';
import type { GroupTotal } from '$lib/domain/report-totals';
import type { BundleBody, BundleRecord, ChainHead } from '$lib/domain/bundle';
import type { LeftOutRows } from '$lib/domain/left-out-rows';
import type { AuditEntry, UnchainedAuditEntry } from '$lib/domain/audit-entry';
import type { ReportRevision } from '$lib/domain/report';
import type { ProgramRecord } from '$lib/domain/program-record';
import type { ReviewRequest } from '$lib/domain/review-request';
import { chainAuditEntry } from '$lib/sync/audit-chain';
import type { Aggregator, Enrollment, Profile } from '$lib/domain/settings';
import type { MappingPreset } from '$lib/import/mapping-preset';

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
	},
	{
		version: 3,
		// Monthly reports: a revision record, its lines in chunks of about 1,000
		// (100k lines as 100 records store in 0.4 s, as 100k records in 17-26 s),
		// small per-SID and per-customer totals, saved column mappings, and an
		// append-only audit log.
		stores: {
			settings: 'key',
			aggregators: 'id',
			enrollments: 'programId',
			reports: 'id, [programId+period], source.digest',
			lineChunks: '[revisionId+index]',
			sidTotals: '[revisionId+key]',
			customerTotals: '[revisionId+key]',
			importPresets: '[source+headerSignature]',
			auditLog: '++seq, revisionId'
		}
	},
	{
		version: 4,
		// Reports get a kind: a month's regular report or an adjustment with late
		// usage. Every report stored before is a regular one.
		stores: {
			settings: 'key',
			aggregators: 'id',
			enrollments: 'programId',
			reports: 'id, [programId+period], source.digest',
			lineChunks: '[revisionId+index]',
			sidTotals: '[revisionId+key]',
			customerTotals: '[revisionId+key]',
			importPresets: '[source+headerSignature]',
			auditLog: '++seq, revisionId'
		},
		upgrade: markReportsRegular
	},
	{
		version: 5,
		// A revision's per-SID and per-customer totals as one record: 20,000
		// customers as 20,000 records took 2 s of a 100k-line import.
		stores: {
			settings: 'key',
			aggregators: 'id',
			enrollments: 'programId',
			reports: 'id, [programId+period], source.digest',
			lineChunks: '[revisionId+index]',
			sidTotals: null,
			customerTotals: null,
			groupTotals: 'revisionId',
			importPresets: '[source+headerSignature]',
			auditLog: '++seq, revisionId'
		},
		upgrade: gatherGroupTotals
	},
	{
		version: 6,
		// Signed bundles: this device's signing keys (the private half never
		// leaves IndexedDB), the outbox of bundles in chain order per
		// aggregator, and the chain head each next bundle links to.
		stores: {
			settings: 'key',
			aggregators: 'id',
			enrollments: 'programId',
			reports: 'id, [programId+period], source.digest',
			lineChunks: '[revisionId+index]',
			groupTotals: 'revisionId',
			importPresets: '[source+headerSignature]',
			auditLog: '++seq, revisionId',
			signingKeys: 'kid, createdAt',
			// [aggregatorId+state+seq] finds the head of a chain's outbox without a scan.
			bundles: 'bundleId, revisionId, state, [aggregatorId+seq], [aggregatorId+state+seq]',
			bundleBodies: 'bundleId',
			chainHeads: 'aggregatorId'
		}
	},
	{
		version: 7,
		// Line chunks hold their lines column by column, each text once per
		// chunk (line-columns.ts): a 100k-line import spent most of its store
		// step cloning line objects.
		stores: {
			settings: 'key',
			aggregators: 'id',
			enrollments: 'programId',
			reports: 'id, [programId+period], source.digest',
			lineChunks: '[revisionId+index]',
			groupTotals: 'revisionId',
			importPresets: '[source+headerSignature]',
			auditLog: '++seq, revisionId',
			signingKeys: 'kid, createdAt',
			bundles: 'bundleId, revisionId, state, [aggregatorId+seq], [aggregatorId+state+seq]',
			bundleBodies: 'bundleId',
			chainHeads: 'aggregatorId'
		},
		upgrade: storeLinesAsColumns
	},
	{
		version: 8,
		// The rows an import left out, per revision (issue 9): kept with their cells until the
		// partner corrects or excludes each. One record per revision, as groupTotals.
		stores: {
			settings: 'key',
			aggregators: 'id',
			enrollments: 'programId',
			reports: 'id, [programId+period], source.digest',
			lineChunks: '[revisionId+index]',
			groupTotals: 'revisionId',
			importPresets: '[source+headerSignature]',
			auditLog: '++seq, revisionId',
			signingKeys: 'kid, createdAt',
			bundles: 'bundleId, revisionId, state, [aggregatorId+seq], [aggregatorId+state+seq]',
			bundleBodies: 'bundleId',
			chainHeads: 'aggregatorId',
			leftOutRows: 'revisionId'
		},
		upgrade: countRowsLeftOutBefore
	},
	{
		version: 9,
		// Compliance (issue 14): the audit log becomes a hash chain (its entries found by kind,
		// program and period), and review requests get a table.
		stores: {
			settings: 'key',
			aggregators: 'id',
			enrollments: 'programId',
			reports: 'id, [programId+period], source.digest',
			lineChunks: '[revisionId+index]',
			groupTotals: 'revisionId',
			importPresets: '[source+headerSignature]',
			auditLog: '++seq, revisionId, action, program, period',
			signingKeys: 'kid, createdAt',
			bundles: 'bundleId, revisionId, state, [aggregatorId+seq], [aggregatorId+state+seq]',
			bundleBodies: 'bundleId',
			chainHeads: 'aggregatorId',
			leftOutRows: 'revisionId',
			reviews: 'id, status, dueDate'
		},
		upgrade: chainAuditLog
	},
	{
		version: 12,
		// Records a program keeps beside the reports (commit contracts first), in one table for
		// every program, found by program and kind. (10 and 11 are left to work in progress on
		// other branches; Dexie needs versions to rise, not to be consecutive.)
		stores: {
			settings: 'key',
			aggregators: 'id',
			enrollments: 'programId',
			reports: 'id, [programId+period], source.digest',
			lineChunks: '[revisionId+index]',
			groupTotals: 'revisionId',
			importPresets: '[source+headerSignature]',
			auditLog: '++seq, revisionId, action, program, period',
			signingKeys: 'kid, createdAt',
			bundles: 'bundleId, revisionId, state, [aggregatorId+seq], [aggregatorId+state+seq]',
			bundleBodies: 'bundleId',
			chainHeads: 'aggregatorId',
			leftOutRows: 'revisionId',
			reviews: 'id, status, dueDate',
			programRecords: '[programId+kind+id], [programId+kind]'
		}
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

async function markReportsRegular(tx: Transaction): Promise<void> {
	await tx
		.table('reports')
		.toCollection()
		.modify((report: { kind?: string }) => {
			report.kind ??= 'regular';
		});
}

async function storeLinesAsColumns(tx: Transaction): Promise<void> {
	await tx
		.table('lineChunks')
		.toCollection()
		.modify((chunk: Partial<LineChunk> & { lines?: UsageLine[] }) => {
			chunk.columns = toLineColumns(chunk.lines ?? []);
			delete chunk.lines;
		});
}

/**
 * Drafts imported with "valid rows only" before version 8 lost their left-out rows: the cells
 * are gone, but the count is in the source. They are recorded as lost, so the draft stays
 * blocked until a re-import brings the rows back; frozen revisions went out as they were.
 */
async function countRowsLeftOutBefore(tx: Transaction): Promise<void> {
	const reports = (await tx.table('reports').toArray()) as ReportRevision[];
	const drafts = reports.filter((report) => report.state === 'draft');
	const records: LeftOutRows[] = drafts
		.filter((draft) => (draft.source?.rowsSkipped ?? 0) > 0)
		.map((draft) => ({
			revisionId: draft.id,
			fileName: draft.source?.fileName ?? '',
			header: [],
			columns: {},
			rows: [],
			lostRows: draft.source?.rowsSkipped ?? 0
		}));
	await tx.table('leftOutRows').bulkPut(records);
}

/**
 * The log before version 9 was not chained: its entries are chained once, in seq order, the
 * first one a chain start, each marked `migrated` and with no `who` (the device key was not
 * recorded). Program and period come from the revision each names.
 */
async function chainAuditLog(tx: Transaction): Promise<void> {
	const reports = new Map(
		((await tx.table('reports').toArray()) as ReportRevision[]).map((r) => [r.id, r])
	);
	const old = (await tx.table('auditLog').orderBy('seq').toArray()) as UnchainedAuditEntry[];
	const chained = await Dexie.waitFor(chainMigratedEntries(old, reports));
	await tx.table('auditLog').bulkPut(chained);
}

/** Chains entries recorded before the log was a chain (also for a restored old backup). */
export async function chainMigratedEntries(
	old: readonly UnchainedAuditEntry[],
	reports: ReadonlyMap<string, Pick<ReportRevision, 'programId' | 'period'>>
): Promise<AuditEntry[]> {
	const chained: AuditEntry[] = [];
	for (const entry of [...old].sort((a, b) => a.seq - b.seq)) {
		const revision = reports.get(entry.revisionId);
		chained.push(
			await chainAuditEntry(
				{
					seq: entry.seq,
					at: entry.at,
					who: null,
					action: entry.action,
					program: revision?.programId,
					period: revision?.period,
					revisionId: entry.revisionId,
					detail: entry.detail,
					migrated: true
				},
				chained.at(-1)?.hash ?? null
			)
		);
	}
	return chained;
}

async function gatherGroupTotals(tx: Transaction): Promise<void> {
	const records = new Map<string, GroupTotalsRecord>();
	const recordOf = (revisionId: string) => {
		let record = records.get(revisionId);
		if (!record) records.set(revisionId, (record = { revisionId, bySid: [], byCustomer: [] }));
		return record;
	};
	// Both old tables are sorted by [revisionId+key], so each list keeps its order.
	for (const [table, list] of [
		['sidTotals', 'bySid'],
		['customerTotals', 'byCustomer']
	] as const) {
		const rows = (await tx.table(table).toArray()) as (GroupTotal & { revisionId: string })[];
		for (const { revisionId, ...total } of rows) recordOf(revisionId)[list].push(total);
	}
	await tx.table('groupTotals').bulkPut([...records.values()]);
}

/** About 1,000 lines a record: few records to write, small enough to read a page of lines. */
export const LINES_PER_CHUNK = 1000;
export type LineChunk = { revisionId: string; index: number; columns: LineColumns };
/** A revision's totals per SID and per customer, each list sorted by key. */
export type GroupTotalsRecord = {
	revisionId: string;
	bySid: GroupTotal[];
	byCustomer: GroupTotal[];
};
export type { AuditEntry };

/**
 * A key pair of this device. The private key is a non-extractable CryptoKey:
 * IndexedDB keeps it, nothing can read its bytes, and no backup holds it.
 * A rotated key stays, retired, so its public half remains on record.
 */
export type SigningKeyRecord = {
	kid: string;
	privateKey: CryptoKey;
	publicJwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string };
	createdAt: string;
	retiredAt?: string;
};

export class PartnerDeskDatabase extends Dexie {
	settings!: EntityTable<ProfileRecord, 'key'>;
	aggregators!: EntityTable<Aggregator, 'id'>;
	enrollments!: EntityTable<Enrollment, 'programId'>;
	reports!: EntityTable<ReportRevision, 'id'>;
	lineChunks!: Dexie.Table<LineChunk, [string, number]>;
	groupTotals!: EntityTable<GroupTotalsRecord, 'revisionId'>;
	importPresets!: Dexie.Table<MappingPreset, [string, string]>;
	auditLog!: EntityTable<AuditEntry, 'seq'>;
	signingKeys!: EntityTable<SigningKeyRecord, 'kid'>;
	bundles!: EntityTable<BundleRecord, 'bundleId'>;
	bundleBodies!: EntityTable<BundleBody, 'bundleId'>;
	chainHeads!: EntityTable<ChainHead, 'aggregatorId'>;
	leftOutRows!: EntityTable<LeftOutRows, 'revisionId'>;
	reviews!: EntityTable<ReviewRequest, 'id'>;
	programRecords!: Dexie.Table<ProgramRecord, [string, string, string]>;

	constructor(name = DATABASE_NAME, options?: { upTo?: number }) {
		super(name);
		for (const step of SCHEMA_VERSIONS) {
			if (options?.upTo !== undefined && step.version > options.upTo) break;
			const version = this.version(step.version).stores(step.stores);
			if ('upgrade' in step) version.upgrade(step.upgrade);
		}
	}
}

/** The tables a backup holds, in the order a restore writes them. */
export const BACKED_UP_TABLES = [
	'settings',
	'enrollments',
	'aggregators',
	'reports',
	'lineChunks',
	'importPresets',
	'auditLog',
	'bundles',
	'bundleBodies',
	'chainHeads',
	'leftOutRows',
	'reviews',
	'programRecords'
] as const;

/**
 * Opens a database after making sure no newer app wrote it. Dexie 4 opens a
 * higher version than declared and even bumps it to fit its own schema, so an
 * older app would rewrite a newer database: the version is read first, without
 * opening it (Dexie keeps version n as IndexedDB version n * 10).
 */
export async function openCheckedDatabase(name = DATABASE_NAME): Promise<PartnerDeskDatabase> {
	const known = await globalThis.indexedDB.databases?.();
	const installed = known?.find((info) => info.name === name)?.version ?? 0;
	if (installed / 10 > SCHEMA_VERSION) throw new StorageProblem('database-newer');
	const db = new PartnerDeskDatabase(name);
	await db.open();
	return db;
}

let shared: Promise<PartnerDeskDatabase> | undefined;

/** The app's database, opened once, on first use. */
export function database(): Promise<PartnerDeskDatabase> {
	shared ??= openCheckedDatabase();
	return shared;
}

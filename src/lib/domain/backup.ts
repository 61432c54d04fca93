import { z } from 'zod';
import { UnchainedAuditEntrySchema, type UnchainedAuditEntry } from './audit-entry';
import { ReportTablesSchema } from './backup-tables';
import { AggregatorSchema, EnrollmentSchema, ProfileSchema } from './settings';

/**
 * A backup is one JSON file of everything stored but the private signing key, which never
 * leaves the device.
 */
export const BACKUP_FORMAT = 'partner-desk-backup';

/**
 * The shape of the backed-up data. RAISE IT whenever that shape changes: a table added or
 * removed, a field added, renamed or retyped in any backed-up record. An older app then refuses
 * the new file with the version in its message instead of restoring it with the parts it does
 * not know silently dropped. backup.test.ts holds the fingerprint of each version's shape and
 * fails until the constant is raised and the new fingerprint recorded.
 *
 * 1: profile, enrollments, aggregators; report tables were added later as optional keys, so a
 *    version 1 file may hold any of them (they were written under 1 without raising it).
 * 2: the tables of version 1, all of them, and bundles, bundle bodies and chain heads.
 * 3: the audit log as a hash chain (who, program, period, before/after, prev, hash) and review
 *    requests. A version 1 or 2 file's log is read unchained; the restore chains it.
 * 4: a program id is any well-formed id, no longer one of a fixed list (programs come from the
 *    program registry; a record of a program this version does not know is kept).
 * 5: records programs keep (commit contracts), each checked by its program's schema.
 */
export const BACKUP_FORMAT_VERSION = 5;

/** The first version whose audit log is chained. */
const FIRST_CHAINED_VERSION = 3;

/** Versions this app reads: every older file is a subset of today's tables (missing = empty). */
const FIRST_READABLE_VERSION = 1;

export const BackupDataSchema = z.object({
	profile: ProfileSchema.nullable(),
	enrollments: z.array(EnrollmentSchema),
	aggregators: z.array(AggregatorSchema),
	...ReportTablesSchema.shape
});
export type BackupData = z.infer<typeof BackupDataSchema>;

export const BackupSchema = z.object({
	format: z.literal(BACKUP_FORMAT),
	formatVersion: z.literal(BACKUP_FORMAT_VERSION),
	exportedAt: z.iso.datetime(),
	data: BackupDataSchema
});
export type Backup = z.infer<typeof BackupSchema>;

export type BackupProblem =
	| { code: 'backup-empty'; file: string }
	| { code: 'backup-too-large'; file: string; megabytes: number; limit: number }
	| { code: 'backup-not-json'; file: string; detail: string }
	| { code: 'backup-foreign'; file: string }
	| { code: 'backup-newer'; file: string; version: number }
	| { code: 'backup-unknown-table'; file: string; table: string }
	| { code: 'backup-invalid'; file: string; field: string; value: string }
	/** The audit log in the file is not an intact chain: edited by hand or damaged. */
	| { code: 'backup-audit-broken'; file: string; seq: number; reason: string }
	/** An encrypted backup (backup-encryption.ts). */
	| { code: 'backup-passphrase-needed'; file: string }
	| { code: 'backup-wrong-passphrase'; file: string }
	| { code: 'backup-damaged'; file: string; chunk: number }
	| { code: 'backup-truncated'; file: string }
	| { code: 'backup-encryption-unsupported'; file: string; field: string; value: string };

export type BackupParse =
	| {
			ok: true;
			backup: Backup;
			/** The audit log of a file from before the chain (format 1 or 2), for the restore to chain. */
			unchainedAuditLog: UnchainedAuditEntry[];
	  }
	| { ok: false; problem: BackupProblem };

function describe(value: unknown): string {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
	let node = root;
	for (const key of path) {
		if (node === null || typeof node !== 'object') return undefined;
		node = (node as Record<PropertyKey, unknown>)[key];
	}
	return node;
}

/** Parses and validates a backup file's text; nothing is written anywhere. */
export function parseBackup(options: { text: string; file: string }): BackupParse {
	const { text, file } = options;
	if (text.trim() === '') return { ok: false, problem: { code: 'backup-empty', file } };
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		return {
			ok: false,
			problem: { code: 'backup-not-json', file, detail: String((error as Error).message) }
		};
	}
	const marker = valueAt(json, ['format']);
	if (marker !== BACKUP_FORMAT) return { ok: false, problem: { code: 'backup-foreign', file } };
	const version = valueAt(json, ['formatVersion']);
	if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) {
		return { ok: false, problem: { code: 'backup-newer', file, version } };
	}
	if (
		typeof version !== 'number' ||
		!Number.isInteger(version) ||
		version < FIRST_READABLE_VERSION
	) {
		return {
			ok: false,
			problem: { code: 'backup-invalid', file, field: 'formatVersion', value: describe(version) }
		};
	}
	// zod would drop a key it does not know: a table from a newer app that did not raise the
	// version (or a damaged file) is refused, never restored in part.
	const data = valueAt(json, ['data']);
	const table =
		data !== null && typeof data === 'object'
			? Object.keys(data).find((key) => !Object.hasOwn(BackupDataSchema.shape, key))
			: undefined;
	if (table !== undefined) {
		return { ok: false, problem: { code: 'backup-unknown-table', file, table } };
	}
	// Before the chain, audit entries had another shape: read apart, chained by the restore.
	const legacy = version < FIRST_CHAINED_VERSION;
	const legacyLog = legacy ? z.array(UnchainedAuditEntrySchema).default([]) : undefined;
	const logResult = legacyLog?.safeParse(valueAt(json, ['data', 'auditLog']));
	if (logResult && !logResult.success) {
		const issue = logResult.error.issues[0];
		const path = ['data', 'auditLog', ...issue.path];
		return {
			ok: false,
			problem: {
				code: 'backup-invalid',
				file,
				field: path.join('.'),
				value: describe(valueAt(json, path))
			}
		};
	}
	const result = BackupSchema.safeParse({
		...(json as object),
		formatVersion: BACKUP_FORMAT_VERSION,
		...(legacy ? { data: { ...(data as object), auditLog: [] } } : {})
	});
	if (!result.success) {
		const issue = result.error.issues[0];
		return {
			ok: false,
			problem: {
				code: 'backup-invalid',
				file,
				field: issue.path.join('.') || '(root)',
				value: describe(valueAt(json, issue.path))
			}
		};
	}
	return { ok: true, backup: result.data, unchainedAuditLog: logResult?.data ?? [] };
}

/** The file text of a backup: stable key order and indentation, so two exports of the same data are byte-identical apart from `exportedAt`. */
export function serializeBackup(backup: Backup): string {
	return `${JSON.stringify(BackupSchema.parse(backup), null, 2)}\n`;
}

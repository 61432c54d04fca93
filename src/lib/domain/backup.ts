import { z } from 'zod';
import { ReportTablesSchema } from './backup-tables';
import { AggregatorSchema, EnrollmentSchema, ProfileSchema } from './settings';

/**
 * A backup is one JSON file of everything stored but the private signing key,
 * which never leaves the device. `formatVersion` changes only when the file's
 * shape changes; new tables are added as optional keys.
 */
export const BACKUP_FORMAT = 'partner-desk-backup';
export const BACKUP_FORMAT_VERSION = 1;

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
	| { code: 'backup-not-json'; file: string; detail: string }
	| { code: 'backup-foreign'; file: string }
	| { code: 'backup-newer'; file: string; version: number }
	| { code: 'backup-invalid'; file: string; field: string; value: string };

export type BackupParse = { ok: true; backup: Backup } | { ok: false; problem: BackupProblem };

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
	const result = BackupSchema.safeParse(json);
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
	return { ok: true, backup: result.data };
}

/** The file text of a backup: stable key order and indentation, so two exports of the same data are byte-identical apart from `exportedAt`. */
export function serializeBackup(backup: Backup): string {
	return `${JSON.stringify(BackupSchema.parse(backup), null, 2)}\n`;
}

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
	BACKUP_FORMAT_VERSION,
	BackupDataSchema,
	parseBackup,
	serializeBackup,
	type Backup
} from './backup';

/**
 * The shape of each backup format version: the SHA-256 of the JSON Schema of its data. A change
 * to any backed-up table or record changes it. Raise BACKUP_FORMAT_VERSION (backup.ts), then add
 * the new version's fingerprint here; never edit an old one.
 */
const SHAPES: Record<number, string> = {
	// Version 2 is this round's (left-out rows, the partner's words, chain-gap problems); it first
	// ships with them, so its fingerprint is theirs.
	2: 'd728465cd24d9691eb7c0bfb8d9399922efc2bf80270238181f08b6707649cf7',
	// Version 3: the audit log as a hash chain, and review requests (issue 14).
	3: '346373d78a496feb73c0697fb5df4d7cec43a34990a852e90d0082d0c32fc1df',
	// Version 4: program ids from the registry, not a fixed list (issue 11).
	4: '93846e4d4b69c5f9495214b80096219358ccb515341e37279dab9f2a94cbf768',
	// Version 5: the records programs keep (commit contracts, issue 12), and their audit actions.
	5: '09ca84c9629aad38c9b797c2a546a5c247eb28b6c86baef18c48d5b040132f53'
};

function fingerprint(schema: z.ZodType): string {
	const json = JSON.stringify(z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }));
	return createHash('sha256').update(json).digest('hex');
}

const backup: Backup = {
	format: 'partner-desk-backup',
	formatVersion: BACKUP_FORMAT_VERSION,
	exportedAt: '2026-11-12T09:00:00.000Z',
	data: {
		profile: {
			companyName: 'Muster IT-Services GmbH',
			partnerIds: { 'omnissa-sp': 'SP-4711' },
			currency: 'EUR',
			timeZone: 'Europe/Berlin',
			language: 'de'
		},
		enrollments: [{ programId: 'omnissa-sp', enrolledAt: '2026-01-05T08:00:00.000Z' }],
		aggregators: [{ id: 'td-synnex-de', name: 'TD SYNNEX Germany' }],
		reports: [],
		lineChunks: [],
		importPresets: [],
		auditLog: [],
		bundles: [],
		bundleBodies: [],
		chainHeads: [],
		leftOutRows: [],
		reviews: [],
		programRecords: []
	}
};

const unchained = {
	seq: 1,
	at: '2026-11-12T09:00:00.000Z',
	revisionId: '0b9e6a2c-4d1f-4c1e-9a57-3f0e8d1c2b40',
	action: 'imported' as const,
	detail: { file: 'usage-2026-10.de.csv', lines: 3 }
};

describe('parseBackup', () => {
	it('reads back what serializeBackup wrote, byte for byte', () => {
		const text = serializeBackup(backup);
		const parsed = parseBackup({ text, file: 'b.json' });
		expect(parsed).toEqual({ ok: true, backup, unchainedAuditLog: [] });
		expect(parsed.ok && serializeBackup(parsed.backup)).toBe(text);
	});

	it('reads a backup made before reports existed, with empty report tables', () => {
		const { data } = backup;
		const old = {
			...backup,
			data: { profile: data.profile, enrollments: data.enrollments, aggregators: data.aggregators }
		};
		expect(parseBackup({ text: JSON.stringify(old), file: 'old.json' })).toEqual({
			ok: true,
			backup,
			unchainedAuditLog: []
		});
	});

	it('refuses a truncated file', () => {
		const text = serializeBackup(backup).slice(0, 120);
		const parsed = parseBackup({ text, file: 'cut.json' });
		expect(parsed.ok).toBe(false);
		expect(!parsed.ok && parsed.problem.code).toBe('backup-not-json');
	});

	it('refuses an empty file and a foreign JSON file', () => {
		expect(parseBackup({ text: '  \n', file: 'e.json' })).toEqual({
			ok: false,
			problem: { code: 'backup-empty', file: 'e.json' }
		});
		expect(
			parseBackup({ text: '{"name":"my-package","version":"1.0.0"}', file: 'package.json' })
		).toEqual({
			ok: false,
			problem: { code: 'backup-foreign', file: 'package.json' }
		});
		expect(parseBackup({ text: '[1,2,3]', file: 'list.json' })).toMatchObject({
			ok: false,
			problem: { code: 'backup-foreign' }
		});
	});

	it('refuses a backup from a newer format, naming its version', () => {
		const newer = BACKUP_FORMAT_VERSION + 1;
		const text = JSON.stringify({ ...backup, formatVersion: newer });
		expect(parseBackup({ text, file: 'new.json' })).toEqual({
			ok: false,
			problem: { code: 'backup-newer', file: 'new.json', version: newer }
		});
	});

	it('refuses a table it does not know instead of restoring the file without it', () => {
		const text = JSON.stringify({ ...backup, data: { ...backup.data, contracts: [{ id: 'c1' }] } });
		expect(parseBackup({ text, file: 'contracts.json' })).toEqual({
			ok: false,
			problem: { code: 'backup-unknown-table', file: 'contracts.json', table: 'contracts' }
		});
	});

	it("reads a version 1 and a version 2 file as today's format, their log apart to be chained", () => {
		for (const formatVersion of [1, 2]) {
			const { reviews: _none, ...data } = backup.data;
			void _none;
			const text = JSON.stringify({
				...backup,
				formatVersion,
				data: { ...data, auditLog: [unchained] }
			});
			expect(parseBackup({ text, file: 'old.json' }), String(formatVersion)).toEqual({
				ok: true,
				backup,
				unchainedAuditLog: [unchained]
			});
		}
	});

	it('names a damaged entry of an old unchained log', () => {
		const text = JSON.stringify({
			...backup,
			formatVersion: 2,
			data: { ...backup.data, auditLog: [{ ...unchained, action: 'hacked' }] }
		});
		expect(parseBackup({ text, file: 'v2.json' })).toEqual({
			ok: false,
			problem: {
				code: 'backup-invalid',
				file: 'v2.json',
				field: 'data.auditLog.0.action',
				value: '"hacked"'
			}
		});
	});

	it('refuses an unchained log in a format 3 file', () => {
		const text = JSON.stringify({ ...backup, data: { ...backup.data, auditLog: [unchained] } });
		expect(parseBackup({ text, file: 'v3.json' })).toMatchObject({
			ok: false,
			problem: { code: 'backup-invalid', field: 'data.auditLog.0.who' }
		});
	});

	it('refuses a version that is not a whole number from 1', () => {
		for (const formatVersion of [0, 1.5, '2', null]) {
			const text = JSON.stringify({ ...backup, formatVersion });
			expect(parseBackup({ text, file: 'v.json' }), String(formatVersion)).toMatchObject({
				ok: false,
				problem: { code: 'backup-invalid', field: 'formatVersion' }
			});
		}
	});

	it('names the damaged field and its value', () => {
		const damaged = structuredClone(backup) as unknown as {
			data: { aggregators: { id: string }[] };
		};
		damaged.data.aggregators[0].id = 'td synnex!';
		expect(parseBackup({ text: JSON.stringify(damaged), file: 'd.json' })).toEqual({
			ok: false,
			problem: {
				code: 'backup-invalid',
				file: 'd.json',
				field: 'data.aggregators.0.id',
				value: '"td synnex!"'
			}
		});
	});
});

describe('BACKUP_FORMAT_VERSION', () => {
	it('is raised whenever the backed-up data changes shape', () => {
		expect(
			fingerprint(BackupDataSchema),
			`The backed-up data changed shape. Raise BACKUP_FORMAT_VERSION in backup.ts (an older app ` +
				`must refuse the new files) and record the new fingerprint in SHAPES under it.`
		).toBe(SHAPES[BACKUP_FORMAT_VERSION]);
	});
});

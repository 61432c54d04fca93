import { describe, expect, it } from 'vitest';
import { parseBackup, serializeBackup, type Backup } from './backup';

const backup: Backup = {
	format: 'partner-desk-backup',
	formatVersion: 1,
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
		leftOutRows: []
	}
};

describe('parseBackup', () => {
	it('reads back what serializeBackup wrote, byte for byte', () => {
		const text = serializeBackup(backup);
		const parsed = parseBackup({ text, file: 'b.json' });
		expect(parsed).toEqual({ ok: true, backup });
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
			backup
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

	it('refuses a backup from a newer format', () => {
		const text = JSON.stringify({ ...backup, formatVersion: 2 });
		expect(parseBackup({ text, file: 'new.json' })).toEqual({
			ok: false,
			problem: { code: 'backup-newer', file: 'new.json', version: 2 }
		});
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

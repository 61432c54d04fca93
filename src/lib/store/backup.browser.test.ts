import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_FORMAT_VERSION, serializeBackup } from '$lib/domain/backup';
import { collectBytes, isEncryptedBackup } from '$lib/domain/backup-encryption';
import { backupFileBytes, readBackupFile } from '$lib/domain/backup-file';
import { verifyAuditChain } from '$lib/sync/audit-chain';
import { BackupRefused, exportBackup, restoreBackup, wipeAll } from './backup-repo';
import { toDecimal } from '$lib/domain/money';
import { toPeriod } from '$lib/domain/period';
import { BACKED_UP_TABLES, PartnerDeskDatabase } from './db';
import { readGroupTotals, storeImportedReport } from './report-repo';
import { listAggregators, readProfile, saveAggregator, saveSettings } from './settings-repo';
import { testProfile } from '../../../tests/helpers/profile';
import { dropDatabase } from '../../../tests/helpers/store';

let db: PartnerDeskDatabase;

afterEach(() => dropDatabase(db));

const profile = testProfile({ companyName: 'Muster IT-Services GmbH' });

async function filled(): Promise<PartnerDeskDatabase> {
	db = new PartnerDeskDatabase(`backup-test-${crypto.randomUUID()}`);
	await saveSettings(db, {
		profile,
		programs: ['omnissa-sp', 'genesys-appfoundry'],
		now: new Date('2026-01-05T08:00:00Z')
	});
	await saveAggregator(db, { id: 'td-synnex-de', name: 'TD SYNNEX Germany' });
	await saveAggregator(db, { id: 'also-de', name: 'ALSO Deutschland' });
	const line = {
		sid: 'SID-4711-HZN-01',
		description: 'Horizon Universal – Standard',
		customerRef: 'Bäckerei Hüttner KG'
	};
	await storeImportedReport(db, {
		programId: 'omnissa-sp',
		period: toPeriod(2026, 10),
		currency: 'EUR',
		lines: Array.from({ length: 1500 }, (_, i) => ({
			...line,
			line: i + 2,
			quantity: toDecimal('3'),
			unitPrice: toDecimal('12.35'),
			total: toDecimal('37.05')
		})),
		source: {
			fileName: 'usage-2026-10.de.csv',
			digest: 'ab'.repeat(32),
			encoding: 'windows-1252',
			importedAt: '2026-11-12T09:00:00.000Z',
			rowsRead: 1500,
			rowsSkipped: 0
		},
		now: new Date('2026-11-12T09:00:00Z')
	});
	return db;
}

describe('backup in real IndexedDB', () => {
	it('export, wipe, restore, export gives the same file', async () => {
		await filled();
		const at = new Date('2026-11-12T09:00:00Z');
		const [revision] = await db.reports.toArray();
		const totals = await readGroupTotals(db, revision.id);
		expect(totals.byCustomer).toEqual([
			{ key: 'Bäckerei Hüttner KG', lines: 1500, quantity: '4500', amount: '55575.00' }
		]);
		const first = serializeBackup(await exportBackup(db, at));
		await wipeAll(db);
		expect(await readProfile(db)).toBeUndefined();
		expect(await listAggregators(db)).toEqual([]);

		await restoreBackup(db, JSON.parse(first), {
			file: 'partner-desk-backup-2026-11-12.json',
			now: new Date('2026-11-12T10:00:00Z')
		});
		const restored = await exportBackup(db, at);
		// The restore is audited: one entry more, chained onto the head the file had.
		const entry = restored.data.auditLog.pop();
		const firstLog = JSON.parse(first).data.auditLog;
		expect(entry).toMatchObject({
			seq: firstLog.length + 1,
			action: 'restored',
			prev: firstLog.at(-1).hash,
			detail: {
				file: 'partner-desk-backup-2026-11-12.json',
				exportedAt: '2026-11-12T09:00:00.000Z',
				formatVersion: BACKUP_FORMAT_VERSION,
				reports: 1,
				auditEntries: firstLog.length
			}
		});
		const second = serializeBackup(restored);
		expect(second).toBe(first);
		// Totals are not in the file: the restore computed them from the lines again.
		expect(first).not.toContain('byCustomer');
		expect(await readGroupTotals(db, revision.id)).toEqual(totals);
		const data = JSON.parse(second).data;
		// Every backed-up table is in the file (settings as the profile), under today's version:
		// a table added to the store reaches the file, whose shape test then asks for a new version.
		expect(JSON.parse(second).formatVersion).toBe(BACKUP_FORMAT_VERSION);
		expect(Object.keys(data).sort()).toEqual(
			BACKED_UP_TABLES.map((table) => (table === 'settings' ? 'profile' : table)).sort()
		);
		expect(data.reports).toHaveLength(1);
		expect(data.reports[0].totals).toEqual({ quantity: '4500', amount: '55575.00' });
		expect(data.lineChunks.map((chunk: { lines: unknown[] }) => chunk.lines.length)).toEqual([
			1000, 500
		]);
		// Settings saved, two aggregators, the import: each a chained entry.
		expect(data.auditLog.map((e: { action: string }) => e.action)).toEqual([
			'settings-saved',
			'aggregator-saved',
			'aggregator-saved',
			'imported'
		]);
		expect(data.enrollments).toEqual([
			{ programId: 'genesys-appfoundry', enrolledAt: '2026-01-05T08:00:00.000Z' },
			{ programId: 'omnissa-sp', enrolledAt: '2026-01-05T08:00:00.000Z' }
		]);
	});

	it('keeps the stored data whole when a restore write fails', async () => {
		await filled();
		const before = serializeBackup(await exportBackup(db, new Date(0)));
		const backup = await exportBackup(db, new Date(0));
		backup.data.aggregators = [{ id: 'new-agg', name: 'New' }];
		// The disk fills up in the middle of the restore transaction.
		const table = db.aggregators;
		const original = table.bulkPut.bind(table);
		table.bulkPut = (() => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		}) as typeof table.bulkPut;
		await expect(restoreBackup(db, backup)).rejects.toMatchObject({ code: 'storage-full' });
		table.bulkPut = original;
		expect(serializeBackup(await exportBackup(db, new Date(0)))).toBe(before);
	});
});

/** Every record of every backed-up table, in key order: what "untouched" is checked against. */
async function everyRecord(database: PartnerDeskDatabase): Promise<Record<string, unknown[]>> {
	const out: Record<string, unknown[]> = {};
	for (const name of [...BACKED_UP_TABLES, 'groupTotals', 'signingKeys'] as const) {
		out[name] = (await database.table(name).toArray()).map((record) =>
			name === 'signingKeys' ? { ...record, privateKey: undefined } : record
		);
	}
	return out;
}

describe('encrypted backups in real IndexedDB and WebCrypto', () => {
	const passphrase = 'Sommer an der Elbe 2026';

	it('export encrypted, wipe, restore: the same data, the restore audited', async () => {
		await filled();
		const at = new Date('2026-11-12T09:00:00Z');
		const first = await exportBackup(db, at);
		const bytes = await collectBytes(backupFileBytes({ backup: first, passphrase }));
		expect(isEncryptedBackup(bytes)).toBe(true);
		expect(new TextDecoder().decode(bytes)).not.toContain('Muster IT-Services');
		await wipeAll(db);

		expect(await readBackupFile({ bytes, file: 'b.pdbackup' })).toEqual({
			ok: false,
			problem: { code: 'backup-passphrase-needed', file: 'b.pdbackup' }
		});
		const read = await readBackupFile({ bytes, file: 'b.pdbackup', passphrase });
		if (!read.ok) throw new Error(read.problem.code);
		await restoreBackup(db, read.backup, { file: 'b.pdbackup' });
		const again = await exportBackup(db, at);
		expect(again.data.auditLog.pop()).toMatchObject({
			action: 'restored',
			detail: { file: 'b.pdbackup' }
		});
		expect(serializeBackup(again)).toBe(serializeBackup(first));
		const log = await db.auditLog.orderBy('seq').toArray();
		expect(await verifyAuditChain({ entries: log })).toMatchObject({ ok: true, count: log.length });
	});

	it('a wrong passphrase, a cut or a damaged file leaves every record untouched', async () => {
		await filled();
		const before = await everyRecord(db);
		const backup = await exportBackup(db, new Date(0));
		backup.data.aggregators = [{ id: 'other-agg', name: 'Other' }];
		const bytes = await collectBytes(backupFileBytes({ backup, passphrase }));
		const damaged = bytes.slice();
		damaged[damaged.length - 20] ^= 0xff;
		const cases = [
			[bytes, 'Winter an der Elbe 2026', 'backup-wrong-passphrase'],
			[bytes.slice(0, bytes.length - 7), passphrase, 'backup-truncated'],
			[damaged, passphrase, 'backup-damaged']
		] as const;
		for (const [file, words, code] of cases) {
			const read = await readBackupFile({ bytes: file, file: 'x.pdbackup', passphrase: words });
			expect(read.ok ? 'ok' : read.problem.code).toBe(code);
		}
		expect(await everyRecord(db)).toEqual(before);
	});

	it('refuses a backup whose audit log was edited, before writing anything', async () => {
		await filled();
		const before = await everyRecord(db);
		const backup = await exportBackup(db, new Date(0));
		backup.data.auditLog[1] = { ...backup.data.auditLog[1], detail: { aggregator: 'forged' } };
		const refusal = await restoreBackup(db, backup, { file: 'e.json' }).catch((e: unknown) => e);
		expect(refusal).toBeInstanceOf(BackupRefused);
		expect((refusal as BackupRefused).problem).toEqual({
			code: 'backup-audit-broken',
			file: 'e.json',
			seq: 2,
			reason: 'edited'
		});
		expect(await everyRecord(db)).toEqual(before);
	});

	it('restores a backup of each earlier format, its log chained on the way in', async () => {
		await filled();
		const current = await exportBackup(db, new Date('2026-11-12T09:00:00Z'));
		const [report] = current.data.reports;
		const unchained = [
			{
				seq: 1,
				at: '2026-11-12T09:00:00.000Z',
				revisionId: report.id,
				action: 'imported',
				detail: { lines: 1500 }
			}
		];
		for (const formatVersion of [1, 2]) {
			// What that app wrote: no review requests, an unchained log.
			const { reviews: _r, ...data } = current.data;
			void _r;
			const text = JSON.stringify({
				...current,
				formatVersion,
				data: { ...data, auditLog: unchained }
			});
			const read = await readBackupFile({
				bytes: new TextEncoder().encode(text),
				file: `v${formatVersion}.json`
			});
			if (!read.ok) throw new Error(read.problem.code);
			await wipeAll(db);
			await restoreBackup(db, read.backup, {
				unchainedAuditLog: read.unchainedAuditLog,
				file: `v${formatVersion}.json`
			});
			const log = await db.auditLog.orderBy('seq').toArray();
			expect(log.map((e) => [e.seq, e.action, e.who, e.program, e.period, e.migrated])).toEqual([
				[1, 'imported', null, 'omnissa-sp', '2026-10', true],
				[2, 'restored', null, undefined, undefined, undefined]
			]);
			expect(log[1].detail).toMatchObject({
				formatVersion: BACKUP_FORMAT_VERSION,
				file: `v${formatVersion}.json`
			});
			expect(await verifyAuditChain({ entries: log })).toMatchObject({ ok: true, count: 2 });
			expect(await db.reports.toArray()).toEqual(current.data.reports);
			expect(await db.lineChunks.count()).toBe(2);
		}
	});

	it('restores a backup of format 3 and 4: a chained log, no program records', async () => {
		await filled();
		const current = await exportBackup(db, new Date('2026-11-12T09:00:00Z'));
		for (const formatVersion of [3, 4]) {
			// What those apps wrote: every table of today but the records programs keep.
			const { programRecords: _p, ...data } = current.data;
			void _p;
			const text = JSON.stringify({ ...current, formatVersion, data });
			const read = await readBackupFile({
				bytes: new TextEncoder().encode(text),
				file: `v${formatVersion}.json`
			});
			if (!read.ok) throw new Error(read.problem.code);
			await wipeAll(db);
			await restoreBackup(db, read.backup, { file: `v${formatVersion}.json` });
			const log = await db.auditLog.orderBy('seq').toArray();
			// The file's chain as it was, and the restore chained onto it.
			expect(log.slice(0, -1)).toEqual(current.data.auditLog);
			expect(log.at(-1)).toMatchObject({
				action: 'restored',
				prev: current.data.auditLog.at(-1)?.hash
			});
			expect(await verifyAuditChain({ entries: log })).toMatchObject({ ok: true });
			expect(await db.reports.toArray()).toEqual(current.data.reports);
			expect(await db.aggregators.orderBy('id').toArray()).toEqual(current.data.aggregators);
			expect(await db.programRecords.count()).toBe(0);
		}
	});
});

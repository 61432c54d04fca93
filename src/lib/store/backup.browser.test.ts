import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_FORMAT_VERSION, serializeBackup } from '$lib/domain/backup';
import { exportBackup, restoreBackup, wipeAll } from './backup-repo';
import { toDecimal } from '$lib/domain/money';
import { toPeriod } from '$lib/domain/period';
import { BACKED_UP_TABLES, PartnerDeskDatabase } from './db';
import { readGroupTotals, storeImportedReport } from './report-repo';
import { listAggregators, readProfile, saveAggregator, saveSettings } from './settings-repo';

let db: PartnerDeskDatabase;

afterEach(async () => {
	db.close();
	await Dexie.delete(db.name);
});

const profile = {
	companyName: 'Muster IT-Services GmbH',
	partnerIds: { 'omnissa-sp': 'SP-4711' },
	currency: 'EUR',
	timeZone: 'Europe/Berlin',
	language: 'de' as const
};

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
				formatVersion: 3,
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

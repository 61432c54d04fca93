import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { serializeBackup } from '$lib/domain/backup';
import { exportBackup, restoreBackup, wipeAll } from './backup-repo';
import { PartnerDeskDatabase } from './db';
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
	return db;
}

describe('backup in real IndexedDB', () => {
	it('export, wipe, restore, export gives the same file', async () => {
		await filled();
		const at = new Date('2026-11-12T09:00:00Z');
		const first = serializeBackup(await exportBackup(db, at));
		await wipeAll(db);
		expect(await readProfile(db)).toBeUndefined();
		expect(await listAggregators(db)).toEqual([]);

		await restoreBackup(db, JSON.parse(first));
		const second = serializeBackup(await exportBackup(db, at));
		expect(second).toBe(first);
		expect(JSON.parse(second).data.enrollments).toEqual([
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

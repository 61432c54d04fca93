import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
	openCheckedDatabase,
	PartnerDeskDatabase,
	PROFILE_KEY,
	SCHEMA_VERSION,
	SCHEMA_VERSIONS
} from './db';
import { verifyAuditChain } from '$lib/sync/audit-chain';
import { classifyStorageError } from './errors';
import { readLines } from './report-repo';
import { listAggregators, listEnrollments, readProfile } from './settings-repo';

// Real IndexedDB in Chromium: each test uses a database name of its own.
const names: string[] = [];
function freshName(): string {
	const name = `migration-test-${crypto.randomUUID()}`;
	names.push(name);
	return name;
}

afterEach(async () => {
	await Promise.all(names.splice(0).map((name) => Dexie.delete(name)));
});

const v1Profile = {
	key: PROFILE_KEY,
	companyName: 'Muster IT-Services GmbH',
	partnerIds: { 'omnissa-sp': 'SP-4711', 'genesys-appfoundry': 'AF-0815' },
	currency: 'EUR',
	timeZone: 'Europe/Berlin',
	language: 'de',
	programs: ['omnissa-sp', 'genesys-appfoundry']
};
const aggregators = [
	{ id: 'also-de', name: 'ALSO Deutschland' },
	{ id: 'td-synnex-de', name: 'TD SYNNEX Germany' }
];

describe('schema migrations', () => {
	it('upgrades a filled version 1 database to the current version without losing a record', async () => {
		const name = freshName();
		const v1 = new PartnerDeskDatabase(name, { upTo: 1 });
		await v1.table('settings').put(v1Profile);
		await v1.table('aggregators').bulkPut(aggregators);
		expect(v1.verno).toBe(1);
		v1.close();

		const before = Date.now();
		const current = new PartnerDeskDatabase(name);
		await current.open();
		expect(current.verno).toBe(SCHEMA_VERSION);

		const { programs, key, ...profile } = v1Profile;
		expect(key).toBe(PROFILE_KEY);
		expect(await readProfile(current)).toEqual(profile);
		expect(await current.settings.get(PROFILE_KEY)).not.toHaveProperty('programs');
		const enrollments = await listEnrollments(current);
		expect(enrollments.map((e) => e.programId).sort()).toEqual([...programs].sort());
		for (const enrollment of enrollments) {
			expect(Date.parse(enrollment.enrolledAt)).toBeGreaterThanOrEqual(before - 1000);
		}
		expect(await listAggregators(current)).toEqual(aggregators);
		expect(await current.settings.count()).toBe(1);
		current.close();
	});

	it('upgrades a filled version 2 database: settings kept, report tables empty and usable', async () => {
		const name = freshName();
		const v2 = new PartnerDeskDatabase(name, { upTo: 2 });
		const { programs, ...profile } = v1Profile;
		await v2.table('settings').put(profile);
		await v2.table('aggregators').bulkPut(aggregators);
		await v2
			.table('enrollments')
			.bulkPut(
				programs.map((programId) => ({ programId, enrolledAt: '2026-01-05T08:00:00.000Z' }))
			);
		v2.close();

		const current = new PartnerDeskDatabase(name);
		await current.open();
		expect(current.verno).toBe(SCHEMA_VERSION);
		const { key, ...stored } = profile;
		expect(key).toBe(PROFILE_KEY);
		expect(await readProfile(current)).toEqual(stored);
		expect(await listEnrollments(current)).toEqual([
			{ programId: 'genesys-appfoundry', enrolledAt: '2026-01-05T08:00:00.000Z' },
			{ programId: 'omnissa-sp', enrolledAt: '2026-01-05T08:00:00.000Z' }
		]);
		expect(await listAggregators(current)).toEqual(aggregators);
		expect(await current.reports.count()).toBe(0);
		expect(await current.lineChunks.count()).toBe(0);
		current.close();
	});

	it('upgrades a filled version 3 database: every stored report becomes a regular one', async () => {
		const name = freshName();
		const v3 = new PartnerDeskDatabase(name, { upTo: 3 });
		const report = {
			id: '0b7f6c1e-8a53-4d2b-9c6e-2f1d3a4b5c6d',
			programId: 'omnissa-sp',
			period: '2026-10',
			revision: 1,
			supersedes: null,
			state: 'ready',
			currency: 'EUR',
			createdAt: '2026-11-10T08:00:00.000Z',
			updatedAt: '2026-11-12T08:00:00.000Z',
			readyAt: '2026-11-12T08:00:00.000Z',
			lineCount: 1,
			totals: { quantity: '3', amount: '7.50' },
			acknowledgements: {},
			creditReasons: {},
			zeroUsageConfirmed: false
		};
		const line = {
			line: 2,
			sid: 'SID-1',
			description: 'Horizon',
			quantity: '3',
			unitPrice: '2.50',
			total: '7.50'
		};
		const chunk = { revisionId: report.id, index: 0, lines: [line] };
		await v3.table('reports').put(report);
		await v3.table('lineChunks').put(chunk);
		v3.close();

		const current = new PartnerDeskDatabase(name);
		await current.open();
		expect(current.verno).toBe(SCHEMA_VERSION);
		expect(await current.reports.toArray()).toEqual([{ ...report, kind: 'regular' }]);
		expect(await readLines(current, report.id)).toStrictEqual([line]);
		current.close();
	});

	it('upgrades a filled version 4 database: totals gathered per revision, outbox usable', async () => {
		const name = freshName();
		const v4 = new PartnerDeskDatabase(name, { upTo: 4 });
		const report = { id: '3c1d5e7f-2a4b-4c6d-8e9f-0a1b2c3d4e5f', kind: 'regular', state: 'ready' };
		const other = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';
		const total = (key: string, amount: string) => ({ key, lines: 1, quantity: '1', amount });
		await v4.table('reports').put(report);
		await v4.table('aggregators').bulkPut(aggregators);
		await v4.table('sidTotals').bulkPut([
			{ revisionId: report.id, ...total('SID-2', '2.00') },
			{ revisionId: report.id, ...total('SID-1', '1.00') },
			{ revisionId: other, ...total('SID-9', '9.00') }
		]);
		await v4
			.table('customerTotals')
			.bulkPut([{ revisionId: report.id, ...total('Kanzlei', '3.00') }]);
		v4.close();

		const current = new PartnerDeskDatabase(name);
		await current.open();
		expect(current.verno).toBe(SCHEMA_VERSION);
		expect(await current.reports.toArray()).toEqual([report]);
		expect(await current.groupTotals.get(report.id)).toEqual({
			revisionId: report.id,
			bySid: [total('SID-1', '1.00'), total('SID-2', '2.00')],
			byCustomer: [total('Kanzlei', '3.00')]
		});
		expect(await current.groupTotals.get(other)).toEqual({
			revisionId: other,
			bySid: [total('SID-9', '9.00')],
			byCustomer: []
		});
		expect(current.tables.map((table) => table.name)).not.toContain('sidTotals');
		expect(await listAggregators(current)).toEqual(aggregators);
		expect(await current.bundles.count()).toBe(0);
		await current.chainHeads.put({ aggregatorId: 'also-de', seq: 0, bundleId: null, digest: null });
		expect(await current.chainHeads.count()).toBe(1);
		current.close();
	});

	it('upgrades a filled version 6 database: line chunks become columns, every line kept exactly', async () => {
		const name = freshName();
		const v6 = new PartnerDeskDatabase(name, { upTo: 6 });
		const revisionId = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b';
		const full = {
			line: 2,
			sid: 'SID-4711-HZN-01',
			description: 'Horizon Universal',
			quantity: '12',
			unitPrice: '24.90',
			total: '298.80',
			customerRef: 'Kanzlei Weber',
			sku: 'HZN-UNI',
			unit: 'user',
			period: '2026-10',
			contractId: 'C-1',
			currency: 'EUR'
		};
		const bare = {
			line: 3,
			sid: 'SID-1',
			description: '',
			quantity: '-1',
			unitPrice: '0',
			total: '0'
		};
		const later = { ...full, line: 1002, customerRef: '' };
		await v6.table('lineChunks').bulkPut([
			{ revisionId, index: 1, lines: [later] },
			{ revisionId, index: 0, lines: [full, bare] }
		]);
		v6.close();

		const current = new PartnerDeskDatabase(name);
		await current.open();
		expect(current.verno).toBe(SCHEMA_VERSION);
		expect(await readLines(current, revisionId)).toStrictEqual([full, bare, later]);
		const [first] = await current.lineChunks.toArray();
		expect(first).not.toHaveProperty('lines');
		expect(first.columns.customerRef).toEqual({
			values: ['Kanzlei Weber', null],
			codes: Uint32Array.of(0, 1)
		});
		current.close();
	});

	it('upgrades a filled version 7 database: a draft that left rows out stays blocked, nothing else changes', async () => {
		const name = freshName();
		const v7 = new PartnerDeskDatabase(name, { upTo: 7 });
		const report = (id: string, state: string, rowsSkipped: number) => ({
			id,
			programId: 'omnissa-sp',
			period: '2026-10',
			kind: 'regular',
			revision: 1,
			supersedes: null,
			state,
			currency: 'EUR',
			createdAt: '2026-11-12T09:00:00.000Z',
			updatedAt: '2026-11-12T09:00:00.000Z',
			source: {
				fileName: 'usage-2026-10.de.csv',
				digest: 'ab'.repeat(32),
				encoding: 'utf-8',
				importedAt: '2026-11-12T09:00:00.000Z',
				rowsRead: 40,
				rowsSkipped
			},
			lineCount: 40 - rowsSkipped,
			totals: { quantity: '40', amount: '100.00' },
			acknowledgements: {},
			creditReasons: {},
			zeroUsageConfirmed: false
		});
		const partialDraft = report('7a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d', 'draft', 3);
		const wholeDraft = report('8b2c3d4e-5f6a-4b7c-9d8e-9f0a1b2c3d4e', 'draft', 0);
		const delivered = report('9c3d4e5f-6a7b-4c8d-8e9f-0a1b2c3d4e5f', 'delivered', 2);
		await v7.table('reports').bulkPut([partialDraft, wholeDraft, delivered]);
		v7.close();

		const current = new PartnerDeskDatabase(name);
		await current.open();
		expect(current.verno).toBe(SCHEMA_VERSION);
		expect(await current.reports.orderBy('id').toArray()).toEqual([
			partialDraft,
			wholeDraft,
			delivered
		]);
		// The cells are gone; the count keeps the draft from being marked ready until a re-import.
		expect(await current.leftOutRows.toArray()).toEqual([
			{
				revisionId: partialDraft.id,
				fileName: 'usage-2026-10.de.csv',
				header: [],
				columns: {},
				rows: [],
				lostRows: 3
			}
		]);
		current.close();
	});

	it('upgrades a filled version 8 database: the old audit log chained once, in seq order', async () => {
		const name = freshName();
		const v8 = new PartnerDeskDatabase(name, { upTo: 8 });
		const revisionId = '7a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';
		await v8.table('reports').put({ id: revisionId, programId: 'omnissa-sp', period: '2026-10' });
		const old = [
			{ at: '2026-11-12T09:00:00.000Z', revisionId, action: 'imported', detail: { lines: 40 } },
			{ at: '2026-11-12T09:05:00.000Z', revisionId, action: 'acknowledged', detail: { key: 'k' } },
			{ at: '2026-11-12T09:06:00.000Z', revisionId, action: 'marked-ready', detail: {} }
		];
		for (const entry of old) await v8.table('auditLog').add(entry);
		v8.close();

		const current = new PartnerDeskDatabase(name);
		await current.open();
		expect(current.verno).toBe(SCHEMA_VERSION);
		const log = await current.auditLog.orderBy('seq').toArray();
		// Every record kept as it was, plus where it belongs, who (unknown then) and its links.
		expect(log.map((entry) => ({ ...entry, prev: undefined, hash: undefined }))).toEqual(
			old.map((entry, i) => ({
				...entry,
				seq: i + 1,
				who: null,
				program: 'omnissa-sp',
				period: '2026-10',
				migrated: true,
				prev: undefined,
				hash: undefined
			}))
		);
		expect(log[0].prev).toBeNull();
		expect(log[1].prev).toBe(log[0].hash);
		expect(await verifyAuditChain({ entries: log })).toEqual({
			ok: true,
			count: 3,
			head: log[2].hash
		});
		expect(await current.reviews.count()).toBe(0);
		current.close();
	});

	it('upgrades a filled version 9 database: every record kept, program records empty and usable', async () => {
		const name = freshName();
		const v9 = new PartnerDeskDatabase(name, { upTo: 9 });
		await v9.table('aggregators').bulkPut(aggregators);
		const review = { id: 'r-1', status: 'open', dueDate: '2026-12-01' };
		await v9.table('reviews').put(review);
		v9.close();

		const current = new PartnerDeskDatabase(name);
		await current.open();
		expect(current.verno).toBe(SCHEMA_VERSION);
		expect(await current.aggregators.orderBy('id').toArray()).toEqual(
			[...aggregators].sort((a, b) => a.id.localeCompare(b.id))
		);
		expect(await current.reviews.toArray()).toEqual([review]);
		const record = {
			programId: 'omnissa-sp',
			kind: 'contract',
			id: 'SPC-1',
			value: { id: 'SPC-1' },
			updatedAt: '2026-12-01T00:00:00.000Z'
		};
		await current.programRecords.put(record);
		expect(
			await current.programRecords
				.where('[programId+kind]')
				.equals(['omnissa-sp', 'contract'])
				.toArray()
		).toEqual([record]);
		current.close();
	});

	it('upgrades an empty version 1 database', async () => {
		const name = freshName();
		const v1 = new PartnerDeskDatabase(name, { upTo: 1 });
		await v1.open();
		v1.close();
		const current = new PartnerDeskDatabase(name);
		expect(await readProfile(current)).toBeUndefined();
		expect(await listEnrollments(current)).toEqual([]);
		current.close();
	});

	it('refuses a database written by a newer version of the app, and leaves it alone', async () => {
		const name = freshName();
		// Dexie stores version n as IndexedDB version n * 10.
		const future = new Dexie(name);
		future
			.version(SCHEMA_VERSION + 1)
			.stores({ ...SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1].stores, somethingNew: 'id' });
		await future.table('aggregators').put(aggregators[0]);
		future.close();

		const error = await openCheckedDatabase(name).then(
			() => undefined,
			(failure: unknown) => failure
		);
		expect(classifyStorageError(error)?.code).toBe('database-newer');

		const again = new Dexie(name);
		await again.open();
		expect(again.verno).toBe(SCHEMA_VERSION + 1);
		expect(Array.from(again.backendDB().objectStoreNames)).toContain('somethingNew');
		expect(await again.table('aggregators').toArray()).toEqual([aggregators[0]]);
		again.close();
	});
});

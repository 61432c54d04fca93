import { afterEach, describe, expect, it } from 'vitest';
import { contractSchema, type Contract } from '$lib/programs/omnissa-sp/commercial/contract';
import { omnissaSpProgram } from '$lib/programs/omnissa-sp/program';
import { BackupRefused, exportBackup, restoreBackup } from './backup-repo';
import { PartnerDeskDatabase } from './db';
import {
	deleteProgramRecord,
	listProgramRecords,
	RecordRefused,
	saveProgramRecord
} from './program-records-repo';
import { verifyStoredAuditLog } from './audit-log-repo';
import { deleteProgramData } from './data-control-repo';
import { programRecordsSource } from './evidence-source';
import { dropDatabase } from '../../../tests/helpers/store';

let db: PartnerDeskDatabase;

afterEach(() => dropDatabase(db));

function open(): PartnerDeskDatabase {
	db = new PartnerDeskDatabase(`program-records-${crypto.randomUUID()}`);
	return db;
}

const contract = contractSchema.parse({
	id: 'SPC-4711-2026-01',
	aggregator: { id: 'AGG-EXD-DE', name: 'Example Distribution GmbH' },
	startDate: '2026-04-01',
	termMonths: 12,
	currency: 'EUR',
	committedAmountMsrp: '900000.00',
	discountBands: {
		confirmed: false,
		bands: [{ id: 'band-1', minAmountMsrp: '100000.00', discountPercent: '5' }]
	}
});
const save = (value: unknown, replacing?: string) =>
	saveProgramRecord(db, { program: omnissaSpProgram, kind: 'contract', value, replacing });

async function refusal(work: Promise<unknown>): Promise<RecordRefused> {
	const error = await work.then(
		() => undefined,
		(failure: unknown) => failure
	);
	expect(error).toBeInstanceOf(RecordRefused);
	return error as RecordRefused;
}

describe('program records (commit contracts)', () => {
	it('stores a contract and its renewal, lists them, and audits each change', async () => {
		open();
		await save(contract);
		// The renewal starts the month after the old term's last (2027-03).
		const renewal = { ...contract, id: 'SPC-4711-2027-04', startDate: '2027-04-01' };
		await save(renewal);
		expect(await listProgramRecords<Contract>(db, omnissaSpProgram, 'contract')).toEqual([
			contract,
			renewal
		]);
		await deleteProgramRecord(db, { program: omnissaSpProgram, kind: 'contract', id: renewal.id });
		expect(await listProgramRecords(db, omnissaSpProgram, 'contract')).toEqual([contract]);
		const log = await db.auditLog.orderBy('seq').toArray();
		expect(log.map((entry) => [entry.action, entry.program, entry.detail])).toEqual([
			['record-saved', 'omnissa-sp', { kind: 'contract', id: contract.id }],
			['record-saved', 'omnissa-sp', { kind: 'contract', id: renewal.id }],
			['record-deleted', 'omnissa-sp', { kind: 'contract', id: renewal.id }]
		]);
		expect(await verifyStoredAuditLog(db)).toMatchObject({ ok: true, count: 3 });
	});

	it('refuses an overlapping term, a taken id and a bad field, and stores nothing', async () => {
		open();
		await save(contract);
		// Starts 2027-03, the old term's last month: one month of overlap with the same aggregator.
		const overlapping = { ...contract, id: 'SPC-OVERLAP', startDate: '2027-03-01' };
		expect((await refusal(save(overlapping))).problems).toMatchObject([
			{ code: 'contract-term-overlap', field: 'startDate' }
		]);
		expect((await refusal(save({ ...contract }))).problems).toEqual([
			{ code: 'record-id-taken', field: 'id', message: contract.id }
		]);
		expect(
			(await refusal(save({ ...contract, id: 'SPC-BAD', committedAmountMsrp: '9OO000' }))).problems
		).toMatchObject([{ code: 'record-field-invalid', field: 'committedAmountMsrp' }]);
		expect(await listProgramRecords(db, omnissaSpProgram, 'contract')).toEqual([contract]);
		// Another aggregator's contract may run at the same time.
		const other = { ...overlapping, aggregator: { id: 'AGG-2', name: 'Second' } };
		await save(other);
		// Editing a contract is checked against the others, not against itself.
		await save({ ...contract, committedAmountMsrp: '950000.00' }, contract.id);
		expect(
			(await listProgramRecords<Contract>(db, omnissaSpProgram, 'contract')).map((c) => [
				c.id,
				c.committedAmountMsrp
			])
		).toEqual([
			['SPC-4711-2026-01', '950000.00'],
			['SPC-OVERLAP', '900000.00']
		]);
	});

	it('goes into the backup and back; a restore refuses a damaged contract before writing', async () => {
		open();
		await save(contract);
		const backup = await exportBackup(db, new Date('2026-11-12T09:00:00Z'));
		expect(backup.data.programRecords).toMatchObject([
			{ programId: 'omnissa-sp', kind: 'contract', id: contract.id, value: contract }
		]);
		await restoreBackup(db, backup, { file: 'ok.json' });
		expect(await listProgramRecords(db, omnissaSpProgram, 'contract')).toEqual([contract]);

		const damaged = structuredClone(backup);
		(damaged.data.programRecords[0].value as Contract).startDate = 'April';
		const error = await restoreBackup(db, damaged, { file: 'bad.json' }).then(
			() => undefined,
			(failure: unknown) => failure
		);
		expect(error).toBeInstanceOf(BackupRefused);
		expect((error as BackupRefused).problem).toEqual({
			code: 'backup-invalid',
			file: 'bad.json',
			field: 'data.programRecords.0.value.startDate',
			value: 'record-field-invalid'
		});
		// Nothing was written: the contract is still the one stored before.
		expect(await listProgramRecords(db, omnissaSpProgram, 'contract')).toEqual([contract]);
	});

	it("go with their program's data, and only with it", async () => {
		open();
		await save(contract);
		await db.programRecords.put({
			programId: 'genesys-appfoundry',
			kind: 'listing',
			id: 'L-1',
			value: { id: 'L-1' },
			updatedAt: '2026-11-12T09:00:00.000Z'
		});
		await deleteProgramData(db, { programId: 'omnissa-sp' });
		expect(await listProgramRecords(db, omnissaSpProgram, 'contract')).toEqual([]);
		expect((await db.programRecords.toArray()).map((record) => record.id)).toEqual(['L-1']);
		const [deleted] = await db.auditLog.where('action').equals('program-deleted').toArray();
		expect(deleted.before).toMatchObject({ records: 1 });
	});

	it('go into an evidence pack as stored; a program without any says so', async () => {
		open();
		const contracts = programRecordsSource('contracts', 'contract', {
			de: 'Verträge',
			en: 'contracts'
		});
		const scope = {
			programId: 'omnissa-sp',
			periods: ['2026-10'],
			locale: 'en' as const,
			now: new Date()
		};
		const files = async () => {
			const out: { path: string; text: string }[] = [];
			for await (const file of contracts(db, scope)) {
				let text = '';
				for await (const piece of file.content())
					text += typeof piece === 'string' ? piece : new TextDecoder().decode(piece);
				out.push({ path: file.path, text });
			}
			return out;
		};
		expect((await files()).map((file) => file.path)).toEqual(['contracts/NONE-RECORDED.txt']);
		await save(contract);
		const [file, ...rest] = await files();
		expect(rest).toEqual([]);
		expect(file.path).toBe('contracts/contract-records.json');
		expect(JSON.parse(file.text)).toMatchObject([
			{ kind: 'contract', id: contract.id, value: contract }
		]);
	});
});

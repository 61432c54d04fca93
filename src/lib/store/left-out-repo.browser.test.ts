import { afterEach, describe, expect, it } from 'vitest';
import { unresolvedLines } from '$lib/domain/left-out-rows';
import { toPeriod } from '$lib/domain/period';
import { parseUsageCsv } from '$lib/import/import-usage-csv';
import { exportBackup, restoreBackup, wipeAll } from './backup-repo';
import { PartnerDeskDatabase } from './db';
import { correctLeftOutRow, excludeLeftOutRow, leftOutOf, readLeftOutRows } from './left-out-repo';
import { markReady, readAudit, readLines, readRevision, storeImportedReport } from './report-repo';
import { dropDatabase } from '../../../tests/helpers/store';

let db: PartnerDeskDatabase;
afterEach(() => dropDatabase(db));

/** Three good rows, and lines 3 and 5 the importer cannot read. */
const CSV = [
	'SID;Kunde;Menge;Einzelpreis;Gesamt',
	'SID-4711-HZN-01;Alpenblick;35;24,90;871,50',
	'SID-4711-UEM-01;TechnoForm;zwölf;3,12;37,44',
	'SID-4711-ACC-01;Lindenau;210;2,40;504,00',
	';Kunde Z;5;2,40;12,00',
	'SID-4711-ACC-01;Kunde Y;12;2,40;28,80'
].join('\n');
const FIXED = CSV.replace('zwölf', '12').replace(';Kunde Z', 'SID-4711-ACC-02;Kunde Z');

function imported(csv: string, fileName: string, digest: string) {
	const result = parseUsageCsv({ bytes: new TextEncoder().encode(csv), fileName });
	return {
		programId: 'omnissa-sp' as const,
		period: toPeriod(2026, 10),
		currency: 'EUR',
		lines: result.lines,
		totals: result.totals,
		leftOut: leftOutOf({
			fileName,
			header: result.detected.header,
			columns: result.detected.columns,
			numberLocale: result.detected.numberLocale,
			skippedRows: result.skippedRows,
			problems: result.problems
		}),
		source: {
			fileName,
			digest: digest.repeat(64).slice(0, 64),
			encoding: 'utf-8',
			importedAt: '2026-11-12T09:00:00.000Z',
			rowsRead: result.rowsRead,
			rowsSkipped: result.rowsRead - result.lines.length
		},
		now: new Date('2026-11-12T09:00:00Z')
	};
}

async function partialImport() {
	db = new PartnerDeskDatabase(`left-out-${crypto.randomUUID()}`);
	return storeImportedReport(db, imported(CSV, 'usage.de.csv', 'a'));
}

describe('rows left out of an import, in real IndexedDB', () => {
	it('are kept with the revision: line, cells as in the file, and the import problem', async () => {
		const revision = await partialImport();
		expect(revision.lineCount).toBe(3);
		expect(revision.totals.amount).toBe('1404.30');
		const record = await readLeftOutRows(db, revision.id);
		expect(record).toMatchObject({
			revisionId: revision.id,
			fileName: 'usage.de.csv',
			header: ['SID', 'Kunde', 'Menge', 'Einzelpreis', 'Gesamt'],
			numberLocale: 'de',
			lostRows: 0
		});
		expect(record?.rows).toEqual([
			{
				line: 3,
				cells: ['SID-4711-UEM-01', 'TechnoForm', 'zwölf', '3,12', '37,44'],
				problems: [{ code: 'not-a-number', field: 'quantity', column: 'Menge', value: 'zwölf' }]
			},
			{
				line: 5,
				cells: ['', 'Kunde Z', '5', '2,40', '12,00'],
				problems: [{ code: 'missing-value', field: 'sid', column: 'SID', value: '' }]
			}
		]);
		const [entry] = await readAudit(db, revision.id);
		expect(entry).toMatchObject({ action: 'imported', detail: { lines: 3, leftOut: 2 } });
	});

	it('are replaced by those of the new file when a fixed file is imported into the draft', async () => {
		const revision = await partialImport();
		const again = await storeImportedReport(db, {
			...imported(FIXED, 'usage-fixed.de.csv', 'b'),
			replace: revision.id
		});
		expect(again.id).toBe(revision.id);
		expect(again.lineCount).toBe(5);
		expect(await readLeftOutRows(db, revision.id)).toBeUndefined();
		expect(await db.leftOutRows.count()).toBe(0);
	});

	it('are excluded one by one with a reason, audited; a frozen revision refuses', async () => {
		const revision = await partialImport();
		const after = await excludeLeftOutRow(db, {
			revisionId: revision.id,
			line: 5,
			reasonCode: 'not-billable',
			comment: ' Internal test tenant ',
			now: new Date('2026-11-12T10:00:00Z')
		});
		expect(unresolvedLines(after.rows)).toEqual([3]);
		expect((await readLeftOutRows(db, revision.id))?.rows[1].resolution).toEqual({
			kind: 'excluded',
			reasonCode: 'not-billable',
			comment: 'Internal test tenant',
			at: '2026-11-12T10:00:00.000Z'
		});
		const audit = await readAudit(db, revision.id);
		expect(audit.at(-1)).toMatchObject({
			action: 'row-excluded',
			detail: { line: 5, reasonCode: 'not-billable', comment: 'Internal test tenant' }
		});
		await expect(
			excludeLeftOutRow(db, { revisionId: revision.id, line: 3, reasonCode: 'other', comment: '' })
		).rejects.toThrow();
		// Line 3 is still open: the ready gate refuses, whatever the page shows.
		await expect(markReady(db, { revisionId: revision.id })).rejects.toMatchObject({
			code: 'blocking-findings'
		});
		await db.reports.update(revision.id, { state: 'ready', readyAt: '2026-11-12T10:00:00.000Z' });
		await expect(
			excludeLeftOutRow(db, { revisionId: revision.id, line: 3, reasonCode: 'other', comment: 'x' })
		).rejects.toThrow('is not a draft');
		expect(unresolvedLines((await readLeftOutRows(db, revision.id))?.rows ?? [])).toEqual([3]);
	});

	it('become a report line once the corrected cells read as one, in file order, audited', async () => {
		const revision = await partialImport();
		const refused = await correctLeftOutRow(db, {
			revisionId: revision.id,
			line: 3,
			cells: ['SID-4711-UEM-01', 'TechnoForm', 'zwölf', '3,12', '37,44']
		});
		expect(refused).toEqual({
			ok: false,
			problems: [
				{
					code: 'not-a-number',
					file: 'usage.de.csv',
					line: 3,
					field: 'quantity',
					column: 'Menge',
					value: 'zwölf'
				}
			]
		});
		expect((await readRevision(db, revision.id))?.lineCount).toBe(3);

		const cells = ['SID-4711-UEM-01', 'TechnoForm', '12', '3,12', '37,44'];
		const done = await correctLeftOutRow(db, { revisionId: revision.id, line: 3, cells });
		expect(done.ok).toBe(true);
		const stored = await readRevision(db, revision.id);
		expect(stored?.lineCount).toBe(4);
		// 1,404.30 + 12 × 3.12
		expect(stored?.totals).toEqual({ quantity: '269', amount: '1441.74' });
		expect((await readLines(db, revision.id)).map((line) => line.line)).toEqual([2, 3, 4, 6]);
		expect((await readLines(db, revision.id))[1]).toMatchObject({
			sid: 'SID-4711-UEM-01',
			customerRef: 'TechnoForm',
			quantity: '12',
			unitPrice: '3.12',
			total: '37.44'
		});
		const record = await readLeftOutRows(db, revision.id);
		expect(unresolvedLines(record?.rows ?? [])).toEqual([5]);
		expect(record?.rows[0].cells[2]).toBe('zwölf');
		expect((await readAudit(db, revision.id)).at(-1)).toMatchObject({
			action: 'row-corrected',
			detail: {
				line: 3,
				before: JSON.stringify(['SID-4711-UEM-01', 'TechnoForm', 'zwölf', '3,12', '37,44']),
				after: JSON.stringify(cells)
			}
		});
	});

	it('travel in a backup and come back whole on restore', async () => {
		const revision = await partialImport();
		await excludeLeftOutRow(db, {
			revisionId: revision.id,
			line: 5,
			reasonCode: 'not-billable',
			comment: 'Internal test tenant',
			now: new Date('2026-11-12T10:00:00Z')
		});
		const before = await readLeftOutRows(db, revision.id);
		const backup = await exportBackup(db, new Date('2026-11-13T08:00:00Z'));
		expect(backup.data.leftOutRows).toEqual([before]);
		await wipeAll(db);
		expect(await db.leftOutRows.count()).toBe(0);
		await restoreBackup(db, JSON.parse(JSON.stringify(backup)));
		expect(await readLeftOutRows(db, revision.id)).toEqual(before);
		const again = await exportBackup(db, new Date('2026-11-13T08:00:00Z'));
		// The restore is the one entry more in the log, chained onto the restored head.
		expect(again.data.auditLog.pop()).toMatchObject({
			action: 'restored',
			prev: backup.data.auditLog.at(-1)?.hash
		});
		expect(again).toEqual(backup);
	});
});

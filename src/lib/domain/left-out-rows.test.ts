import { describe, expect, it } from 'vitest';
import {
	excludedRowsOf,
	LeftOutRowsSchema,
	resolveRow,
	unresolvedLines,
	type LeftOutRow
} from './left-out-rows';

const at = '2026-11-12T09:00:00.000Z';
const rows: LeftOutRow[] = [
	{
		line: 21,
		cells: ['SID-4711-ACC-01', 'Kunde Y', '12', '2.40', '28,80'],
		problems: [{ code: 'number-format-mismatch', field: 'unitPrice', value: '2.40' }]
	},
	{
		line: 17,
		cells: ['SID-4711-UEM-01', 'TechnoForm', 'zwölf', '3,12', '37,44'],
		problems: [{ code: 'not-a-number', field: 'quantity', column: 'Menge', value: 'zwölf' }]
	},
	{ line: 18, cells: ['', 'Lindenau', '210', '2,40', '504,00'], problems: [] }
];

describe('left-out rows', () => {
	it('are unresolved until corrected or excluded, listed in file order', () => {
		expect(unresolvedLines(rows)).toEqual([17, 18, 21]);
		const excluded = resolveRow(rows, 17, {
			kind: 'excluded',
			reasonCode: 'not-billable',
			comment: ' Internal test tenant ',
			at
		});
		const corrected = resolveRow(excluded, 21, {
			kind: 'corrected',
			cells: ['SID-4711-ACC-01', 'Kunde Y', '12', '2,40', '28,80'],
			at
		});
		expect(unresolvedLines(corrected)).toEqual([18]);
		// The input is left as it was.
		expect(unresolvedLines(rows)).toEqual([17, 18, 21]);
	});

	it('give the bundle each excluded row with its reason and its cells as the file had them', () => {
		let next = resolveRow(rows, 21, {
			kind: 'excluded',
			reasonCode: 'reported-elsewhere',
			comment: 'In the adjustment for October',
			at
		});
		next = resolveRow(next, 17, {
			kind: 'excluded',
			reasonCode: 'not-billable',
			comment: 'Internal test tenant',
			at
		});
		next = resolveRow(next, 18, { kind: 'corrected', cells: ['SID-4711-ACC-01'], at });
		expect(excludedRowsOf(next)).toEqual([
			{
				line: 17,
				reason: 'not-billable: Internal test tenant',
				cells: ['SID-4711-UEM-01', 'TechnoForm', 'zwölf', '3,12', '37,44']
			},
			{
				line: 21,
				reason: 'reported-elsewhere: In the adjustment for October',
				cells: ['SID-4711-ACC-01', 'Kunde Y', '12', '2.40', '28,80']
			}
		]);
	});

	it('refuse an exclusion without words, and a second decision about the same row', () => {
		expect(() =>
			resolveRow(rows, 17, { kind: 'excluded', reasonCode: 'other', comment: '   ', at })
		).toThrow();
		const once = resolveRow(rows, 17, { kind: 'excluded', reasonCode: 'other', comment: 'x', at });
		expect(() => resolveRow(once, 17, { kind: 'corrected', cells: [], at })).toThrow(
			'line 17 is already excluded'
		);
		expect(() => resolveRow(rows, 19, { kind: 'corrected', cells: [], at })).toThrow(
			'line 19 is not a left-out row'
		);
	});

	it('are read back from stored or backed-up data only when whole', () => {
		const record = {
			revisionId: '0b0f5a52-3b1d-4a55-9d55-1f6d2b0c8e11',
			fileName: 'bad-rows.de.csv',
			header: ['SID', 'Kunde', 'Menge', 'Einzelpreis', 'Gesamt'],
			columns: { sid: 0, customerRef: 1, quantity: 2, unitPrice: 3, total: 4 },
			numberLocale: 'de',
			rows
		};
		expect(LeftOutRowsSchema.safeParse(record).success).toBe(true);
		const broken = LeftOutRowsSchema.safeParse({ ...record, rows: [{ line: 0, cells: [] }] });
		expect(broken.success).toBe(false);
		expect(broken.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
			'rows.0.line',
			'rows.0.problems'
		]);
	});
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseUsageCsv } from './import-usage-csv';

const file = fileURLToPath(
	new URL('../../../tests/fixtures/import/bad-rows.de.csv', import.meta.url)
);

describe('the rows an import could not read', () => {
	it('keeps each one with its line and its cells exactly as the file has them', () => {
		const result = parseUsageCsv({
			bytes: new Uint8Array(readFileSync(file)),
			fileName: 'bad-rows.de.csv'
		});
		expect(result.skippedRows.map((row) => row.line)).toEqual([17, 18, 20, 21, 22, 23, 25]);
		expect(result.skippedRows.length).toBe(result.rowsRead - result.lines.length);
		expect(result.skippedRows[0].cells).toEqual([
			'SID-4711-UEM-01',
			'TechnoForm Kunststoffe GmbH & Co. KG',
			'Workspace ONE UEM Essentials',
			'zwölf',
			'3,12',
			'37,44',
			'EUR'
		]);
		// A row with a column too many keeps it: the partner sees what the file said.
		expect(result.skippedRows[5].cells).toHaveLength(8);
		// Every skipped row has a problem on its line; kept lines (19, 24) are not skipped.
		const problemLines = new Set(result.problems.map((problem) => problem.line));
		for (const row of result.skippedRows) expect(problemLines.has(row.line)).toBe(true);
	});

	it('has none for a clean file', () => {
		const csv = 'SID;Menge;Einzelpreis;Gesamt\nSID-4711-HZN-01;2;1,50;3,00\n';
		const result = parseUsageCsv({ bytes: new TextEncoder().encode(csv), fileName: 'ok.csv' });
		expect(result.lines).toHaveLength(1);
		expect(result.skippedRows).toEqual([]);
	});
});

import { describe, expect, it } from 'vitest';
import { readCsvRecords, type CsvRecord } from './read-csv-records';

function read(text: string, delimiter: ';' | ',' = ';', newline: '\n' | '\r' = '\n'): CsvRecord[] {
	return [...readCsvRecords({ text, delimiter, newline })].flat();
}

describe('readCsvRecords', () => {
	it('numbers records by physical line across quoted line breaks, CRLF and blank lines', () => {
		const text = [
			'SID;Kunde;Produkt',
			'SID-1;"Kanzlei; Markt";"Desktop\n(Standard)"',
			'',
			'SID-2;Nordlicht;"drei\r\nZeilen\rhier"',
			';;',
			'SID-3;"Stadtwerke ""Brunnental""";x',
			''
		].join('\r\n');
		expect(read(text)).toEqual([
			{ line: 1, cells: ['SID', 'Kunde', 'Produkt'] },
			{ line: 2, cells: ['SID-1', 'Kanzlei; Markt', 'Desktop\n(Standard)'] },
			{ line: 5, cells: ['SID-2', 'Nordlicht', 'drei\r\nZeilen\rhier'] },
			{ line: 9, cells: ['SID-3', 'Stadtwerke "Brunnental"', 'x'] }
		]);
	});

	it('reads a file without a final line end and one that mixes CRLF and LF', () => {
		expect(read('a;b\r\nc;d\ne;f')).toEqual([
			{ line: 1, cells: ['a', 'b'] },
			{ line: 2, cells: ['c', 'd'] },
			{ line: 3, cells: ['e', 'f'] }
		]);
	});

	it('reads classic Mac line ends', () => {
		expect(read('a;b\rc;"d\re"\rf;g\r', ';', '\r')).toEqual([
			{ line: 1, cells: ['a', 'b'] },
			{ line: 2, cells: ['c', 'd\re'] },
			{ line: 4, cells: ['f', 'g'] }
		]);
	});

	it('keeps line numbers right across slice boundaries of a big file', () => {
		const rows = ['SID,Text'];
		const expected: number[] = [];
		let line = 2;
		for (let i = 0; i < 60_000; i++) {
			expected.push(line);
			const multi = i % 7 === 0;
			rows.push(multi ? `SID-${i},"eins\ntwo, drei"` : `SID-${i},plain ${i}`);
			line += multi ? 2 : 1;
		}
		const text = rows.join('\n') + '\n';
		expect(text.length).toBeGreaterThan(2 * 512 * 1024);
		const batches = [...readCsvRecords({ text, delimiter: ',', newline: '\n' })];
		expect(batches.length).toBeGreaterThan(2);
		const records = batches.flat().slice(1);
		expect(records.map((record) => record.line)).toEqual(expected);
		expect(records[7]).toEqual({ line: expected[7], cells: ['SID-7', 'eins\ntwo, drei'] });
	});

	it('marks unbalanced quotes and reads on to the end', () => {
		const big = 'SID,Menge\n' + 'SID-1,"offen\n' + 'SID-2,2\n'.repeat(80_000);
		const records = [...readCsvRecords({ text: big, delimiter: ',', newline: '\n' })].flat();
		expect(records.length).toBe(2);
		expect(records[1]).toMatchObject({ line: 2, malformed: true });
	});

	it('starts after a skipped first line with its line number', () => {
		const records = [
			...readCsvRecords({
				text: 'sep=;\nSID;Menge\n',
				delimiter: ';',
				newline: '\n',
				offset: 6,
				firstLine: 2
			})
		].flat();
		expect(records).toEqual([{ line: 2, cells: ['SID', 'Menge'] }]);
	});
});

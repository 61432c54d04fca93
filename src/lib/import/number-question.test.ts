import { describe, expect, it } from 'vitest';
import { parseUsageCsv } from './import-usage-csv';
import { createMappingPreset } from './mapping-preset';

const bytesOf = (rows: string[]) => new TextEncoder().encode(rows.join('\r\n'));
const importRows = (rows: string[], options: Partial<Parameters<typeof parseUsageCsv>[0]> = {}) =>
	parseUsageCsv({ bytes: bytesOf(rows), fileName: 'usage.csv', ...options });

describe('the number-format question', () => {
	it('asks when 1.480 quantities stand next to 3.12 prices, showing the rows read both ways', () => {
		const rows = [
			'SID;Menge;Einzelpreis;Gesamt',
			'SID-4711-HZN-01;1.480;3.12;4617.60',
			'SID-4711-HZN-02;2.350;3.12;7332.00',
			'SID-4711-HZN-03;18;3.12;56.16'
		];
		const result = importRows(rows);
		expect(result.detected.numberLocale).toBe('en');
		expect(result.detected.numberQuestion).toEqual({
			guess: 'en',
			rows: 2,
			samples: [
				{
					line: 2,
					cells: [
						{ field: 'quantity', text: '1.480', de: '1480', en: '1.480' },
						{ field: 'unitPrice', text: '3.12', en: '3.12' },
						{ field: 'total', text: '4617.60', en: '4617.60' }
					]
				},
				{
					line: 3,
					cells: [
						{ field: 'quantity', text: '2.350', de: '2350', en: '2.350' },
						{ field: 'unitPrice', text: '3.12', en: '3.12' },
						{ field: 'total', text: '7332.00', en: '7332.00' }
					]
				}
			]
		});
	});

	it('asks for a German file without a total column: nothing but the format tells 1.480', () => {
		const rows = ['SID;Menge;Einzelpreis', 'SID-4711-HZN-01;1.480;3,12', 'SID-4711-HZN-02;6;3,12'];
		const result = importRows(rows);
		expect(result.detected.numberQuestion).toMatchObject({ guess: 'de', rows: 1 });
		// The answer, stated in the mapping, reads the quantity as 1480 and asks no more.
		const answered = importRows(rows, { mapping: { fields: {}, numberLocale: 'de' } });
		expect(answered.detected.numberQuestion).toBeUndefined();
		expect(answered.lines.map((line) => [line.quantity, line.total])).toEqual([
			['1480', '4617.60'],
			['6', '18.72']
		]);
	});

	it('remembers the answer in the mapping preset for the same header', () => {
		const rows = ['SID;Menge;Einzelpreis', 'SID-4711-HZN-01;1.480;3,12'];
		const preset = createMappingPreset({
			source: 'omnissa-commerce-portal',
			header: ['SID', 'Menge', 'Einzelpreis'],
			mapping: { fields: {}, numberLocale: 'de' }
		});
		const result = importRows(rows, { presets: [preset] });
		expect(result.detected.numberQuestion).toBeUndefined();
		expect(result.lines[0].quantity).toBe('1480');
	});

	it('asks with no guess when no cell tells the format', () => {
		const rows = ['SID;Menge;Einzelpreis;Gesamt', 'SID-4711-HZN-02;1;1.285;1.285'];
		expect(importRows(rows).detected.numberQuestion).toEqual({
			rows: 1,
			samples: [
				{
					line: 2,
					cells: [
						{ field: 'quantity', text: '1', de: '1', en: '1' },
						{ field: 'unitPrice', text: '1.285', de: '1285', en: '1.285' },
						{ field: 'total', text: '1.285', de: '1285', en: '1.285' }
					]
				}
			]
		});
	});

	it('does not ask when the line totals settle each ambiguous row (the October export)', () => {
		const rows = [
			'SID;Menge;Einzelpreis;Gesamt',
			'SID-4711-HZN-01;1.480;24,90;36.852,00',
			'SID-4711-HZN-02;140;11,20;1.568,00'
		];
		const result = importRows(rows);
		expect(result.detected.numberQuestion).toBeUndefined();
		expect(result.lines[0].quantity).toBe('1480');
	});

	it('does not ask when the column itself shows its format (2.5 next to 1.480)', () => {
		const rows = [
			'SID,Quantity,Unit Price',
			'SID-4711-HZN-01,2.5,3.12',
			'SID-4711-HZN-02,1.480,3.12'
		];
		const result = importRows(rows);
		expect(result.detected.numberQuestion).toBeUndefined();
		expect(result.lines[1].quantity).toBe('1.480');
	});

	it('counts every unsettled row but shows only the first five', () => {
		const rows = [
			'SID;Menge;Einzelpreis',
			...Array.from({ length: 12 }, (_, i) => `SID-4711-HZN-01;${i + 1}.480;3,12`)
		];
		const question = importRows(rows).detected.numberQuestion;
		expect(question?.rows).toBe(12);
		expect(question?.samples.map((sample) => sample.line)).toEqual([2, 3, 4, 5, 6]);
	});
});

describe('the number-format question in a file whose totals settle the format', () => {
	it('does not ask about a broken row (a total a cent off) in a column the other rows settled', () => {
		const rows = [
			'SID;Menge;Einzelpreis;Gesamt',
			'SID-4711-HZN-01;1.480;24,90;36.852,00',
			'SID-4711-HZN-02;2.350;3,12;7.332,01',
			'SID-4711-HZN-03;1.200;n/a;3.744,00'
		];
		const result = importRows(rows);
		expect(result.detected.numberQuestion).toBeUndefined();
		expect(result.lines.map((line) => line.quantity)).toEqual(['1480', '2350']);
	});

	it("asks when other rows' totals back the other reading of the column", () => {
		const rows = [
			'SID;Menge;Einzelpreis;Gesamt',
			'SID-4711-HZN-01;1.480;3.12;4617.60',
			'SID-4711-HZN-02;2.500;2.00;5.00'
		];
		// 1.480 × 3.12 holds only as 1480; 2.500 × 2.00 = 5.00 only as 2.5: no single reading.
		// Line 3 is settled by its own total; line 2 is asked about.
		const question = importRows(rows).detected.numberQuestion;
		expect(question).toMatchObject({ guess: 'en', rows: 1 });
		expect(question?.samples.map((sample) => sample.line)).toEqual([2]);
	});
});

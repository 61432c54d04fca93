import { describe, expect, it } from 'vitest';
import { createRowContext, validateUsageRow } from './validate-usage-row';

const header = ['SID', 'Menge', 'Einzelpreis', 'Gesamt', 'Notiz'];
const context = createRowContext({
	file: 'f.csv',
	header,
	columns: { sid: 0, quantity: 1, unitPrice: 2, total: 3 },
	numberLocale: 'de'
});
const validate = (cells: string[]) => validateUsageRow({ record: { line: 7, cells }, context });

describe('validateUsageRow', () => {
	it('builds a line from trimmed cells', () => {
		expect(validate([' SID-4711-HZN-01 ', ' 3 ', '0,125', '0,38', 'x'])).toEqual({
			line: {
				line: 7,
				sid: 'SID-4711-HZN-01',
				description: '',
				quantity: '3',
				unitPrice: '0.125',
				total: '0.38'
			},
			// Parsed once here; the importer adds them up without reading the strings again.
			quantity: { units: 3, scale: 0 },
			total: { units: 38, scale: 2 },
			problems: []
		});
	});

	it('keeps a line whose total is not quantity x unit price, as written', () => {
		const { line, problems } = validate(['SID-4711-HZN-01', '3', '0,125', '0,39', '']);
		expect(line?.total).toBe('0.39');
		expect(problems).toEqual([
			{
				code: 'line-total-mismatch',
				file: 'f.csv',
				line: 7,
				field: 'total',
				column: 'Gesamt',
				value: '0,39',
				expected: '0.38'
			}
		]);
	});

	it('compares the total with the product rounded half-even, not the unrounded product', () => {
		// 1301 × 0.125 = 162.625: 162,62 is right; 162,63 (half-up) is the rules' warning at most.
		expect(validate(['SID-4711-HZN-01', '1.301', '0,125', '162,62', '']).problems).toEqual([]);
		expect(validate(['SID-4711-HZN-01', '1.301', '0,125', '162,63', '']).problems).toEqual([]);
		expect(validate(['SID-4711-HZN-01', '1.301', '0,125', '162,625', '']).problems).toEqual([
			expect.objectContaining({ code: 'line-total-mismatch', expected: '162.62' })
		]);
	});

	it('tolerates empty padding cells and short rows that end after the mapped columns', () => {
		expect(validate(['SID-4711-HZN-01', '1', '1,00', '1,00', '', '', '']).problems).toEqual([]);
		expect(validate(['SID-4711-HZN-01', '1', '1,00', '1,00']).problems).toEqual([]);
	});

	it('refuses rows whose cells have shifted', () => {
		expect(validate(['SID-4711-HZN-01', '1', '1,00']).problems).toEqual([
			{ code: 'column-count-mismatch', file: 'f.csv', line: 7, value: '3', expected: '5' }
		]);
	});

	it('takes the currency from the amounts when the file has no currency column', () => {
		expect(validate(['SID-4711-HZN-01', '2', '1,50 €', '3,00 €', '']).line?.currency).toBe('EUR');
	});
});

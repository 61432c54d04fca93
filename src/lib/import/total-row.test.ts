import { describe, expect, it } from 'vitest';
import { toDecimal } from '../domain/money';
import { checkTotalRow, findTotalRowLabel } from './total-row';

const columns = { sid: 0, customerRef: 1, quantity: 2, total: 3 };
const label = (cells: string[]) => findTotalRowLabel({ record: { line: 9, cells }, columns });

describe('findTotalRowLabel', () => {
	it('knows Summe, Total, Gesamt and Sum in the SID cell or the first non-empty cell', () => {
		expect(label(['Summe', '', '1.654', '5.280,60'])).toBe('Summe');
		expect(label(['', 'Total:', '', '1025.00'])).toBe('Total:');
		expect(label(['', '', 'GESAMT', ''])).toBe('GESAMT');
		expect(label(['sum', '', '', '1'])).toBe('sum');
	});

	it('leaves a line with a SID alone, even for a customer named Total', () => {
		expect(label(['SID-4711-HZN-01', 'Total', '3', '9,00'])).toBeUndefined();
		expect(label(['SID-4711-HZN-01', 'Nordlicht', '3', '9,00'])).toBeUndefined();
		expect(label(['', 'Totalreparatur GmbH', '3', '9,00'])).toBeUndefined();
	});
});

describe('findTotalRowLabel with the customer column before the SID column', () => {
	const customerFirst = { customerRef: 0, sid: 1, quantity: 2, total: 3 };
	const labelOf = (cells: string[]) =>
		findTotalRowLabel({ record: { line: 9, cells }, columns: customerFirst });

	it('recognises the total row by the label in the customer cell', () => {
		expect(labelOf(['Summe', '', '1.654', '5.280,60'])).toBe('Summe');
		expect(labelOf(['Total', '', '', '1025.00'])).toBe('Total');
	});

	it('keeps a customer named Total on a SID as a line', () => {
		expect(labelOf(['Total', 'SID-4711-HZN-01', '3', '9,00'])).toBeUndefined();
		expect(labelOf(['Total', 'HZN-DAAS-NU', '3', '9,00'])).toBeUndefined();
	});
});

describe('checkTotalRow', () => {
	const sums = { quantity: toDecimal('1654'), amount: toDecimal('5280.6') };
	const check = (cells: string[]) =>
		checkTotalRow({
			record: { line: 9, cells },
			label: 'Summe',
			file: 'f.csv',
			header: ['SID', 'Kunde', 'Menge', 'Gesamt'],
			columns,
			numberLocale: 'de',
			sums
		});

	it('accepts a total row that matches the lines', () => {
		expect(check(['Summe', '', '1.654', '5.280,60'])).toEqual({
			totalRow: { line: 9, label: 'Summe', amount: '5280.60', quantity: '1654' },
			problems: []
		});
	});

	it('accepts a total row without a quantity', () => {
		expect(check(['Summe', '', '', '5.280,60']).problems).toEqual([]);
	});

	it('reports each figure that differs, with both numbers', () => {
		expect(check(['Summe', '', '1.650', '5.280,00']).problems).toEqual([
			{
				code: 'total-row-mismatch',
				file: 'f.csv',
				line: 9,
				field: 'total',
				column: 'Gesamt',
				value: '5.280,00',
				expected: '5280.6'
			},
			{
				code: 'total-row-mismatch',
				file: 'f.csv',
				line: 9,
				field: 'quantity',
				column: 'Menge',
				value: '1.650',
				expected: '1654'
			}
		]);
	});

	it('names the number format when the total row is written in the other one', () => {
		expect(check(['Summe', '', '', '5280.60']).problems).toEqual([
			{
				code: 'number-format-mismatch',
				file: 'f.csv',
				line: 9,
				field: 'total',
				column: 'Gesamt',
				value: '5280.60',
				numberLocale: 'de'
			}
		]);
	});
});

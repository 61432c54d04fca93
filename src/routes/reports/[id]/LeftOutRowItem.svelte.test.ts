import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '$lib/i18n/i18n.svelte';
import type { LeftOutRow } from '$lib/domain/left-out-rows';
import type { ImportProblem } from '$lib/import/import-problem';
import LeftOutRowItem from './LeftOutRowItem.svelte';

const header = ['SID', 'Kunde', 'Menge', 'Einzelpreis', 'Gesamt'];
const columns = { sid: 0, customerRef: 1, quantity: 2, unitPrice: 3, total: 4 };
const row: LeftOutRow = {
	line: 17,
	cells: ['SID-4711-UEM-01', 'TechnoForm', 'zwölf', '3,12', '37,44'],
	problems: [{ code: 'not-a-number', field: 'quantity', column: 'Menge', value: 'zwölf' }]
};
const reasons = [
	{ code: 'not-billable', label: { en: 'Not billable', de: 'Nicht abrechenbar' } },
	{ code: 'other', label: { en: 'Other', de: 'Sonstiges' } }
];

afterEach(() => {
	i18n.language = 'en';
});

function renderRow(changes: Partial<{ row: LeftOutRow; editable: boolean }> = {}) {
	const onExclude = vi.fn(async () => {});
	const onCorrect = vi.fn(async (): Promise<ImportProblem[]> => []);
	render(LeftOutRowItem, {
		row,
		fileName: 'usage.de.csv',
		header,
		columns,
		editable: true,
		reasons,
		onExclude,
		onCorrect,
		...changes
	});
	return {
		onExclude,
		onCorrect,
		item: screen.getByRole('listitem', { name: /^(Line|Zeile) 17$/ })
	};
}

describe('a left-out row on the report page', () => {
	it('shows its line, the import problem and its cells under the file’s column names', () => {
		const { item } = renderRow();
		expect(item).toHaveTextContent("usage.de.csv, line 17, Menge: 'zwölf' is not a number");
		const cells = within(item).getByRole('table', { name: 'Cells of line 17' });
		expect(
			within(cells)
				.getAllByRole('columnheader')
				.map((cell) => cell.textContent)
		).toEqual(header);
		expect(
			within(cells)
				.getAllByRole('cell')
				.map((cell) => cell.textContent)
		).toEqual(row.cells);
	});

	it('is left out only with a reason and words, which are passed on trimmed', async () => {
		const { onExclude, item } = renderRow();
		const submit = within(item).getByRole('button', { name: 'Leave this row out' });
		expect(submit).toBeDisabled();
		await fireEvent.change(within(item).getByLabelText('Reason'), {
			target: { value: 'not-billable' }
		});
		expect(submit).toBeDisabled();
		await fireEvent.input(within(item).getByLabelText('Why (sent to the aggregator)'), {
			target: { value: '  Internal test tenant ' }
		});
		expect(submit).toBeEnabled();
		await fireEvent.click(submit);
		expect(onExclude).toHaveBeenCalledWith('not-billable', 'Internal test tenant');
	});

	it('marks only the cell a correction problem names', async () => {
		const { onCorrect, item } = renderRow();
		onCorrect.mockResolvedValueOnce([
			{
				code: 'not-a-number',
				file: 'usage.de.csv',
				line: 17,
				field: 'quantity',
				column: 'Menge',
				value: '12 Stk'
			}
		]);
		await fireEvent.input(within(item).getByLabelText('Menge'), { target: { value: ' 12 Stk ' } });
		await fireEvent.click(within(item).getByRole('button', { name: 'Save as a report line' }));
		expect(onCorrect).toHaveBeenCalledWith([
			'SID-4711-UEM-01',
			'TechnoForm',
			'12 Stk',
			'3,12',
			'37,44'
		]);
		const alert = await within(item).findByRole('alert');
		expect(alert).toHaveTextContent("usage.de.csv, line 17, Menge: '12 Stk' is not a number");
		expect(within(item).getByLabelText('Menge')).toHaveAttribute('aria-invalid', 'true');
		expect(within(item).getByLabelText('SID')).not.toHaveAttribute('aria-invalid');
	});

	it('shows the decision once made, in German too, and offers no form on a frozen report', () => {
		i18n.language = 'de';
		renderRow({
			row: {
				...row,
				resolution: {
					kind: 'excluded',
					reasonCode: 'not-billable',
					comment: 'Interner Testmandant',
					at: '2026-11-12T10:00:00.000Z'
				}
			},
			editable: false
		});
		const item = screen.getByRole('listitem', { name: 'Zeile 17' });
		expect(item).toHaveTextContent('Ausgelassen: Nicht abrechenbar – Interner Testmandant');
		expect(within(item).queryByRole('button')).toBeNull();
	});
});

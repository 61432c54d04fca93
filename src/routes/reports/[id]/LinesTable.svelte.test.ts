import type { UsageLine } from '$lib/domain/usage-line';
import {
	cleanup,
	configure,
	fireEvent,
	render,
	screen,
	waitFor,
	within
} from '@testing-library/svelte';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { toDecimal } from '$lib/domain/money';
import { toPeriod } from '$lib/domain/period';
import { database } from '$lib/store/db';
import { storeImportedReport } from '$lib/store/report-repo';
import { wipeAll } from '$lib/store/backup-repo';
import LinesTable from './LinesTable.svelte';

/** 1,300 lines on file lines 2, 5, 8, …, quantity = position + 1. */
const lines: UsageLine[] = Array.from({ length: 1300 }, (_, i) => ({
	line: 2 + 3 * i,
	sid: 'SID-4711-HZN-01',
	description: 'Horizon Standard',
	customerRef: `Kunde ${i}`,
	quantity: toDecimal(String(i + 1)),
	unitPrice: toDecimal('1234.5'),
	total: toDecimal((1234.5 * (i + 1)).toFixed(2))
}));
let revisionId = '';

// Waiting for a state, not a time: the limits are only there so a broken page fails at all, and
// the machine is shared (fake IndexedDB in jsdom is slow under load).
configure({ asyncUtilTimeout: 20_000 });

beforeAll(async () => {
	const revision = await storeImportedReport(await database(), {
		programId: 'omnissa-sp',
		period: toPeriod(2026, 10),
		currency: 'EUR',
		lines
	});
	revisionId = revision.id;
});
afterEach(() => cleanup());
afterAll(async () => wipeAll(await database()));

function renderTable() {
	return render(LinesTable, {
		revisionId,
		lineCount: lines.length,
		currency: 'EUR',
		version: 'v1'
	});
}

/** The cells of the table's rows, as text. */
function shownRows(): string[][] {
	const body = screen.getAllByRole('rowgroup')[1];
	return within(body)
		.queryAllByRole('row')
		.map((row) =>
			within(row)
				.getAllByRole('cell')
				.map((cell) => cell.textContent ?? '')
		);
}

/** The file line numbers in the table's rows. */
function shownLines(): string[] {
	return shownRows().map((cells) => cells[0]);
}

describe('LinesTable', { timeout: 60_000 }, () => {
	it('shows 100 lines a page, with the count, and turns to the next and the last page', async () => {
		renderTable();
		await waitFor(() => expect(shownLines()).toHaveLength(100));
		expect(screen.getByText('Lines 1–100 of 1,300')).toBeInTheDocument();
		expect(shownLines()[0]).toBe('2');
		expect(shownLines()[99]).toBe('299');
		// Locale-formatted, with the currency.
		expect(shownRows()[99]).toEqual([
			'299',
			'SID-4711-HZN-01',
			// The product also under the customer, for a tablet, where its column is hidden.
			'Kunde 99Horizon Standard',
			'Horizon Standard',
			'100',
			'€1,234.50',
			'€123,450.00'
		]);

		await fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
		await waitFor(() => expect(shownLines()[0]).toBe('302'));
		expect(screen.getByText('Lines 101–200 of 1,300')).toBeInTheDocument();
		expect(shownLines()).toEqual(lines.slice(100, 200).map((line) => String(line.line)));

		await fireEvent.click(screen.getByRole('button', { name: 'Last page' }));
		await waitFor(() => expect(shownLines()[0]).toBe(String(lines[1200].line)));
		expect(shownLines()).toHaveLength(100);
		expect(screen.getByText('Lines 1,201–1,300 of 1,300')).toBeInTheDocument();
		expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
	});

	it('jumps to the page that holds a line and marks its row; names a line it does not have', async () => {
		renderTable();
		await waitFor(() => expect(shownLines()).toHaveLength(100));
		// Line 3,704 is at position 1,234: page 13 holds positions 1,200 to 1,299.
		await fireEvent.input(screen.getByLabelText('Go to line'), { target: { value: '3704' } });
		await fireEvent.click(screen.getByRole('button', { name: 'Show' }));
		await waitFor(() => expect(screen.getByText('Lines 1,201–1,300 of 1,300')).toBeInTheDocument());
		await waitFor(() => expect(shownLines()[0]).toBe('3602'));
		const marked = screen.getAllByRole('row').filter((row) => row.getAttribute('aria-current'));
		expect(marked.map((row) => within(row).getAllByRole('cell')[0].textContent)).toEqual(['3704']);
		expect(within(marked[0]).getByText('1,235')).toBeInTheDocument();

		// Line 3 was left out of the import: there is no such line.
		await fireEvent.input(screen.getByLabelText('Go to line'), { target: { value: '3' } });
		await fireEvent.click(screen.getByRole('button', { name: 'Show' }));
		expect(await screen.findByRole('alert')).toHaveTextContent('Line 3 is not in this report.');
		expect(screen.getByText('Lines 1,201–1,300 of 1,300')).toBeInTheDocument();
	});
});

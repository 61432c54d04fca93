import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toDecimal } from '../../../domain/money';
import type { Period } from '../../../domain/period';
import { parseLocaleNumber } from '../../../import/locale-number';
import { readCsvRecords } from '../../../import/read-csv-records';
import { parseContract } from './contract';
import {
	bookingLedger,
	classifyTransactions,
	decide,
	markRenewal,
	toCandidates,
	type Transaction,
	type UsageKeyLine
} from './booking-points';

const FIXTURES = fileURLToPath(new URL('../../../../../tests/fixtures/omnissa/', import.meta.url));

/** A fixture month through the shared CSV reader (same column order in both files). */
function month(name: string, delimiter: ',' | ';', locale: 'de' | 'en'): UsageKeyLine[] {
	const text = readFileSync(FIXTURES + name, 'utf8').replace(/^\uFEFF/, '');
	const [, ...rows] = [...readCsvRecords({ text, delimiter, newline: '\n' })].flat();
	const num = (t: string) => {
		const r = parseLocaleNumber({ text: t, locale });
		if (!r.ok) throw new Error(t);
		return r.value;
	};
	return rows.map(({ cells }) => ({
		sid: cells[1],
		customer: cells[2],
		sku: cells[4],
		quantity: num(cells[6]),
		unitPriceMsrp: num(cells[7]),
		contractId: cells[10].trim()
	}));
}

const contract = (() => {
	const r = parseContract(JSON.parse(readFileSync(FIXTURES + 'commit-contract.json', 'utf8')));
	if (!r.ok) throw new Error('fixture');
	return r.contract;
})();

const transactions = classifyTransactions({
	period: '2026-10' as Period,
	previous: month('usage-2026-09.en.csv', ',', 'en'),
	current: month('usage-2026-10.de.csv', ';', 'de')
});

describe('booking points on the fixture months (October against September)', () => {
	it('classifies the ten changes of the fixture README', () => {
		// new: Alpenblick ACC 64 x 2.40 = 153.60, HZN-STD 35 x 24.90 = 871.50, UEM-ESS 120 x 3.12 = 374.40
		// expansion: TechnoForm HZN-STD 140 -> 185, +45 x 24.90 = 1,120.50
		// reductions: Bäckerei gone -18 x 11.20 = -201.60; Nordlicht PUB 140 - 6 = 134, -67.20;
		// Nordlicht INT -12 x 1.86 = -22.32, ESS -12 x 3.12 = -37.44; Stadtwerke ACC -4 x 2.40 = -9.60;
		// Lindenau HZN-STD -4 x 24.90 = -99.60
		expect(transactions.map((t) => [t.customer.slice(0, 10), t.sku, t.kind, t.amountMsrp])).toEqual(
			[
				['Alpenblick', 'OSP-ACC-USR', 'new', '153.60'],
				['Alpenblick', 'OSP-HZN-STD-CCU', 'new', '871.50'],
				['Alpenblick', 'OSP-UEM-ESS-DEV', 'new', '374.40'],
				['Bäckerei H', 'OSP-APP-PUB-CCU', 'reduction', '-201.60'],
				['Nordlicht ', 'OSP-APP-PUB-CCU', 'reduction', '-67.20'],
				['Nordlicht ', 'OSP-INT-DEV', 'reduction', '-22.32'],
				['Nordlicht ', 'OSP-UEM-ESS-DEV', 'reduction', '-37.44'],
				['Stadtwerke', 'OSP-ACC-USR', 'reduction', '-9.60'],
				['TechnoForm', 'OSP-HZN-STD-CCU', 'expansion', '1120.50'],
				['Verbandsge', 'OSP-HZN-STD-CCU', 'reduction', '-99.60']
			]
		);
	});

	it('the ledger counts new and expansion inside the term: 153.60 + 871.50 + 374.40 + 1,120.50 = 2,520.00', () => {
		const [ledger] = bookingLedger({
			candidates: toCandidates(transactions),
			contracts: [contract]
		});
		expect(ledger.contractId).toBe('SPC-4711-2026-01');
		expect(ledger.counted).toBe('2520.00');
		expect(ledger.entries.filter((e) => !e.counted)).toHaveLength(6);
	});
});

describe('not counted, with the reason', () => {
	const base: Transaction = {
		key: 'k',
		period: '2026-10' as Period,
		customer: 'C',
		sid: 'S',
		sku: 'K',
		kind: 'new',
		quantityDelta: toDecimal('10'),
		amountMsrp: toDecimal('100.00'),
		contractId: 'SPC-4711-2026-01'
	};
	it('outside the term, without a contract, a renewal, a reduction, a rejected one', () => {
		// term 2026-04..2027-03: 2027-04 is outside. Only the expansion in term counts: 100.00 points.
		let candidates = toCandidates([
			{ ...base, key: 'out', period: '2027-04' as Period },
			{ ...base, key: 'none', contractId: undefined },
			{ ...base, key: 'ren', kind: 'expansion' },
			{ ...base, key: 'red', kind: 'reduction', amountMsrp: toDecimal('-50.00') },
			{ ...base, key: 'rej' },
			{ ...base, key: 'ok', kind: 'expansion' }
		]);
		candidates = markRenewal(candidates, 'ren');
		candidates = decide(candidates, 'rej', 'rejected');
		const entries = bookingLedger({ candidates, contracts: [contract] }).flatMap((m) => m.entries);
		expect(entries.map((e) => [e.key, e.counted ? 'counted' : e.reason, e.points])).toEqual([
			['none', 'no-contract', '0.00'],
			['ren', 'renewal', '0.00'],
			['red', 'reduction', '0.00'],
			['rej', 'rejected', '0.00'],
			['ok', 'counted', '100.00'],
			['out', 'outside-term', '0.00']
		]);
	});
});

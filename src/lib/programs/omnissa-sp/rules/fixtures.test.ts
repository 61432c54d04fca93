import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sum, toDecimal } from '$lib/domain/money';
import { toPeriod } from '$lib/domain/period';
import { checkReport } from './engine';
import type { UsageLineFacts } from '$lib/domain/report-facts';
import { reportFacts, shape, testPack } from '../../../../../tests/helpers/rules';

// The sample data (tests/fixtures/SAMPLE-DATA.md), copied from the shared fixtures.
const root = fileURLToPath(new URL('../../../../../tests/fixtures/', import.meta.url));
const read = (name: string) => readFileSync(`${root}/${name}`, 'utf8');

/**
 * Test-only CSV reader, just enough for the two usage files: BOM, LF or CRLF, one delimiter,
 * RFC 4180 quotes without embedded line breaks. The real importer lives in src/lib/import.
 */
function readUsageCsv(text: string, delimiter: ',' | ';'): UsageLineFacts[] {
	const rows = text
		.replace(/^\uFEFF/, '')
		.split(/\r?\n/)
		.filter((row) => row !== '');
	const german = delimiter === ';';
	// "1.480" is 1480 and "1.285,00" is 1285.00 in the German file.
	const number = (cell: string) => (german ? cell.replaceAll('.', '').replace(',', '.') : cell);
	return rows.slice(1).map((row, index) => {
		const cells: string[] = [];
		let cell = '';
		let quoted = false;
		for (let i = 0; i < row.length; i++) {
			const char = row[i];
			if (quoted && char === '"' && row[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (char === '"') {
				quoted = !quoted;
			} else if (char === delimiter && !quoted) {
				cells.push(cell);
				cell = '';
			} else {
				cell += char;
			}
		}
		cells.push(cell);
		const [, sid, customerRef, description, sku, , quantity, unitPrice, total, currency] = cells;
		return {
			line: index + 2,
			sid,
			customerRef,
			description,
			sku,
			quantity: number(quantity),
			unitPrice: number(unitPrice),
			total: number(total),
			currency
		};
	});
}

const expected = JSON.parse(read('expected.json')).omnissa;
const september = readUsageCsv(read('omnissa/usage-2026-09.en.csv'), ',');
const october = readUsageCsv(read('omnissa/usage-2026-10.de.csv'), ';');
const octoberFacts = reportFacts({
	period: toPeriod(2026, 10),
	lines: october,
	previous: { period: toPeriod(2026, 9), lines: september },
	now: new Date('2026-11-12T10:00:00Z')
});

describe('the fixture reports', () => {
	it('are read correctly by the test reader (rows and totals from expected.json)', () => {
		const total = (lines: UsageLineFacts[]) => sum(lines.map((line) => toDecimal(line.total)));
		expect([september.length, total(september)]).toEqual([43, '75138.1']);
		expect([october.length, total(october)]).toEqual([46, '77220.34']);
		expect(expected['usage-2026-09.en.csv'].total).toBe('75138.10');
		expect(expected['usage-2026-10.de.csv'].total).toBe('77220.34');
	});

	it('September alone: no blocking finding, no warning, and every SID and customer new', () => {
		const findings = checkReport({
			facts: reportFacts({
				period: toPeriod(2026, 9),
				lines: september,
				now: new Date('2026-10-12T10:00:00Z')
			}),
			pack: testPack()
		});
		expect(findings.filter((finding) => finding.severity !== 'info')).toEqual([]);
		expect(findings.filter((finding) => finding.ruleId === 'new-sid')).toHaveLength(6);
		expect(findings.filter((finding) => finding.ruleId === 'new-customer')).toHaveLength(8);
		expect(findings).toHaveLength(14);
	});

	it('October vs September: exactly the planted findings, with the default pack', () => {
		const findings = checkReport({ facts: octoberFacts, pack: testPack() });
		expect(findings.map(shape)).toEqual([
			{
				ruleId: 'negative-quantity-without-credit-reason',
				severity: 'blocking',
				subject: {
					kind: 'line',
					line: 6,
					sid: 'SID-4711-HZN-01',
					customerRef: 'Nordlicht Logistik AG'
				},
				numbers: { quantity: '-6' }
			},
			{
				ruleId: 'quantity-change',
				severity: 'warning',
				subject: {
					kind: 'sid',
					sid: 'SID-4711-HZN-01',
					customerRef: 'TechnoForm Kunststoffe GmbH & Co. KG',
					sku: 'OSP-HZN-STD-CCU',
					line: 9
				},
				numbers: { previous: '140', current: '185', changePercent: '32.14', threshold: '25' }
			},
			{
				ruleId: 'sid-dropped',
				severity: 'warning',
				subject: { kind: 'sid', sid: 'SID-4711-HZN-01', customerRef: 'Bäckerei Hüttner KG' },
				numbers: { previousLines: '1', previousTotal: '201.60', currency: 'EUR' }
			},
			{
				ruleId: 'new-customer',
				severity: 'info',
				subject: { kind: 'customer', customerRef: 'Alpenblick Hotelgruppe GmbH', line: 2 },
				numbers: { lines: '3', total: '1399.50', currency: 'EUR' }
			}
		]);
	});

	it('October vs September: findings match expected.json for the planted stories', () => {
		const findings = checkReport({ facts: octoberFacts, pack: testPack() });
		const of = (ruleId: string) => findings.filter((finding) => finding.ruleId === ruleId);
		const story = expected.octoberVsSeptember;
		expect(of('new-customer').map((finding) => finding.subject.customerRef)).toEqual(
			story.newCustomers
		);
		expect(of('new-sid')).toEqual([]);
		expect(
			of('sid-dropped').map((finding) => ({
				customer: finding.subject.customerRef,
				sid: finding.subject.sid
			}))
		).toEqual(story.customerSidPairsGone);
		const creditLines = of('negative-quantity-without-credit-reason').map((finding) => {
			const line = october.find((candidate) => candidate.line === finding.subject.line);
			return {
				customer: line?.customerRef,
				sid: line?.sid,
				sku: line?.sku,
				quantity: line?.quantity,
				total: line?.total
			};
		});
		expect(creditLines).toEqual(story.creditLines);
		expect(of('line-total-mismatch')).toEqual([]);
		expect(of('duplicate-line')).toEqual([]);
	});

	it.each([
		['50', 0],
		['25', 1],
		['4.25', 2],
		['4', 3],
		['1', 5],
		['0.95', 6]
	] as const)(
		'quantity-change with threshold %s flags exactly the %i fixture table rows beyond it',
		(threshold, count) => {
			type Change = {
				customer: string;
				sid: string;
				sku: string;
				kind: string;
				september: string;
				october: string;
				delta: string;
				deltaPercent: string;
			};
			const beyond = (change: Change) => {
				// Exact: |delta| × 100 > threshold × september, on integers scaled by 100.
				const [whole, fraction = ''] = threshold.split('.');
				const thresholdHundredths = BigInt(whole + fraction.padEnd(2, '0'));
				const magnitude = BigInt(change.delta.replace('-', '')) * 100n * 100n;
				return magnitude > thresholdHundredths * BigInt(change.september);
			};
			const expectedChanges = (expected.octoberVsSeptember.quantityChanges as Change[])
				.filter(
					(change) => (change.kind === 'increase' || change.kind === 'decrease') && beyond(change)
				)
				.map((change) => [change.customer, change.sid, change.sku, change.deltaPercent]);
			const findings = checkReport({
				facts: octoberFacts,
				pack: testPack({ quantityChangeThresholdPercent: threshold })
			}).filter((finding) => finding.ruleId === 'quantity-change');
			const actual = findings.map((finding) => [
				finding.subject.customerRef,
				finding.subject.sid,
				finding.subject.sku,
				finding.numbers.changePercent
			]);
			expect(actual.sort()).toEqual(expectedChanges.sort());
			expect(actual).toHaveLength(count);
		}
	);

	it('October with the credit reason entered: no blocking finding left', () => {
		const facts = { ...octoberFacts, creditReasons: { 6: 'Six users cancelled' } };
		const findings = checkReport({ facts, pack: testPack() });
		expect(findings.filter((finding) => finding.severity === 'blocking')).toEqual([]);
	});
});

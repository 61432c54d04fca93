import { describe, expect, it } from 'vitest';
import { toPeriod } from '$lib/domain/period';
import {
	findingsOf,
	reportFacts,
	shape,
	testPack,
	usageLine
} from '../../../../../tests/helpers/rules';

describe('empty-report and zero-usage-confirmed', () => {
	it('blocks a report without lines unless zero usage is confirmed', () => {
		const empty = findingsOf(['empty-report', 'zero-usage-confirmed'], reportFacts({ lines: [] }));
		expect(empty.map(shape)).toEqual([
			{
				ruleId: 'empty-report',
				severity: 'blocking',
				subject: { kind: 'report' },
				numbers: { period: '2026-10', lines: '0' }
			}
		]);
		expect(empty[0].message).toEqual({
			de: 'Der Bericht für Oktober 2026 enthält keine Nutzung (0 Zeilen).',
			en: 'The report for October 2026 has no usage (0 lines).'
		});
		const confirmed = findingsOf(
			['empty-report', 'zero-usage-confirmed'],
			reportFacts({ lines: [], zeroUsageConfirmed: true })
		);
		expect(confirmed.map(shape)).toEqual([
			{
				ruleId: 'zero-usage-confirmed',
				severity: 'info',
				subject: { kind: 'report' },
				numbers: { period: '2026-10', lines: '0' }
			}
		]);
	});

	it('counts lines of quantity 0 as no usage, and any other line as usage', () => {
		const zero = reportFacts({ lines: [usageLine({ quantity: '0.00', total: '0.00' })] });
		expect(findingsOf(['empty-report'], zero).map((finding) => finding.numbers.lines)).toEqual([
			'1'
		]);
		expect(findingsOf(['empty-report'], reportFacts())).toEqual([]);
	});

	it('does not call a report of credits only (negative quantities) empty', () => {
		const credits = reportFacts({
			lines: [usageLine({ quantity: '-6', total: '-149.40' })],
			creditReasons: { 2: 'cancelled' }
		});
		expect(findingsOf(['empty-report', 'zero-usage-confirmed'], credits)).toEqual([]);
	});
});

describe('previous-period-gap', () => {
	it('notes a comparison with a report older than last month', () => {
		const facts = reportFacts({ previous: { period: toPeriod(2026, 8), lines: [usageLine()] } });
		expect(findingsOf(['previous-period-gap'], facts).map(shape)).toEqual([
			{
				ruleId: 'previous-period-gap',
				severity: 'info',
				subject: { kind: 'report' },
				numbers: { previousPeriod: '2026-08', expectedPeriod: '2026-09' }
			}
		]);
		const adjacent = reportFacts({ previous: { period: toPeriod(2026, 9), lines: [usageLine()] } });
		expect(findingsOf(['previous-period-gap'], adjacent)).toEqual([]);
	});
});

describe('pack-not-valid-for-period', () => {
	it('warns for a period the pack does not cover, on either side', () => {
		const before = reportFacts({ period: toPeriod(2025, 6) });
		expect(findingsOf(['pack-not-valid-for-period'], before).map(shape)).toEqual([
			{
				ruleId: 'pack-not-valid-for-period',
				severity: 'warning',
				subject: { kind: 'report' },
				numbers: { period: '2025-06', validFrom: '2025-07-04' }
			}
		]);
		// July 2025 overlaps a pack valid from 4 July.
		expect(
			findingsOf(['pack-not-valid-for-period'], reportFacts({ period: toPeriod(2025, 7) }))
		).toEqual([]);

		const ended = { ...testPack(), validTo: '2026-09-30' };
		const [finding] = findingsOf(['pack-not-valid-for-period'], reportFacts(), ended);
		expect(finding.numbers).toEqual({
			period: '2026-10',
			validFrom: '2025-07-04',
			validTo: '2026-09-30'
		});
		expect(finding.message.de).toBe(
			'Das Programmpaket gilt ab 04.07.2025 bis 30.09.2026; der Zeitraum Oktober 2026 liegt außerhalb.'
		);
	});

	it('does not let a pack whose validity ends inside the period cover it', () => {
		const endsMidMonth = { ...testPack(), validTo: '2026-10-15' };
		const findings = findingsOf(['pack-not-valid-for-period'], reportFacts(), endsMidMonth);
		expect(findings.map(shape)).toEqual([
			{
				ruleId: 'pack-not-valid-for-period',
				severity: 'warning',
				subject: { kind: 'report' },
				numbers: { period: '2026-10', validFrom: '2025-07-04', validTo: '2026-10-15' }
			}
		]);
		const endsOnLastDay = { ...testPack(), validTo: '2026-10-31' };
		expect(findingsOf(['pack-not-valid-for-period'], reportFacts(), endsOnLastDay)).toEqual([]);
	});
});

describe('totals-computed', () => {
	it('says when the totals were computed because the file had no total column', () => {
		const lines = [usageLine(), usageLine({ line: 3 })];
		const findings = findingsOf(['totals-computed'], reportFacts({ lines, totalsComputed: true }));
		expect(findings.map(shape)).toEqual([
			{
				ruleId: 'totals-computed',
				severity: 'info',
				subject: { kind: 'report' },
				numbers: { lines: '2' }
			}
		]);
		expect(findings[0].message.en).toBe(
			'The file had no total column: the totals of 2 lines were computed as quantity × unit price, rounded half-even to 2 decimals.'
		);
		expect(findingsOf(['totals-computed'], reportFacts({ lines }))).toEqual([]);
	});
});

import { describe, expect, it } from 'vitest';
import { checkReport } from '../programs/omnissa-sp/rules/engine';
import { groupFindings } from './finding-groups';
import type { UsageLineFacts } from '$lib/domain/report-facts';
import { reportFacts, testPack, usageLine } from '../../../tests/helpers/rules';

/** `count` lines; every 3rd total is a cent off, every 5th line is a doubled row of the one before. */
function month(count: number) {
	const lines: UsageLineFacts[] = [];
	for (let i = 0; i < count; i++) {
		const line = 2 + i;
		if (i % 5 === 4) lines.push(usageLine({ ...lines[i - 1], line }));
		else
			lines.push(
				usageLine({
					line,
					customerRef: `Kunde ${i}`,
					total: i % 3 === 0 ? '3486.01' : '3486.00'
				})
			);
	}
	return lines;
}

describe('groupFindings', () => {
	it('counts the findings of each rule, blocking groups first, each in file order', () => {
		const findings = checkReport({ facts: reportFacts({ lines: month(3000) }), pack: testPack() });
		const groups = groupFindings(findings);
		const counts = groups.map((group) => [
			group.severity,
			group.ruleId,
			group.subject,
			group.count
		]);
		// Every 3rd line is a cent off (800 of them; a doubled row copies its neighbour instead,
		// which is off for 200 more), every 5th is doubled (600), and each of the 2,400 customers
		// and the one SID are new (no last month to compare with).
		expect(counts).toEqual([
			['blocking', 'line-total-mismatch', 'line', 1000],
			['warning', 'duplicate-line', 'line', 600],
			['info', 'new-sid', 'sid', 1],
			['info', 'new-customer', 'customer', 2400]
		]);
		expect(groups.reduce((sum, group) => sum + group.count, 0)).toBe(findings.length);
		const lines = groups[0].findings.map((finding) => finding.subject.line);
		expect(lines.slice(0, 4)).toEqual([2, 5, 6, 8]);
		expect(lines).toEqual([...lines].sort((a, b) => (a ?? 0) - (b ?? 0)));
		expect(groups[0].key).toBe('blocking|line-total-mismatch');
	});

	it('has no group for a report without findings', () => {
		expect(groupFindings([])).toEqual([]);
	});
});

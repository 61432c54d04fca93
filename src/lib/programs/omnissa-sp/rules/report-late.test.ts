import { describe, expect, it } from 'vitest';
import { findingsOf, PACK_REF, reportFacts, testPack } from '../../../../../tests/helpers/rules';

const rule = 'report-late' as const;

describe('report-late', () => {
	it('is quiet for a draft inside the review window and for a report in by the 15th', () => {
		expect(findingsOf([rule], reportFacts())).toEqual([]);
		// 23:59:59 on 15 November in Berlin.
		const onTime = reportFacts({ submittedAt: new Date('2026-11-15T22:59:59Z') });
		expect(findingsOf([rule], onTime)).toEqual([]);
	});

	it('warns for a report submitted at the first instant after the due day', () => {
		const submittedAt = new Date('2026-11-15T23:00:00Z');
		const findings = findingsOf([rule], reportFacts({ submittedAt }));
		expect(findings).toEqual([
			{
				ruleId: rule,
				severity: 'warning',
				subject: { kind: 'report' },
				numbers: {
					dueDate: '2026-11-15',
					dueAt: '2026-11-15T23:00:00.000Z',
					submittedAt: '2026-11-15T23:00:00.000Z',
					daysLate: '1'
				},
				message: {
					de: 'Der Bericht wurde 1 Tag nach dem Fälligkeitstag 15.11.2026 übermittelt.',
					en: 'The report was submitted 1 day after the due date 15 November 2026.'
				},
				fixHint: {
					de: 'Bestätigen Sie die Verspätung mit einem Grund; Ihr Solution Aggregator kann danach fragen.',
					en: 'Acknowledge the delay with a reason; your aggregator may ask about it.'
				},
				pack: PACK_REF
			}
		]);
	});

	it('warns for a draft past the due day, counting calendar days in the partner zone', () => {
		const now = new Date('2026-11-18T09:00:00Z');
		const [finding] = findingsOf([rule], reportFacts({ now }));
		expect(finding.numbers).toEqual({
			dueDate: '2026-11-15',
			dueAt: '2026-11-15T23:00:00.000Z',
			now: '2026-11-18T09:00:00.000Z',
			daysLate: '3'
		});
		expect(finding.message).toEqual({
			de: 'Der Bericht war bis 15.11.2026 fällig und ist seit 3 Tagen überfällig.',
			en: 'The report was due by 15 November 2026 and is 3 days overdue.'
		});
	});

	it('follows the weekend policy: under next-business-day the Sunday due day moves to Monday', () => {
		const pack = testPack({ weekendHolidayPolicy: 'next-business-day' });
		const monday = reportFacts({ submittedAt: new Date('2026-11-16T10:00:00Z') });
		expect(findingsOf([rule], monday, pack)).toEqual([]);
		const tuesday = reportFacts({ submittedAt: new Date('2026-11-17T10:00:00Z') });
		expect(findingsOf([rule], tuesday, pack).map((finding) => finding.numbers.dueDate)).toEqual([
			'2026-11-16'
		]);
	});
});

import { describe, expect, it } from 'vitest';
import { findingsOf, reportFacts, shape } from '../../../../../tests/helpers/rules';
import { checkReport } from './engine';
import { summarizeReview } from '$lib/rules/review-summary';
import { testPack } from '../../../../../tests/helpers/rules';

describe('rows-left-out', () => {
	it('blocks the report while rows of the file are neither corrected nor excluded', () => {
		const findings = findingsOf(['rows-left-out'], reportFacts({ leftOutLines: [17, 18, 21] }));
		expect(findings.map(shape)).toEqual([
			{
				ruleId: 'rows-left-out',
				severity: 'blocking',
				subject: { kind: 'report' },
				numbers: { count: '3', lines: '17, 18, 21', more: '0' }
			}
		]);
		expect(findings[0].message).toEqual({
			en: '3 rows of the file are not in this report (line 17, 18, 21).',
			de: '3 Zeilen der Datei sind nicht in diesem Bericht (Zeile 17, 18, 21).'
		});
		const review = summarizeReview({
			findings: checkReport({
				facts: reportFacts({ leftOutLines: [17] }),
				pack: testPack()
			}),
			acknowledged: {}
		});
		expect(review.canMarkReady).toBe(false);
	});

	it('names the first ten lines and counts the rest', () => {
		const lines = Array.from({ length: 12 }, (_, index) => index + 2);
		const [finding] = findingsOf(['rows-left-out'], reportFacts({ leftOutLines: lines }));
		expect(finding.message.en).toBe(
			'12 rows of the file are not in this report (line 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 2 more).'
		);
		expect(finding.message.de).toBe(
			'12 Zeilen der Datei sind nicht in diesem Bericht (Zeile 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 und 2 weitere).'
		);
	});

	it('counts rows left out before the app kept them, which only a re-import brings back', () => {
		const [finding] = findingsOf(
			['rows-left-out'],
			reportFacts({ leftOutLines: [9], leftOutLost: 2 })
		);
		expect(finding.message.en).toBe(
			'3 rows of the file are not in this report (line 9 and 2 more).'
		);
		const [lost] = findingsOf(['rows-left-out'], reportFacts({ leftOutLost: 1 }));
		expect(lost.message).toEqual({
			en: '1 row of the file is not in this report.',
			de: '1 Zeile der Datei ist nicht in diesem Bericht.'
		});
	});

	it('is silent when every left-out row is dealt with, and the report can be marked ready', () => {
		expect(findingsOf(['rows-left-out'], reportFacts({ leftOutLines: [] }))).toEqual([]);
		expect(findingsOf(['rows-left-out'], reportFacts())).toEqual([]);
		const review = summarizeReview({
			findings: checkReport({ facts: reportFacts({ leftOutLines: [] }), pack: testPack() }),
			acknowledged: {}
		});
		expect(review.blocking).toBe(0);
	});
});

import { describe, expect, it } from 'vitest';
import { findingsOf, reportFacts, shape, testPack, usageLine } from './test-helpers';

describe('sid-missing and sid-malformed', () => {
	it('accepts the shape of the fixture SIDs', () => {
		const lines = ['SID-4711-HZN-01', 'SID-4711-UEM-02', 'SID-47110-ACC-01'].map((sid, index) =>
			usageLine({ line: index + 2, sid })
		);
		expect(findingsOf(['sid-missing', 'sid-malformed'], reportFacts({ lines }))).toEqual([]);
	});

	it('blocks an empty SID and a SID of another shape, naming the pattern', () => {
		const lines = [
			usageLine({ line: 2, sid: '' }),
			usageLine({ line: 3, sid: '   ' }),
			usageLine({ line: 4, sid: ' SID-4711-HZN-01' }),
			usageLine({ line: 5, sid: 'sid-4711-hzn-01' }),
			usageLine({ line: 6, sid: 'SID-4711-HZN-01-extra' })
		];
		const findings = findingsOf(['sid-missing', 'sid-malformed'], reportFacts({ lines }));
		const customerRef = 'TechnoForm Kunststoffe GmbH & Co. KG';
		const pattern = 'SID-[0-9]{4,}-[A-Z]{3}-[0-9]{2}';
		expect(findings.map(shape)).toEqual([
			{
				ruleId: 'sid-missing',
				severity: 'blocking',
				subject: { kind: 'line', line: 2, customerRef },
				numbers: {}
			},
			{
				ruleId: 'sid-missing',
				severity: 'blocking',
				subject: { kind: 'line', line: 3, sid: '   ', customerRef },
				numbers: {}
			},
			...[
				[4, ' SID-4711-HZN-01'],
				[5, 'sid-4711-hzn-01'],
				[6, 'SID-4711-HZN-01-extra']
			].map(([line, sid]) => ({
				ruleId: 'sid-malformed',
				severity: 'blocking',
				subject: { kind: 'line', line, sid, customerRef },
				numbers: { pattern }
			}))
		]);
		expect(findings[2].message.en).toBe(
			`Line 4: the SID " SID-4711-HZN-01" does not have the expected form ${pattern}.`
		);
	});

	it('uses the pattern the partner set in the pack', () => {
		const pack = testPack({ sidPattern: 'M[0-9]+' });
		const lines = [
			usageLine({ line: 2, sid: 'M123' }),
			usageLine({ line: 3, sid: 'SID-4711-HZN-01' })
		];
		const findings = findingsOf(['sid-malformed'], reportFacts({ lines }), pack);
		expect(findings.map((finding) => finding.subject.line)).toEqual([3]);
	});
});

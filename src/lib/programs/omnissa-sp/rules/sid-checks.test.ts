import { describe, expect, it } from 'vitest';
import {
	findingsOf,
	reportFacts,
	shape,
	testPack,
	usageLine
} from '../../../../../tests/helpers/rules';

describe('sid-missing and sid-malformed', () => {
	it('accepts any id without spaces with the built-in pack: the shapes exports write', () => {
		const sids = [
			'SID-4711-HZN-01',
			'SID-47110-ACC-01',
			'HZN-DAAS-NU',
			'sid-4711-hzn-01',
			'sid.4711.hzn.01',
			'SID-4711-HZN-01-extra'
		];
		const lines = sids.map((sid, index) => usageLine({ line: index + 2, sid }));
		expect(findingsOf(['sid-missing', 'sid-malformed'], reportFacts({ lines }))).toEqual([]);
	});

	it('blocks an empty SID, and warns for a SID outside the expected shape, naming the pattern', () => {
		const pattern = 'SID-[0-9]{4,}-[A-Z]{3}-[0-9]{2}';
		const lines = [
			usageLine({ line: 2, sid: '' }),
			usageLine({ line: 3, sid: '   ' }),
			usageLine({ line: 4, sid: ' SID-4711-HZN-01' }),
			usageLine({ line: 5, sid: 'sid-4711-hzn-01' }),
			usageLine({ line: 6, sid: 'HZN-DAAS-NU' }),
			usageLine({ line: 7, sid: 'SID-4711-HZN-01' })
		];
		const pack = testPack({ sidPattern: pattern });
		const findings = findingsOf(['sid-missing', 'sid-malformed'], reportFacts({ lines }), pack);
		const customerRef = 'TechnoForm Kunststoffe GmbH & Co. KG';
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
				[6, 'HZN-DAAS-NU']
			].map(([line, sid]) => ({
				ruleId: 'sid-malformed',
				severity: 'warning',
				subject: { kind: 'line', line, sid, customerRef },
				numbers: { pattern }
			}))
		]);
		expect(findings[4].message.en).toBe(
			`Line 6: the SID "HZN-DAAS-NU" does not have the expected form ${pattern}.`
		);
		expect(findings[4].fixHint.en).toContain('adjust the SID pattern');
	});

	it('warns for a SID with a space even with the built-in pack', () => {
		const lines = [usageLine({ line: 2, sid: 'SID 4711' })];
		const findings = findingsOf(['sid-malformed'], reportFacts({ lines }));
		expect(findings.map((finding) => [finding.severity, finding.subject.line])).toEqual([
			['warning', 2]
		]);
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

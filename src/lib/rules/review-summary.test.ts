import { describe, expect, it } from 'vitest';
import type { Finding } from '$lib/domain/finding';
import { summarizeReview } from './review-summary';
import { findingKey } from '$lib/domain/finding-identity';

function finding(
	ruleId: string,
	severity: Finding['severity'],
	subject: Finding['subject']
): Finding {
	return {
		ruleId: ruleId as Finding['ruleId'],
		severity,
		subject,
		numbers: {},
		message: { de: '', en: '' },
		fixHint: { de: '', en: '' },
		pack: { id: 'omnissa-sp', version: '1.0.0' }
	};
}

const change = finding('quantity-change', 'warning', {
	kind: 'sid',
	sid: 'SID-4711-HZN-01',
	customerRef: 'TechnoForm',
	sku: 'OSP-HZN-STD-CCU'
});
const dropped = finding('sid-dropped', 'warning', {
	kind: 'sid',
	sid: 'SID-4711-HZN-01',
	customerRef: 'Bäckerei'
});
const credit = finding('negative-quantity-without-credit-reason', 'blocking', {
	kind: 'line',
	line: 6
});
const fresh = finding('new-customer', 'info', { kind: 'customer', customerRef: 'Alpenblick' });

describe('review summary', () => {
	it('keys a finding by rule and subject', () => {
		expect(findingKey(change)).toBe(
			'quantity-change|sid||SID-4711-HZN-01|TechnoForm|OSP-HZN-STD-CCU'
		);
		expect(findingKey(credit)).toBe('negative-quantity-without-credit-reason|line|6|||');
	});

	it('blocks ready while a blocking finding or an open warning remains', () => {
		const findings = [change, dropped, credit, fresh];
		expect(summarizeReview({ findings, acknowledged: {} })).toEqual({
			blocking: 1,
			openWarnings: 2,
			acknowledged: 0,
			info: 1,
			canMarkReady: false
		});
		const acknowledged = { [findingKey(change)]: {}, [findingKey(dropped)]: {} };
		expect(summarizeReview({ findings, acknowledged }).canMarkReady).toBe(false);
		expect(summarizeReview({ findings: [change, dropped, fresh], acknowledged })).toEqual({
			blocking: 0,
			openWarnings: 0,
			acknowledged: 2,
			info: 1,
			canMarkReady: true
		});
	});
});

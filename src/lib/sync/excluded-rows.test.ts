import { describe, expect, it } from 'vitest';
import { checkPayload } from '../../../aggregator/check-payload.js';
import type { LeftOutRow } from '$lib/domain/left-out-rows';
import { BundleBuildError, buildBundlePayload } from './build-bundle-payload';
import { canonicalText } from './canonical-json';
import { octoberOptions, octoberPayload } from '../../../tests/helpers/sync';

const at = '2026-11-12T10:00:00.000Z';
const excluded: LeftOutRow = {
	line: 17,
	cells: ['SID-4711-UEM-01', 'TechnoForm Kunststoffe GmbH & Co. KG', 'zwölf', '3,12', '37,44'],
	problems: [{ code: 'not-a-number', field: 'quantity', value: 'zwölf' }],
	resolution: { kind: 'excluded', reasonCode: 'not-billable', comment: 'Internal test tenant', at }
};
const corrected: LeftOutRow = {
	line: 9,
	cells: ['', 'Lindenau', '210', '2,40', '504,00'],
	problems: [{ code: 'missing-value', field: 'sid' }],
	resolution: {
		kind: 'corrected',
		cells: ['SID-4711-ACC-01', 'Lindenau', '210', '2,40', '504,00'],
		at
	}
};
const open: LeftOutRow = { line: 21, cells: ['SID 4711'], problems: [{ code: 'invalid-sid' }] };

function buildError(run: () => unknown): BundleBuildError {
	try {
		run();
	} catch (error) {
		if (error instanceof BundleBuildError) return error;
		throw error;
	}
	throw new Error('expected a BundleBuildError');
}

describe('excludedRows in the bundle payload', () => {
	it('carries each excluded row with its line, reason and cells; corrected rows are lines', () => {
		const payload = octoberPayload({ leftOut: { rows: [excluded, corrected], lostRows: 0 } });
		expect(payload.excludedRows).toEqual([
			{
				line: 17,
				reason: 'not-billable: Internal test tenant',
				cells: ['SID-4711-UEM-01', 'TechnoForm Kunststoffe GmbH & Co. KG', 'zwölf', '3,12', '37,44']
			}
		]);
		// The signed bytes name them: the aggregator reads what was left out and why.
		expect(canonicalText(payload)).toContain(
			'"excludedRows":[{"cells":["SID-4711-UEM-01","TechnoForm Kunststoffe GmbH & Co. KG","zwölf","3,12","37,44"],"line":17,"reason":"not-billable: Internal test tenant"}]'
		);
		expect(checkPayload(JSON.parse(canonicalText(payload)))).toMatchObject({ ok: true });
	});

	it('says explicitly that nothing was left out when every row is a line', () => {
		const payload = octoberPayload();
		expect(payload.excludedRows).toEqual([]);
		expect(canonicalText(payload)).toContain('"excludedRows":[]');
	});

	it('refuses to sign while a row of the file is neither a line nor excluded', () => {
		const error = buildError(() =>
			buildBundlePayload(octoberOptions({ leftOut: { rows: [excluded, open], lostRows: 0 } }))
		);
		expect([error.code, error.field]).toEqual(['rows-left-out', 'excludedRows']);
		expect(error.message).toMatch(/has 1 row\(s\) of its file neither in it nor excluded$/);
		const lost = buildError(() =>
			buildBundlePayload(octoberOptions({ leftOut: { rows: [], lostRows: 2 } }))
		);
		expect(lost.message).toMatch(/has 2 row\(s\)/);
	});
});

import { describe, expect, it } from 'vitest';
import { checkPayload, fieldName } from './check-payload.js';
import { lineTotal, sumAmounts } from './decimal.js';
import { buildPayload } from './test-bundle.js';

describe('decimal arithmetic', () => {
	it.each([
		['2.5', '4.05', '10.12'], // 10.125: a tie, to the even cent
		['3.5', '4.05', '14.18'], // 14.175: a tie, to the even cent upwards
		['1', '0.125', '0.12'],
		['1', '0.135', '0.14'],
		['-2.5', '4.05', '-10.12'],
		['1480', '12.35', '18278.00'],
		['0.333', '3', '1.00'],
		['12345678901234567890.5', '2', '24691357802469135781.00']
	])('%s x %s rounds half-even to %s', (quantity, unitPrice, total) => {
		expect(lineTotal(quantity, unitPrice)).toBe(total);
	});

	it('sums exactly where binary floats would not (0.10 + 0.20)', () => {
		expect(sumAmounts(['0.10', '0.20'])).toBe('0.30');
		expect(sumAmounts([])).toBe('0.00');
	});
});

describe('checkPayload', () => {
	it('accepts the sample payload', () => {
		expect(checkPayload(buildPayload())).toMatchObject({ ok: true });
	});

	it('accepts a report without lines when its total is 0.00 (a zero-usage report)', () => {
		expect(checkPayload(buildPayload({ lines: [], totals: { amount: '0.00' } })).ok).toBe(true);
	});

	it('lists every field error, the first one as the problem field', () => {
		const payload = { ...buildPayload(), currency: 'eur', createdAt: '12.11.2026' };
		const result = checkPayload(payload);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problem.body.field).toBe('createdAt');
		expect(result.problem.body.errors).toEqual([
			{ field: 'createdAt', detail: expect.any(String) },
			{ field: 'currency', detail: 'expected an ISO 4217 code such as "EUR"' }
		]);
	});

	it('names the unknown member of a line', () => {
		const payload = buildPayload();
		const lines = [{ ...payload.lines[0], colour: 'blue' }];
		const result = checkPayload({ ...payload, lines });
		expect(result.ok || result.problem.body.field).toBe('lines[0].colour');
	});

	it('writes zod paths as people do', () => {
		expect(fieldName(['lines', 3, 'total'])).toBe('lines[3].total');
		expect(fieldName(['findings', 0, 'acknowledged', 'reasonCode'])).toBe(
			'findings[0].acknowledged.reasonCode'
		);
	});
});

describe('payload members of this protocol round (DESIGN.md)', () => {
	const withMembers = () =>
		buildPayload({
			kind: 'regular',
			lines: [
				{
					sid: 'SID-4711-HZN-01',
					description: 'Horizon Cloud pod, shared (EU-Central)',
					quantity: '-2',
					unitPrice: '12.35',
					total: '-24.70',
					sku: 'HZN-SHARED-EU',
					unit: 'named user',
					contractId: 'C-2026-0042',
					creditReason: 'Double-counted in September'
				}
			],
			totals: { amount: '-24.70' },
			excludedRows: [{ line: 7, reason: 'test tenant', cells: ['SID-TEST', 'Test', '5', '1.00'] }],
			auditHead: 'a'.repeat(64)
		});

	it('accepts kind, the line words, excludedRows and auditHead', () => {
		expect(checkPayload(withMembers())).toMatchObject({ ok: true });
		for (const kind of ['regular', 'adjustment', 'zero-usage'] as const)
			expect(checkPayload(buildPayload({ kind, lines: [], totals: { amount: '0.00' } })).ok).toBe(
				true
			);
	});

	it('treats a payload without kind as regular: the apps before this round send none', () => {
		const payload: Partial<ReturnType<typeof withMembers>> = withMembers();
		delete payload.kind;
		expect(checkPayload(payload)).toMatchObject({ ok: true });
	});

	it.each<[string, (payload: ReturnType<typeof withMembers>) => unknown, string]>([
		['an unknown kind', (p) => ({ ...p, kind: 'credit' }), 'kind'],
		[
			'a sku over 200 characters',
			(p) => ({ ...p, lines: [{ ...p.lines[0], sku: 'S'.repeat(201) }] }),
			'lines[0].sku'
		],
		['an empty unit', (p) => ({ ...p, lines: [{ ...p.lines[0], unit: '' }] }), 'lines[0].unit'],
		[
			'a contractId as a number',
			(p) => ({ ...p, lines: [{ ...p.lines[0], contractId: 42 }] }),
			'lines[0].contractId'
		],
		[
			'a creditReason over 10,000 characters',
			(p) => ({ ...p, lines: [{ ...p.lines[0], creditReason: 'x'.repeat(10_001) }] }),
			'lines[0].creditReason'
		],
		[
			'an excluded row at line 0',
			(p) => ({ ...p, excludedRows: [{ line: 0, reason: 'x', cells: [] }] }),
			'excludedRows[0].line'
		],
		[
			'an excluded row without a reason',
			(p) => ({ ...p, excludedRows: [{ line: 3, cells: [] }] }),
			'excludedRows[0].reason'
		],
		[
			'an excluded cell that is not text',
			(p) => ({ ...p, excludedRows: [{ line: 3, reason: 'x', cells: [1] }] }),
			'excludedRows[0].cells[0]'
		],
		[
			'an excluded row with another member',
			(p) => ({ ...p, excludedRows: [{ line: 3, reason: 'x', cells: [], note: 'n' }] }),
			'excludedRows[0].note'
		],
		[
			'an acknowledgement without a comment',
			(p) => ({
				...p,
				findings: [
					{
						ruleId: 'report-late',
						severity: 'warning',
						message: 'm',
						acknowledged: { reasonCode: 'other' }
					}
				]
			}),
			'findings[0].acknowledged.comment'
		],
		['an auditHead that is no SHA-256', (p) => ({ ...p, auditHead: 'abc' }), 'auditHead']
	])('refuses %s, naming the field', (_name, change, field) => {
		const result = checkPayload(change(withMembers()));
		expect(result).toMatchObject({
			ok: false,
			problem: { code: 'invalid-payload', body: { field } }
		});
	});

	it('refuses a zero-usage report whose total is not zero: totals-mismatch', () => {
		const payload = { ...withMembers(), kind: 'zero-usage' };
		expect(checkPayload(payload)).toMatchObject({
			ok: false,
			problem: { code: 'totals-mismatch', body: { field: 'totals.amount', expected: '0.00' } }
		});
	});
});

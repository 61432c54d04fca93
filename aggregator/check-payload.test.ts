import { describe, expect, it } from 'vitest';
import { checkPayload, fieldName } from './check-payload.js';
import { lineTotal, sumAmounts } from './decimal.js';
import { createKeyedLock } from './keyed-lock.js';
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
		const lines = [{ ...payload.lines[0], colour: 'red' }];
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

describe('createKeyedLock', () => {
	it('runs tasks of one key one after another and tasks of other keys alongside', async () => {
		const withLock = createKeyedLock();
		const events: string[] = [];
		const task = (name: string, ms: number) => async () => {
			events.push(`${name} start`);
			await new Promise((resolve) => setTimeout(resolve, ms));
			events.push(`${name} end`);
		};
		await Promise.all([
			withLock('SP-4711', task('a1', 30)),
			withLock('SP-4711', task('a2', 1)),
			withLock('SP-0815', task('b1', 1))
		]);
		expect(events).toEqual(['a1 start', 'b1 start', 'b1 end', 'a1 end', 'a2 start', 'a2 end']);
	});

	it('moves on after a task that throws', async () => {
		const withLock = createKeyedLock();
		await expect(withLock('k', () => Promise.reject(new Error('disk full')))).rejects.toThrow(
			'disk full'
		);
		expect(await withLock('k', () => Promise.resolve('next'))).toBe('next');
	});
});

import { describe, expect, it } from 'vitest';
import { toPeriod } from '$lib/domain/period';
import { applyOverrides } from './apply-overrides';
import { loadBuiltInPack } from '../built-in-packs';
import { dueDateFor } from './due-date';
import type { ProgramPack } from '../pack-schema';

function packWith(overrides: Record<string, unknown>): ProgramPack {
	const builtIn = loadBuiltInPack({ id: 'omnissa-sp' });
	if (!builtIn.ok) throw new Error('built-in pack must load');
	const result = applyOverrides({ pack: builtIn.value, overrides });
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.value;
}

describe('dueDateFor', () => {
	// 15 November 2026 is a Sunday: the October report shows every policy.
	const october = toPeriod(2026, 10);

	it('keeps the 15th under the default policy "none", even on a Sunday', () => {
		const due = dueDateFor({ pack: packWith({}), period: october, timeZone: 'Europe/Berlin' });
		expect(due).toEqual({
			period: '2026-10',
			reviewOpensAt: new Date('2026-11-09T23:00:00.000Z'),
			dueDate: '2026-11-15',
			dueAt: new Date('2026-11-15T23:00:00.000Z'),
			timeZone: 'Europe/Berlin',
			moved: false
		});
	});

	it('moves a Sunday to Monday under next-business-day', () => {
		const pack = packWith({ weekendHolidayPolicy: 'next-business-day' });
		const due = dueDateFor({ pack, period: october, timeZone: 'Europe/Berlin' });
		expect([due.dueDate, due.dueAt.toISOString(), due.moved]).toEqual([
			'2026-11-16',
			'2026-11-16T23:00:00.000Z',
			true
		]);
	});

	it('moves a Sunday to Friday under previous-business-day', () => {
		const pack = packWith({ weekendHolidayPolicy: 'previous-business-day' });
		const due = dueDateFor({ pack, period: october, timeZone: 'Europe/Berlin' });
		expect([due.dueDate, due.dueAt.toISOString()]).toEqual([
			'2026-11-13',
			'2026-11-13T23:00:00.000Z'
		]);
	});

	it('moves a Saturday by two days forward or one back', () => {
		// 15 August 2026 is a Saturday (the July report).
		const july = toPeriod(2026, 7);
		const next = dueDateFor({
			pack: packWith({ weekendHolidayPolicy: 'next-business-day' }),
			period: july,
			timeZone: 'UTC'
		});
		const previous = dueDateFor({
			pack: packWith({ weekendHolidayPolicy: 'previous-business-day' }),
			period: july,
			timeZone: 'UTC'
		});
		expect([next.dueDate, previous.dueDate]).toEqual(['2026-08-17', '2026-08-14']);
		expect(next.dueAt.toISOString()).toBe('2026-08-18T00:00:00.000Z');
	});

	it('leaves a weekday alone and rolls past the month end when it must', () => {
		const pack = packWith({ weekendHolidayPolicy: 'next-business-day', submitDueDay: 31 });
		// The November report is due on 31 December 2026, a Thursday.
		const november = dueDateFor({ pack, period: toPeriod(2026, 11), timeZone: 'UTC' });
		expect([november.dueDate, november.moved]).toEqual(['2026-12-31', false]);
		// The December report: 31 January 2027 is a Sunday, so it moves into February.
		const december = dueDateFor({ pack, period: toPeriod(2026, 12), timeZone: 'UTC' });
		expect([december.dueDate, december.dueAt.toISOString()]).toEqual([
			'2027-02-01',
			'2027-02-02T00:00:00.000Z'
		]);
	});

	it('reads the day in the zone the pack pins, not the partner zone', () => {
		const pack = packWith({ timeZone: 'America/New_York' });
		const due = dueDateFor({ pack, period: october, timeZone: 'Europe/Berlin' });
		expect([due.timeZone, due.dueAt.toISOString()]).toEqual([
			'America/New_York',
			'2026-11-16T05:00:00.000Z'
		]);
	});
});

import { describe, expect, it } from 'vitest';
import { omnissaPack } from '$lib/programs/omnissa-sp/built-in-pack';
import { formValues, overridesFrom } from './pack-form';

describe('pack form', () => {
	it('keeps only what differs from the built-in pack, typed', () => {
		const pack = omnissaPack();
		const values = { ...formValues(pack), submitDueDay: '14', currency: 'chf', timeZone: '' };
		expect(overridesFrom(values, pack)).toEqual({ submitDueDay: 14, currency: 'CHF' });
		expect(overridesFrom(formValues(pack), pack)).toEqual({});
	});

	it('edits the counted units as a comma-separated list', () => {
		const pack = omnissaPack();
		expect(formValues(pack).countedUnits).toMatch(/^User, Named User, /);
		const values = { ...formValues(pack), countedUnits: ' Seat,  Device ,' };
		expect(overridesFrom(values, pack)).toEqual({ countedUnits: ['Seat', 'Device'] });
	});
});

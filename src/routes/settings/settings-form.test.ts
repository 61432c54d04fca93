import { describe, expect, it } from 'vitest';
import { checkDraft, draftFrom } from './settings-form';
import { testProfile } from '../../../tests/helpers/profile';

const profile = testProfile({ companyName: 'Muster IT-Services GmbH' });

describe('checkDraft', () => {
	it('round-trips a stored profile and drops empty partner ids', () => {
		const draft = draftFrom(profile, ['omnissa-sp']);
		expect(draft.partnerIds).toEqual({ 'omnissa-sp': 'SP-4711', 'genesys-appfoundry': '' });
		expect(checkDraft(draft)).toEqual({ ok: true, profile, programs: ['omnissa-sp'] });
	});

	it('normalises currency case and trims input', () => {
		const draft = { ...draftFrom(profile, []), currency: ' usd ', companyName: '  ACME  ' };
		const checked = checkDraft(draft);
		expect(checked.ok && checked.profile.currency).toBe('USD');
		expect(checked.ok && checked.profile.companyName).toBe('ACME');
	});

	it('reports each bad field with its code', () => {
		const draft = {
			...draftFrom(profile, []),
			companyName: ' ',
			currency: 'EURO',
			timeZone: 'Europe/Atlantis',
			partnerIds: { 'omnissa-sp': 'SP 4711', 'genesys-appfoundry': '' }
		};
		expect(checkDraft(draft)).toEqual({
			ok: false,
			errors: {
				companyName: 'required',
				currency: 'currency-format',
				timeZone: 'time-zone-unknown',
				'partnerIds.omnissa-sp': 'partner-id-format'
			}
		});
		expect(checkDraft({ ...draftFrom(profile, []), currency: 'XYZ' })).toEqual({
			ok: false,
			errors: { currency: 'currency-unknown' }
		});
	});
});

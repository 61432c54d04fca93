import type { Profile } from '$lib/domain/settings';

/** A partner's profile as tests store or show it: Muster IT, Omnissa partner SP-4711, in Berlin. */
export function testProfile(changes: Partial<Profile> = {}): Profile {
	return {
		companyName: 'Muster IT GmbH',
		partnerIds: { 'omnissa-sp': 'SP-4711' },
		currency: 'EUR',
		timeZone: 'Europe/Berlin',
		language: 'de',
		...changes
	};
}

import type { LocalizedText } from '$lib/domain/localized-text';
import { tiersOf } from '$lib/programs/genesys-appfoundry/pack';
import type { GenesysPack } from '$lib/programs/genesys-appfoundry/pack-schema';

/** A tier's name in both languages; an id the pack does not know stands as it is. */
export function tierName(pack: GenesysPack, tierId: string): LocalizedText {
	return tiersOf(pack).find((tier) => tier.id === tierId)?.name ?? { de: tierId, en: tierId };
}

/** An ISO day `2026-12-01` as a Date at UTC midnight, for `i18n.date(day, 'UTC')`. */
export function dayDate(day: string): Date {
	return new Date(`${day}T00:00:00Z`);
}

/** The partner's listings as the choices of a listing field (its id, its name). */
export function listingOptions(data: {
	listings: { current?: readonly { listingId: string; name: string }[] };
}): { value: string; label: string }[] {
	return (data.listings.current ?? []).map((listing) => ({
		value: listing.listingId,
		label: listing.name
	}));
}

/** Records and set-up the store's tests share (real IndexedDB in the browser project). */
import Dexie from 'dexie';
import { toDecimal } from '$lib/domain/money';
import type { UsageLine } from '$lib/domain/usage-line';
import type { PartnerDeskDatabase } from '$lib/store/db';

/** The partner a test bundle is signed for. */
export const TEST_PARTNER = { id: 'SP-4711', name: 'Muster IT-Services GmbH' };

/** File line 2 of a usage report: 38 Horizon Standard for Kanzlei am Markt, 946.20. */
export function horizonLine(changes: Partial<UsageLine> = {}): UsageLine {
	return {
		line: 2,
		sid: 'SID-4711-HZN-01',
		description: 'Horizon Standard',
		customerRef: 'Kanzlei am Markt',
		quantity: toDecimal('38'),
		unitPrice: toDecimal('24.90'),
		total: toDecimal('946.20'),
		...changes
	};
}

/** Closes a test's database and deletes it, so the next test starts empty. */
export async function dropDatabase(db: PartnerDeskDatabase): Promise<void> {
	db.close();
	await Dexie.delete(db.name);
}

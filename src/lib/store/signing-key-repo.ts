import { createSigningKey } from '$lib/sync/signing-key';
import type { PartnerDeskDatabase, SigningKeyRecord } from './db';
import { audit, withAuditTables } from './audit';
import { guardStorage } from './errors';

/** This device's keys, the active one first, then the retired ones, newest first. */
export async function listSigningKeys(db: PartnerDeskDatabase): Promise<SigningKeyRecord[]> {
	const keys = await guardStorage(() => db.signingKeys.orderBy('createdAt').reverse().toArray());
	return keys.sort((a, b) => Number(a.retiredAt !== undefined) - Number(b.retiredAt !== undefined));
}

async function storeNewKey(db: PartnerDeskDatabase, now: Date, retire: boolean) {
	// Generated outside the transaction: IndexedDB commits a transaction that waits on WebCrypto.
	const key = await createSigningKey({ now });
	return guardStorage(() =>
		db.transaction('rw', withAuditTables(db, db.signingKeys), async () => {
			const active = (await db.signingKeys.toArray()).filter((k) => k.retiredAt === undefined);
			// Another tab made a key meanwhile: keep that one, or rotation would make two.
			if (!retire && active.length > 0) return active[0];
			for (const old of active) await db.signingKeys.put({ ...old, retiredAt: now.toISOString() });
			const record: SigningKeyRecord = { ...key };
			await db.signingKeys.add(record);
			await audit(
				db,
				{
					action: 'key-created',
					detail: { kid: record.kid },
					before: active[0] ? { kid: active[0].kid } : undefined,
					after: { kid: record.kid }
				},
				now.toISOString()
			);
			return record;
		})
	);
}

/** The key bundles are signed with; made on first use (and after a restore on a new device). */
export async function activeSigningKey(
	db: PartnerDeskDatabase,
	now = new Date()
): Promise<SigningKeyRecord> {
	const active = (await listSigningKeys(db)).find((key) => key.retiredAt === undefined);
	return active ?? storeNewKey(db, now, false);
}

/** A new key from now on; the old one is kept, retired, so its public half stays on record. */
export function rotateSigningKey(db: PartnerDeskDatabase, now = new Date()) {
	return storeNewKey(db, now, true);
}

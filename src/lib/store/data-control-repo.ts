import type { Period } from '$lib/domain/period';
import { audit, withAuditTables } from './audit';
import type { PartnerDeskDatabase } from './db';
import { guardStorage } from './errors';

/** Tables that hang off a report revision by its id. */
const PER_REVISION = ['lineChunks', 'groupTotals', 'leftOutRows'] as const;

async function deleteRevisions(db: PartnerDeskDatabase, ids: string[]): Promise<number> {
	if (ids.length === 0) return 0;
	for (const id of ids) {
		await db.lineChunks
			.where('[revisionId+index]')
			.between([id, -Infinity], [id, Infinity])
			.delete();
	}
	await db.groupTotals.bulkDelete(ids);
	await db.leftOutRows.bulkDelete(ids);
	const bundles = await db.bundles.where('revisionId').anyOf(ids).primaryKeys();
	await db.bundles.bulkDelete(bundles);
	await db.bundleBodies.bulkDelete(bundles);
	await db.reports.bulkDelete(ids);
	return bundles.length;
}

function scope(db: PartnerDeskDatabase) {
	return withAuditTables(db, ...PER_REVISION, db.bundles, db.bundleBodies);
}

/**
 * Deletes a month of a program: its revisions, lines, totals, left-out rows and bundles, in one
 * transaction with the audit entry that records it. The audit log keeps the month's history
 * (it is the record that the data existed and was deleted); chain heads stay, so the next bundle
 * still links to the last one the aggregator holds.
 */
export async function deletePeriod(
	db: PartnerDeskDatabase,
	options: { programId: string; period: Period; now?: Date }
): Promise<{ revisions: number; bundles: number }> {
	const at = (options.now ?? new Date()).toISOString();
	return guardStorage(() =>
		db.transaction('rw', scope(db), async () => {
			const ids = (await db.reports
				.where('[programId+period]')
				.equals([options.programId, options.period])
				.primaryKeys()) as string[];
			const bundles = await deleteRevisions(db, ids);
			await audit(
				db,
				{
					action: 'period-deleted',
					program: options.programId,
					period: options.period,
					before: { revisions: ids.length, bundles },
					after: { revisions: 0, bundles: 0 }
				},
				at
			);
			return { revisions: ids.length, bundles };
		})
	);
}

/** Deletes every report of a program (and what hangs off them), audited, in one transaction. */
export async function deleteProgramData(
	db: PartnerDeskDatabase,
	options: { programId: string; now?: Date }
): Promise<{ revisions: number; bundles: number }> {
	const at = (options.now ?? new Date()).toISOString();
	return guardStorage(() =>
		db.transaction(
			'rw',
			withAuditTables(db, ...scope(db), db.reviews, db.programRecords),
			async () => {
				const ids = (await db.reports
					.where('[programId+period]')
					.between([options.programId, ''], [options.programId, '\uffff'])
					.primaryKeys()) as string[];
				const bundles = await deleteRevisions(db, ids);
				const reviews = await db.reviews
					.filter((r) => r.programId === options.programId)
					.primaryKeys();
				await db.reviews.bulkDelete(reviews);
				// The records the program keeps (contracts, invoices, customers, booking decisions).
				const records = await db.programRecords
					.where('[programId+kind+id]')
					.between([options.programId, '', ''], [options.programId, '\uffff', '\uffff'])
					.delete();
				await audit(
					db,
					{
						action: 'program-deleted',
						program: options.programId,
						before: { revisions: ids.length, bundles, reviews: reviews.length, records },
						after: { revisions: 0, bundles: 0, reviews: 0, records: 0 }
					},
					at
				);
				return { revisions: ids.length, bundles };
			}
		)
	);
}

/**
 * Deletes all data on this device but its signing keys (they are not data: a key registered with
 * an aggregator stays usable). The audit log goes too, so a fresh chain starts with one entry
 * saying so; "delete everything" means no history of what was there survives on the device.
 */
export async function deleteEverything(db: PartnerDeskDatabase, now = new Date()): Promise<void> {
	await guardStorage(() =>
		db.transaction('rw', db.tables, async () => {
			await Promise.all(
				db.tables.filter((table) => table.name !== 'signingKeys').map((table) => table.clear())
			);
			await audit(
				db,
				{ action: 'chain-started', detail: { reason: 'everything-deleted' } },
				now.toISOString()
			);
		})
	);
}

/** Records per table: how much each area of the app keeps (the quota's total is in storage-status). */
export async function storageByArea(
	db: PartnerDeskDatabase
): Promise<{ table: string; records: number }[]> {
	return guardStorage(() =>
		db.transaction('r', db.tables, async () =>
			Promise.all(
				db.tables.map(async (table) => ({ table: table.name, records: await table.count() }))
			)
		)
	);
}

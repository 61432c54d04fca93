import { z } from 'zod';
import { isDecimalString } from '../../../domain/money';
import { isPeriod } from '../../../domain/period';
import {
	addCandidate,
	decide,
	editCandidate,
	markRenewal,
	type Candidate,
	type Transaction
} from './booking-points';

const decimal = z.string().refine(isDecimalString, { message: 'not a decimal number' });
const period = z.string().refine(isPeriod, { message: 'not a month (YYYY-MM)' });

/**
 * The partner's decisions on one month's booking-point candidates (the candidates themselves are
 * classified again from the delivered reports each time): confirmed or rejected by transaction
 * key, the ones marked as renewals, amounts the partner corrected, and transactions added by hand.
 */
export const bookingRecordSchema = z.object({
	id: period,
	decisions: z.record(z.string(), z.enum(['confirmed', 'rejected'])),
	renewals: z.array(z.string()),
	/** The partner's own amount for a candidate (the report's change was not the business won). */
	edits: z.record(z.string(), z.object({ amountMsrp: decimal })).default({}),
	added: z.array(
		z.object({
			key: z.string().min(1),
			period,
			customer: z.string().min(1),
			sid: z.string(),
			sku: z.string(),
			kind: z.enum(['new', 'expansion']),
			quantityDelta: decimal,
			amountMsrp: decimal,
			contractId: z.string().optional()
		})
	)
});
export type BookingRecord = z.infer<typeof bookingRecordSchema>;

export function emptyBookingRecord(month: BookingRecord['id']): BookingRecord {
	return { id: month, decisions: {}, renewals: [], edits: {}, added: [] };
}

/** A month's candidates with the partner's stored decisions, renewals and additions applied. */
export function candidatesWithDecisions(
	classified: readonly Transaction[],
	record: BookingRecord | undefined
): Candidate[] {
	let candidates: Candidate[] = classified.map((t) => ({ ...t, decision: 'open' }));
	if (!record) return candidates;
	for (const key of record.renewals) candidates = markRenewal(candidates, key);
	for (const [key, change] of Object.entries(record.edits))
		candidates = editCandidate(candidates, key, change);
	for (const [key, decision] of Object.entries(record.decisions))
		candidates = decide(candidates, key, decision);
	for (const transaction of record.added) candidates = addCandidate(candidates, transaction);
	return candidates;
}

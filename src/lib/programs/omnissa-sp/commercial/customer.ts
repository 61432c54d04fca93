import { z } from 'zod';
import type { Period } from '../../../domain/period';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'not a date (YYYY-MM-DD)' });

/**
 * An end customer in the partner's register: the partner owns the contract with the customer and
 * its support, and may resell third-party software under the program terms (seed). `id` is the
 * reference the usage reports use for the customer (their customer column).
 */
export const customerSchema = z
	.object({
		id: z.string().trim().min(1).max(200),
		name: z.string().trim().min(1).max(200),
		contract: z
			.object({
				reference: z.string().trim().min(1).max(200),
				start: isoDate,
				/** Open-ended while absent. */
				end: isoDate.optional()
			})
			.optional(),
		services: z.array(z.string().trim().min(1)).default([]),
		supportContact: z.string().trim().max(200).optional(),
		thirdPartySoftware: z.array(z.string().trim().min(1)).default([])
	})
	.refine((c) => !c.contract?.end || c.contract.end >= c.contract.start, {
		message: 'the contract ends before it starts',
		path: ['contract', 'end']
	});
export type Customer = z.infer<typeof customerSchema>;

/**
 * Whether the partner's contract with the customer covers a reporting month: it started by the
 * month's last day and had not ended before its first. No contract covers nothing.
 */
export function contractCovers(customer: Customer, period: Period): boolean {
	const contract = customer.contract;
	if (!contract) return false;
	const first = `${period}-01`;
	const [year, month] = period.split('-').map(Number);
	const last = `${period}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;
	return contract.start <= last && (contract.end === undefined || contract.end >= first);
}

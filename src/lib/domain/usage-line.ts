import type { DecimalString } from './money';

/** The columns of a usage report that the app knows (the importer maps file columns to them); the keys of `UsageLine`. */
export const USAGE_FIELDS = [
	'sid',
	'description',
	'customerRef',
	'quantity',
	'unitPrice',
	'total',
	'currency',
	'sku',
	'unit',
	'period',
	'contractId'
] as const;

export type UsageField = (typeof USAGE_FIELDS)[number];

/** One usage line as read from the file; the fields of a bundle line plus where it came from. */
export type UsageLine = {
	/** Physical line in the file, 1-based (the header is line 1). */
	line: number;
	sid: string;
	description: string;
	customerRef?: string;
	quantity: DecimalString;
	unitPrice: DecimalString;
	total: DecimalString;
	currency?: string;
	sku?: string;
	unit?: string;
	period?: string;
	contractId?: string;
};

import type { Severity } from '$lib/domain/finding';

/**
 * Every rule id with its severity. Ids are stable: they go into signed bundles and the audit log,
 * and acknowledgements refer to them.
 */
export const ruleCatalog = {
	'sid-missing': 'blocking',
	// A warning, not blocking: the pack's pattern is the partner's expectation of its export's
	// shape, and an id outside it (`HZN-DAAS-NU`) can be right.
	'sid-malformed': 'warning',
	'quantity-not-number': 'blocking',
	'unit-price-not-number': 'blocking',
	'total-not-number': 'blocking',
	'negative-quantity-without-credit-reason': 'blocking',
	'counted-quantity-fraction': 'blocking',
	'line-total-mismatch': 'blocking',
	// A warning, not blocking: the total rounds an exact half the other way (half-up, as many
	// spreadsheets do), a cent from the pack's rule; the data itself is right.
	'line-total-rounding': 'warning',
	'currency-mismatch': 'blocking',
	// A warning, not blocking: two identical rows can be real (two orders of the same SKU at the
	// same price in one month) and the vendor's export is the record. But the usual cause is a
	// doubled row, which doubles the invoice, so it must be acknowledged with a reason.
	'duplicate-line': 'warning',
	'quantity-change': 'warning',
	'sid-dropped': 'warning',
	// A warning, not blocking: the seed sets the 15th but names no sanction, and a late report
	// must still be deliverable.
	'report-late': 'warning',
	'pack-not-valid-for-period': 'warning',
	'empty-report': 'blocking',
	// Blocking: a row of the vendor's export missing from the report is under-reporting unless
	// the partner corrects it into a line or excludes it with a reason the aggregator reads.
	'rows-left-out': 'blocking',
	'zero-usage-confirmed': 'info',
	'new-sid': 'info',
	'new-customer': 'info',
	'previous-period-gap': 'info',
	'totals-computed': 'info'
} as const satisfies Record<string, Severity>;

export type RuleId = keyof typeof ruleCatalog;

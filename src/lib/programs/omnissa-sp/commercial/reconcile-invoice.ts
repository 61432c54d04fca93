import Big from 'big.js';
import {
	compare,
	roundHalfEven,
	subtract,
	toDecimal,
	type DecimalString
} from '../../../domain/money';
import { netPrice } from './evaluate-contract';

export type InvoiceLine = {
	pos: string;
	customer: string;
	sid: string;
	sku: string;
	quantity: DecimalString;
	listValue: DecimalString;
	discountPercent: DecimalString;
	netAmount: DecimalString;
};

export type ReportLineForInvoice = {
	customer: string;
	sid: string;
	sku: string;
	quantity: DecimalString;
	totalMsrp: DecimalString;
};

export type ReconciliationState =
	'matched' | 'quantity-differs' | 'price-differs' | 'missing-on-invoice' | 'missing-in-report';

export type ReconciledLine = {
	key: string;
	state: ReconciliationState;
	invoice?: InvoiceLine;
	report?: ReportLineForInvoice;
	/** What the invoice should say from the report: list value x (1 - discount), half-even to cents. */
	expectedNet?: DecimalString;
	netDifference: DecimalString;
	explanation?: string;
};

/** Lines match on customer + SID + SKU; report lines with the same key (a credit) are netted. */
const keyOf = (l: { customer: string; sid: string; sku: string }) =>
	`${l.customer}|${l.sid}|${l.sku}`;

/**
 * Reconciles an aggregator invoice line by line with the delivered report of its period.
 * Quantity is compared first; with equal quantities, the invoice net is compared with the net the
 * report implies at the invoice's discount; a difference above `tolerance` (EUR, a parameter:
 * cent-level rounding by the aggregator is not a finding) is "price-differs".
 */
export function reconcileInvoice({
	invoiceLines,
	reportLines,
	tolerance
}: {
	invoiceLines: readonly InvoiceLine[];
	reportLines: readonly ReportLineForInvoice[];
	tolerance: DecimalString;
}): ReconciledLine[] {
	const report = new Map<string, ReportLineForInvoice>();
	for (const line of reportLines) {
		const key = keyOf(line);
		const seen = report.get(key);
		report.set(
			key,
			seen
				? {
						...seen,
						quantity: toDecimal(new Big(seen.quantity).plus(line.quantity).toFixed()),
						totalMsrp: toDecimal(new Big(seen.totalMsrp).plus(line.totalMsrp).toFixed())
					}
				: line
		);
	}
	const result: ReconciledLine[] = [];
	const used = new Set<string>();
	for (const invoice of invoiceLines) {
		const key = keyOf(invoice);
		const match = report.get(key);
		if (!match) {
			result.push({ key, state: 'missing-in-report', invoice, netDifference: invoice.netAmount });
			continue;
		}
		used.add(key);
		const expectedNet = netPrice(match.totalMsrp, invoice.discountPercent);
		const netDifference = roundHalfEven(subtract(invoice.netAmount, expectedNet));
		const beyond = compare(toDecimal(new Big(netDifference).abs().toFixed()), tolerance) > 0;
		const state: ReconciliationState =
			compare(invoice.quantity, match.quantity) !== 0
				? 'quantity-differs'
				: beyond
					? 'price-differs'
					: 'matched';
		result.push({ key, state, invoice, report: match, expectedNet, netDifference });
	}
	for (const [key, line] of report)
		if (!used.has(key))
			result.push({
				key,
				state: 'missing-on-invoice',
				report: line,
				netDifference: roundHalfEven(toDecimal(new Big(0).minus(line.totalMsrp).toFixed()))
			});
	return result;
}

/** Marks a difference explained with a comment; a new array, nothing mutated. */
export function explainLine(
	lines: readonly ReconciledLine[],
	key: string,
	comment: string
): ReconciledLine[] {
	return lines.map((l) => (l.key === key ? { ...l, explanation: comment } : l));
}

/**
 * The export's columns in the shape of `CsvColumn` (src/lib/import/csv-export.ts): the caller
 * writes them with `formatCsv`, which neutralises formula cells (programs may not import `import`).
 */
export const RECONCILIATION_COLUMNS: {
	header: string;
	kind: 'text' | 'number';
	value: (row: ReconciledLine) => string | undefined;
}[] = [
	{ header: 'Pos.', kind: 'text', value: (l) => l.invoice?.pos },
	{ header: 'Customer', kind: 'text', value: (l) => l.invoice?.customer ?? l.report?.customer },
	{ header: 'SID', kind: 'text', value: (l) => l.invoice?.sid ?? l.report?.sid },
	{ header: 'SKU', kind: 'text', value: (l) => l.invoice?.sku ?? l.report?.sku },
	{ header: 'State', kind: 'text', value: (l) => l.state },
	{ header: 'Report quantity', kind: 'number', value: (l) => l.report?.quantity },
	{ header: 'Invoice quantity', kind: 'number', value: (l) => l.invoice?.quantity },
	{ header: 'Expected net', kind: 'number', value: (l) => l.expectedNet },
	{ header: 'Invoice net', kind: 'number', value: (l) => l.invoice?.netAmount },
	{ header: 'Net difference', kind: 'number', value: (l) => l.netDifference },
	{ header: 'Explanation', kind: 'text', value: (l) => l.explanation }
];

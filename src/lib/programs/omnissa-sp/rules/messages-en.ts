import {
	formatDate,
	formatMoneyText,
	formatNumber,
	formatPeriod,
	quote
} from '$lib/domain/format-text';
import type { MessageInput } from '$lib/domain/finding';
import type { MessageTable } from './messages';

const n = (value: string | undefined) => formatNumber(value ?? '', 'en');
const d = (value: string | undefined) => formatDate(value ?? '', 'en');
const q = (value: string | undefined) => quote(value ?? '', 'en');
/** An amount in the report currency (`numbers.currency`), as the language writes money. */
const m = (value: string | undefined, numbers: MessageInput['numbers']) =>
	formatMoneyText(value ?? '', numbers.currency, 'en');
const p = (value: string | undefined) => formatPeriod(value ?? '', 'en');
const days = (count: string | undefined) => (count === '1' ? '1 day' : `${count} days`);
const lineCount = (count: string | undefined) => (count === '1' ? '1 line' : `${count} lines`);

function line({ subject }: MessageInput): string {
	return `Line ${subject.line}`;
}

/** "Customer X on SID-..., SKU" or as much of it as the subject has. */
function usage({ subject }: MessageInput): string {
	const on =
		subject.customerRef === undefined ? subject.sid : `${subject.customerRef} on ${subject.sid}`;
	return subject.sku === undefined ? `${on}` : `${on}, ${subject.sku}`;
}

const notANumber = (field: string) => ({
	message: (input: MessageInput) =>
		`${line(input)}: the ${field} ${q(input.numbers.value)} is not a number.`,
	fixHint: () => `Enter the ${field} as a plain number, such as 140 or 12.50.`
});

/** English sentences for every rule. */
export const messagesEn: MessageTable = {
	'sid-missing': {
		message: (input) => `${line(input)}: the service identifier (SID) is empty.`,
		fixHint: () =>
			'Enter the SID from the Commerce Portal export: every line names the SID it was used on.'
	},
	'sid-malformed': {
		message: (input) =>
			`${line(input)}: the SID ${q(input.subject.sid)} does not have the expected form ${input.numbers.pattern}.`,
		fixHint: () =>
			'Copy the SID exactly as the Commerce Portal shows it; if your SIDs look different, adjust the SID pattern in the program settings.'
	},
	'quantity-not-number': notANumber('quantity'),
	'unit-price-not-number': notANumber('unit price'),
	'total-not-number': notANumber('total'),
	'negative-quantity-without-credit-reason': {
		message: (input) =>
			`${line(input)}: the quantity ${n(input.numbers.quantity)} is negative (a credit) and has no credit reason.`,
		fixHint: () =>
			'Enter a credit reason for this line (such as a cancellation or a correction of an earlier month), or correct the quantity.'
	},
	'line-total-mismatch': {
		message: ({ subject, numbers }) =>
			`Line ${subject.line}: the total ${m(numbers.actual, numbers)} is not quantity × unit price: ${n(numbers.quantity)} × ${m(numbers.unitPrice, numbers)} = ${m(numbers.expected, numbers)}.`,
		fixHint: () =>
			'Correct the total, the quantity or the unit price: the total is quantity × unit price, rounded to 2 decimals.'
	},
	'counted-quantity-fraction': {
		message: (input) =>
			`${line(input)}: the quantity ${n(input.numbers.quantity)} of ${q(input.numbers.unit)} is not a whole number, but this unit is counted.`,
		fixHint: () =>
			'Correct the quantity. If the file writes 1.480 for one thousand four hundred and eighty, import it again and choose the German number format (1.234,56).'
	},
	'line-total-rounding': {
		message: ({ subject, numbers }) =>
			`Line ${subject.line}: the total ${n(numbers.actual)} rounds ${n(numbers.quantity)} × ${n(numbers.unitPrice)} = ${n(numbers.product)} the other way; half-even to 2 decimals gives ${n(numbers.expected)}.`,
		fixHint: ({ numbers }) =>
			`The program rounds an exact half to the even cent. Correct the total to ${n(numbers.expected)}, or acknowledge the warning if your aggregator accepts the cent.`
	},
	'currency-mismatch': {
		message: (input) =>
			`${line(input)}: the currency ${input.numbers.lineCurrency} differs from the report currency ${input.numbers.reportCurrency}.`,
		fixHint: ({ numbers }) =>
			`Report every line in ${numbers.reportCurrency}, or put lines in another currency into a report of their own.`
	},
	'duplicate-line': {
		message: (input) =>
			`${line(input)} repeats line ${input.numbers.firstLine}: same SID, customer, product, quantity and unit price.`,
		fixHint: () =>
			'Delete the copy if the row was doubled; if both rows are real, acknowledge the warning with a reason.'
	},
	'quantity-change': {
		message: (input) =>
			`${usage(input)}: quantity ${n(input.numbers.previous)} last month, ${n(input.numbers.current)} now (${n(input.numbers.changePercent)} %), beyond the ${n(input.numbers.threshold)} % threshold.`,
		fixHint: () =>
			'Check the usage; if the change is real, acknowledge it with a reason such as customer growth or migration.'
	},
	'sid-dropped': {
		message: (input) =>
			`${usage(input)}: billed last month (${lineCount(input.numbers.previousLines)}, ${m(input.numbers.previousTotal, input.numbers)}), missing now.`,
		fixHint: () =>
			'If the service was cancelled, acknowledge the warning with a reason; otherwise add the missing usage, since leaving out used services is under-reporting.'
	},
	'report-late': {
		message: ({ numbers }) =>
			numbers.submittedAt === undefined
				? `The report was due by ${d(numbers.dueDate)} and is ${days(numbers.daysLate)} overdue.`
				: `The report was submitted ${days(numbers.daysLate)} after the due date ${d(numbers.dueDate)}.`,
		fixHint: ({ numbers }) =>
			numbers.submittedAt === undefined
				? 'Submit the report to your aggregator as soon as possible.'
				: 'Acknowledge the delay with a reason; your aggregator may ask about it.'
	},
	'pack-not-valid-for-period': {
		message: ({ numbers }) =>
			`The program pack is valid from ${d(numbers.validFrom)} ${numbers.validTo === undefined ? 'on' : `to ${d(numbers.validTo)}`}; the period ${p(numbers.period)} lies outside it.`,
		fixHint: () => 'Use the program pack for this period, or check the report period.'
	},
	'empty-report': {
		message: ({ numbers }) =>
			`The report for ${p(numbers.period)} has no usage (${lineCount(numbers.lines)}).`,
		fixHint: () =>
			'Import the usage export, or confirm explicitly that there was no usage this month.'
	},
	'rows-left-out': {
		message: ({ numbers }) =>
			`${numbers.count === '1' ? '1 row' : `${numbers.count} rows`} of the file ${numbers.count === '1' ? 'is' : 'are'} not in this report${numbers.lines === '' ? '' : ` (line ${numbers.lines}${numbers.more === '0' ? '' : ` and ${numbers.more} more`})`}.`,
		fixHint: () =>
			'Under "Rows left out", correct each row into a line or exclude it with a reason, or import a corrected file.'
	},
	'zero-usage-confirmed': {
		message: ({ numbers }) => `No usage for ${p(numbers.period)}, as confirmed.`,
		fixHint: () =>
			'Nothing to do. If usage turns up, import the export for this month: it replaces this report.'
	},
	'new-sid': {
		message: (input) =>
			`${input.subject.sid} is new: not in last month's report (${lineCount(input.numbers.lines)}, ${m(input.numbers.total, input.numbers)}).`,
		fixHint: () =>
			'New business under the commit contract counts as a booking point; check that the SID is right.'
	},
	'new-customer': {
		message: (input) =>
			`${input.subject.customerRef} is a new customer: not in last month's report (${lineCount(input.numbers.lines)}, ${m(input.numbers.total, input.numbers)}).`,
		fixHint: () =>
			'New business under the commit contract counts as a booking point; check the customer name against last month.'
	},
	'totals-computed': {
		message: ({ numbers }) =>
			`The file had no total column: the totals of ${lineCount(numbers.lines)} were computed as quantity × unit price, rounded half-even to 2 decimals.`,
		fixHint: () =>
			"Nothing to do. Compare the report total with your aggregator's invoice; if the vendor's export has totals, import that export instead."
	},
	'previous-period-gap': {
		message: ({ numbers }) =>
			`Compared with the report for ${p(numbers.previousPeriod)}, not ${p(numbers.expectedPeriod)}: changes may span more than one month.`,
		fixHint: () => 'Deliver the missing month first, or read the changes with the gap in mind.'
	}
};

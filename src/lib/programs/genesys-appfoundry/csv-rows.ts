import type { NumberLocale } from '../../import/import-problem';
import { classifyNumber, parseLocaleNumber } from '../../import/locale-number';
import type { DecimalString } from '../../domain/money';
import type { MappedCsv, MappedRecord } from './csv-columns';
import { isRealDate } from './iso-date';
import {
	leadSchema,
	revenueRecordSchema,
	type Lead,
	type LeadStatus,
	type Listing,
	type RevenueRecord
} from './records';

export type GenesysRowProblemCode =
	| 'broken-row'
	| 'missing-column'
	| 'missing-value'
	| 'invalid-date'
	| 'not-a-number'
	| 'ambiguous-number'
	| 'invalid-choice'
	| 'invalid-currency'
	| 'unknown-listing';

/** A row that could not become a record: what, and where (file, physical line, field, cell). */
export type GenesysRowProblem = {
	code: GenesysRowProblemCode;
	file: string;
	line?: number;
	field?: string;
	/** The header as the file writes it. */
	column?: string;
	value?: string;
	/** The accepted values, for `invalid-choice`. */
	expected?: string;
};

export type ParsedRows<T> = {
	records: { line: number; record: T }[];
	problems: GenesysRowProblem[];
};

type RowContext = {
	file: string;
	row: MappedRecord;
	columns: Record<string, string>;
	problems: GenesysRowProblem[];
};

function problem(
	context: RowContext,
	code: GenesysRowProblemCode,
	field: string,
	extra: Partial<GenesysRowProblem> = {}
): undefined {
	const found: GenesysRowProblem = { code, file: context.file, line: context.row.line, field };
	if (context.columns[field] !== undefined) found.column = context.columns[field];
	const value = context.row.values[field];
	if (value !== undefined && value.trim() !== '') found.value = value;
	context.problems.push({ ...found, ...extra });
	return undefined;
}

function cell(context: RowContext, field: string): string | undefined {
	const value = context.row.values[field]?.trim();
	return value === undefined || value === '' ? undefined : value;
}

function required(context: RowContext, field: string): string | undefined {
	return cell(context, field) ?? problem(context, 'missing-value', field);
}

/** ISO `2026-03-31` or German `31.03.2026`; a day that does not exist is invalid. */
function readDate(context: RowContext, field: string, optional = false): string | undefined {
	const text = optional ? cell(context, field) : required(context, field);
	if (text === undefined) return undefined;
	const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
	const iso = german
		? `${german[3]}-${german[2].padStart(2, '0')}-${german[1].padStart(2, '0')}`
		: text;
	return isRealDate(iso) ? iso : problem(context, 'invalid-date', field);
}

/** A number as the stated locale writes it; without one, a cell both locales read differently is a problem, never a guess. */
function readAmount(
	context: RowContext,
	field: string,
	locale: NumberLocale | undefined,
	optional = false
): DecimalString | undefined {
	const text = optional ? cell(context, field) : required(context, field);
	if (text === undefined) return undefined;
	let use = locale;
	if (use === undefined) {
		const evidence = classifyNumber({ text });
		if (evidence === 'ambiguous') return problem(context, 'ambiguous-number', field);
		use = evidence === 'de' ? 'de' : 'en';
	}
	const parsed = parseLocaleNumber({ text, locale: use });
	return parsed.ok ? parsed.value : problem(context, 'not-a-number', field);
}

function readChoice<T extends string>(
	context: RowContext,
	field: string,
	choices: Record<string, T>
): T | undefined {
	const text = required(context, field);
	if (text === undefined) return undefined;
	const choice = choices[text.toLowerCase().replace(/[\s_]+/g, '-')];
	return (
		choice ??
		problem(context, 'invalid-choice', field, {
			expected: [...new Set(Object.values(choices))].join(', ')
		})
	);
}

function readCurrency(context: RowContext, field: string, fallback?: string): string | undefined {
	const text = cell(context, field) ?? fallback;
	if (text === undefined) return problem(context, 'missing-value', field);
	const code = text.toUpperCase();
	return /^[A-Z]{3}$/.test(code) ? code : problem(context, 'invalid-currency', field);
}

/** The listing id, or the id of the listing the row names when the file has no id column. */
function readListingId(context: RowContext, listings?: readonly Listing[]): string | undefined {
	const id = cell(context, 'listingId');
	if (id !== undefined) return id;
	const name = cell(context, 'listing');
	if (name === undefined || !listings) return problem(context, 'missing-value', 'listingId');
	const found = listings.find((listing) => listing.name.toLowerCase() === name.toLowerCase());
	return found ? found.listingId : problem(context, 'unknown-listing', 'listing');
}

const YES_NO: Record<string, 'yes' | 'no'> = {
	yes: 'yes',
	y: 'yes',
	ja: 'yes',
	true: 'yes',
	'1': 'yes',
	no: 'no',
	n: 'no',
	nein: 'no',
	false: 'no',
	'0': 'no'
};
const SOURCES: Record<string, RevenueRecord['source']> = {
	'genesys-billing': 'genesys-billing',
	genesys: 'genesys-billing',
	'genesys-rechnung': 'genesys-billing',
	'partner-billing': 'partner-billing',
	partner: 'partner-billing',
	'partner-rechnung': 'partner-billing'
};
const STATUSES: Record<string, LeadStatus> = {
	new: 'new',
	neu: 'new',
	contacted: 'contacted',
	kontaktiert: 'contacted',
	qualified: 'qualified',
	qualifiziert: 'qualified',
	won: 'won',
	gewonnen: 'won',
	lost: 'lost',
	verloren: 'lost'
};

function missingColumns(
	csv: MappedCsv,
	fields: readonly string[],
	alternatives: Record<string, string> = {}
): GenesysRowProblem[] {
	return fields
		.filter(
			(field) => csv.columns[field] === undefined && csv.columns[alternatives[field]] === undefined
		)
		.map((field) => ({ code: 'missing-column' as const, file: csv.file, field }));
}

function brokenRows(csv: MappedCsv): GenesysRowProblem[] {
	return csv.brokenLines.map((broken) => ({
		code: 'broken-row',
		file: csv.file,
		line: broken.line,
		value: String(broken.cells),
		expected: String(broken.expected)
	}));
}

function parseRows<T>(
	csv: MappedCsv,
	build: (context: RowContext) => T | undefined
): ParsedRows<T> {
	const result: ParsedRows<T> = { records: [], problems: brokenRows(csv) };
	for (const row of csv.rows) {
		const context: RowContext = { file: csv.file, row, columns: csv.columns, problems: [] };
		const record = build(context);
		if (record !== undefined && context.problems.length === 0)
			result.records.push({ line: row.line, record });
		result.problems.push(...context.problems);
	}
	result.problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
	return result;
}

const REVENUE_REQUIRED = [
	'date',
	'source',
	'listingId',
	'customer',
	'recurring',
	'grossAmount',
	'currency'
];

/**
 * Mapped revenue rows to revenue records. A row with any problem gives no record (a half-read
 * amount must not reach the KPI); each problem names the file, line and field.
 */
export function parseRevenueRows(options: {
	csv: MappedCsv;
	numberLocale?: NumberLocale;
	listings?: readonly Listing[];
}): ParsedRows<RevenueRecord> {
	const { csv, numberLocale, listings } = options;
	const missing = missingColumns(csv, REVENUE_REQUIRED, { listingId: 'listing' });
	if (missing.length > 0) return { records: [], problems: missing };
	return parseRows(csv, (context) => {
		const draft = {
			date: readDate(context, 'date'),
			invoiceNo: cell(context, 'invoiceNo'),
			listingId: readListingId(context, listings),
			customer: required(context, 'customer'),
			source: readChoice(context, 'source', SOURCES),
			recurring: readChoice(context, 'recurring', YES_NO),
			grossAmount: readAmount(context, 'grossAmount', numberLocale),
			currency: readCurrency(context, 'currency'),
			description: cell(context, 'description')
		};
		if (context.problems.length > 0) return undefined;
		const parsed = revenueRecordSchema.safeParse({
			...draft,
			recurring: draft.recurring === 'yes'
		});
		return parsed.success ? parsed.data : undefined;
	});
}

const LEAD_REQUIRED = ['leadId', 'createdOn', 'listingId', 'customer', 'status', 'statusChangedOn'];

/** The currency a header states in brackets: `Est. Annual Value (USD)`. */
function currencyInHeader(header: string | undefined): string | undefined {
	return header ? /\(([A-Z]{3})\)\s*$/.exec(header)?.[1] : undefined;
}

/** Mapped lead rows to leads; an empty value cell means "not estimated yet", not a problem. */
export function parseLeadRows(options: {
	csv: MappedCsv;
	numberLocale?: NumberLocale;
	listings?: readonly Listing[];
}): ParsedRows<Lead> {
	const { csv, numberLocale, listings } = options;
	const missing = missingColumns(csv, LEAD_REQUIRED, { listingId: 'listing' });
	if (missing.length > 0) return { records: [], problems: missing };
	const headerCurrency = currencyInHeader(csv.columns.estimatedAnnualValue);
	return parseRows(csv, (context) => {
		const value = readAmount(context, 'estimatedAnnualValue', numberLocale, true);
		const draft = {
			leadId: required(context, 'leadId'),
			createdOn: readDate(context, 'createdOn'),
			listingId: readListingId(context, listings),
			customer: required(context, 'customer'),
			region: cell(context, 'region'),
			country: cell(context, 'country'),
			salesRep: cell(context, 'salesRep'),
			forwardedToOwnerOn: readDate(context, 'forwardedToOwnerOn', true),
			forwardedToRepOn: readDate(context, 'forwardedToRepOn', true),
			status: readChoice(context, 'status', STATUSES),
			statusChangedOn: readDate(context, 'statusChangedOn'),
			estimatedAnnualValue: value,
			currency: value === undefined ? undefined : readCurrency(context, 'currency', headerCurrency)
		};
		if (context.problems.length > 0) return undefined;
		const defined = Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== undefined));
		const parsed = leadSchema.safeParse(defined);
		return parsed.success ? parsed.data : undefined;
	});
}

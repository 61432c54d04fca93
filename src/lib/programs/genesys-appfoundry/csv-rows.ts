import type { MappedCsv } from './csv-columns';
import {
	cell,
	readAmount,
	readChoice,
	readCurrency,
	readDate,
	readListingId,
	problem,
	required,
	type GenesysRowProblem,
	type NumberReader,
	type ParsedRows,
	type RowContext
} from './csv-cells';
import {
	leadSchema,
	listingSchema,
	revenueRecordSchema,
	trainingEvidenceSchema,
	type Lead,
	type LeadStatus,
	type Listing,
	type RevenueRecord,
	type TrainingEvidence
} from './records';

export type {
	GenesysRowProblem,
	GenesysRowProblemCode,
	NumberReader,
	ParsedRows
} from './csv-cells';

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
	/** The importer's number reader for the file's stated locale (see `NumberReader`). */
	readNumber: NumberReader;
	listings?: readonly Listing[];
}): ParsedRows<RevenueRecord> {
	const { csv, readNumber, listings } = options;
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
			grossAmount: readAmount(context, 'grossAmount', readNumber),
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
	/** The importer's number reader for the file's stated locale (see `NumberReader`). */
	readNumber: NumberReader;
	listings?: readonly Listing[];
}): ParsedRows<Lead> {
	const { csv, readNumber, listings } = options;
	const missing = missingColumns(csv, LEAD_REQUIRED, { listingId: 'listing' });
	if (missing.length > 0) return { records: [], problems: missing };
	const headerCurrency = currencyInHeader(csv.columns.estimatedAnnualValue);
	return parseRows(csv, (context) => {
		const value = readAmount(context, 'estimatedAnnualValue', readNumber, true);
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

/** Mapped listing rows to listings; an empty launch date means "not launched yet". */
export function parseListingRows(options: { csv: MappedCsv }): ParsedRows<Listing> {
	const { csv } = options;
	const missing = missingColumns(csv, ['listingId', 'name', 'isvApp']);
	if (missing.length > 0) return { records: [], problems: missing };
	return parseRows(csv, (context) => {
		const draft = {
			listingId: required(context, 'listingId'),
			name: required(context, 'name'),
			isvApp: readChoice(context, 'isvApp', YES_NO),
			pricingModel: cell(context, 'pricingModel') ?? '',
			launchedOn: readDate(context, 'launchedOn', true)
		};
		if (context.problems.length > 0) return undefined;
		const defined = Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== undefined));
		const parsed = listingSchema.safeParse({ ...defined, isvApp: draft.isvApp === 'yes' });
		return parsed.success ? parsed.data : undefined;
	});
}

/** Mapped training rows to training evidence; an expiry before completion is a problem. */
export function parseTrainingRows(options: { csv: MappedCsv }): ParsedRows<TrainingEvidence> {
	const { csv } = options;
	const missing = missingColumns(csv, ['person', 'course', 'completedOn', 'expiresOn']);
	if (missing.length > 0) return { records: [], problems: missing };
	return parseRows(csv, (context) => {
		const draft = {
			person: required(context, 'person'),
			role: cell(context, 'role'),
			course: required(context, 'course'),
			completedOn: readDate(context, 'completedOn'),
			expiresOn: readDate(context, 'expiresOn'),
			evidenceFile: cell(context, 'evidenceFile')
		};
		if (context.problems.length > 0) return undefined;
		if (draft.expiresOn && draft.completedOn && draft.expiresOn < draft.completedOn) {
			problem(context, 'expires-before-completed', 'expiresOn');
			return undefined;
		}
		const defined = Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== undefined));
		const parsed = trainingEvidenceSchema.safeParse(defined);
		return parsed.success ? parsed.data : undefined;
	});
}

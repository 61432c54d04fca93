import { describe, expect, it } from 'vitest';
import { numberReader, readGenesysCsv } from '../../../../tests/helpers/genesys';
import { formatGenesysRowProblem } from './csv-messages';
import { parseLeadRows, parseRevenueRows, parseTrainingRows } from './csv-rows';
import { listings } from './test-packs';

const REVENUE_HEADER =
	'Invoice Date,Invoice No,Source,Listing ID,Customer,Recurring,Gross Amount,Currency';

function revenueOf(lines: string[], locale?: 'de' | 'en') {
	const csv = readGenesysCsv({
		text: [REVENUE_HEADER, ...lines].join('\n'),
		file: 'rev.csv',
		kind: 'revenue'
	});
	return parseRevenueRows({ csv, readNumber: numberReader(locale) });
}

describe('parseRevenueRows', () => {
	it('turns each bad row into problems naming line and field, and keeps the good rows', () => {
		// Line 2 good; line 3 a non-date and a source that is not one of the two; line 4 an empty
		// customer and a non-number amount; line 5 a cell too many; line 6 a month 13.
		const parsed = revenueOf(
			[
				'2026-01-31,GBL-1,genesys-billing,app-1,Altavera,yes,3172.75,USD',
				'31/01/2026,GBL-2,reseller,app-1,Altavera,yes,10.00,USD',
				'2026-02-28,GBL-3,partner-billing,app-1,,no,zwölf,USD',
				'2026-02-28,GBL-4,partner-billing,app-1,Quill,yes,1.00,USD,extra',
				'2026-13-01,GBL-5,partner-billing,app-1,Quill,yes,1.00,USD'
			],
			'en'
		);
		expect(parsed.records.map((row) => [row.line, row.record.grossAmount])).toEqual([
			[2, '3172.75']
		]);
		expect(parsed.problems).toEqual([
			{
				code: 'invalid-date',
				file: 'rev.csv',
				line: 3,
				field: 'date',
				column: 'Invoice Date',
				value: '31/01/2026'
			},
			{
				code: 'invalid-choice',
				file: 'rev.csv',
				line: 3,
				field: 'source',
				column: 'Source',
				value: 'reseller',
				expected: 'genesys-billing, partner-billing'
			},
			{ code: 'missing-value', file: 'rev.csv', line: 4, field: 'customer', column: 'Customer' },
			{
				code: 'not-a-number',
				file: 'rev.csv',
				line: 4,
				field: 'grossAmount',
				column: 'Gross Amount',
				value: 'zwölf'
			},
			{ code: 'broken-row', file: 'rev.csv', line: 5, value: '9', expected: '8' },
			{
				code: 'invalid-date',
				file: 'rev.csv',
				line: 6,
				field: 'date',
				column: 'Invoice Date',
				value: '2026-13-01'
			}
		]);
		expect(formatGenesysRowProblem(parsed.problems[3], 'en')).toBe(
			'rev.csv, line 4, gross amount: "zwölf" is not a number.'
		);
		expect(formatGenesysRowProblem(parsed.problems[0], 'de')).toBe(
			'rev.csv, Zeile 3, Rechnungsdatum („Invoice Date“): „31/01/2026“ ist kein Datum; schreiben Sie 31.03.2026 oder 2026-03-31.'
		);
	});

	it('reads German numbers and dates when the mapping says de, and refuses to guess without', () => {
		// "1.234,50" in German is 1234.50. "1.480" read both ways is 1480 or 1.48: ambiguous
		// without a stated format, a problem rather than a guess.
		const de = revenueOf(['31.03.2026,R-1,partner-billing,app-1,Nordhavn,ja,"1.234,50",EUR'], 'de');
		expect(de.records[0].record).toMatchObject({
			date: '2026-03-31',
			grossAmount: '1234.50',
			recurring: true,
			currency: 'EUR'
		});
		const unsure = revenueOf(['2026-03-31,R-2,partner-billing,app-1,Nordhavn,yes,1.480,EUR']);
		expect(unsure.problems.map((p) => [p.code, p.line, p.field])).toEqual([
			['ambiguous-number', 2, 'grossAmount']
		]);
	});

	it('names a missing column once instead of every row', () => {
		const csv = readGenesysCsv({
			text: 'Invoice Date,Customer\n2026-01-01,A\n',
			file: 'short.csv',
			kind: 'revenue'
		});
		const parsed = parseRevenueRows({ csv, readNumber: numberReader('en') });
		expect(parsed.records).toEqual([]);
		expect(parsed.problems.map((p) => p.field)).toEqual([
			'source',
			'listingId',
			'recurring',
			'grossAmount',
			'currency'
		]);
	});

	it('finds the listing by name when the file has no id column', () => {
		const csv = readGenesysCsv({
			text: 'Date;Listing;Customer;Source;Recurring;Gross Amount;Currency\n2026-01-01;queue app;A;partner;yes;5;USD\n2026-01-01;Other;A;partner;yes;5;USD\n',
			file: 'named.csv',
			kind: 'revenue'
		});
		const parsed = parseRevenueRows({ csv, readNumber: numberReader('en'), listings });
		expect(parsed.records[0].record.listingId).toBe('app-1');
		expect(parsed.problems).toEqual([
			{
				code: 'unknown-listing',
				file: 'named.csv',
				line: 3,
				field: 'listing',
				column: 'Listing',
				value: 'Other'
			}
		]);
	});
});

describe('parseLeadRows', () => {
	const header =
		'Lead ID,Created,Listing ID,Customer Org,Status,Status Changed,Forwarded to Sales Rep,Est. Annual Value (USD)';
	it('reads a lead, leaves an empty estimate out and rejects an unknown status', () => {
		const csv = readGenesysCsv({
			text: [
				header,
				'AFL-1,2026-01-06,app-1,Harrowgate,won,2026-01-28,2026-01-06,10680.00',
				'AFL-2,2026-01-07,app-1,Pampa,new,2026-01-07,,',
				'AFL-3,2026-01-08,app-1,Orchard,pending,2026-01-08,,'
			].join('\n'),
			file: 'leads.csv',
			kind: 'leads'
		});
		const parsed = parseLeadRows({ csv, readNumber: numberReader('en') });
		expect(parsed.records.map((row) => row.record)).toEqual([
			{
				leadId: 'AFL-1',
				createdOn: '2026-01-06',
				listingId: 'app-1',
				customer: 'Harrowgate',
				status: 'won',
				statusChangedOn: '2026-01-28',
				forwardedToRepOn: '2026-01-06',
				estimatedAnnualValue: '10680.00',
				currency: 'USD'
			},
			{
				leadId: 'AFL-2',
				createdOn: '2026-01-07',
				listingId: 'app-1',
				customer: 'Pampa',
				status: 'new',
				statusChangedOn: '2026-01-07'
			}
		]);
		expect(parsed.problems).toEqual([
			{
				code: 'invalid-choice',
				file: 'leads.csv',
				line: 4,
				field: 'status',
				column: 'Status',
				value: 'pending',
				expected: 'new, contacted, qualified, won, lost'
			}
		]);
	});
});

describe('parseTrainingRows', () => {
	it('refuses an expiry before the completion, naming the field', () => {
		const csv = readGenesysCsv({
			text: 'Person,Course,Completed,Expires\nLena Vogt,Platform Fundamentals,2026-03-14,2025-03-14\n',
			file: 'training.csv',
			kind: 'training'
		});
		const parsed = parseTrainingRows({ csv });
		expect(parsed.records).toEqual([]);
		expect(parsed.problems).toEqual([
			{
				code: 'expires-before-completed',
				file: 'training.csv',
				line: 2,
				field: 'expiresOn',
				column: 'Expires',
				value: '2025-03-14'
			}
		]);
		expect(formatGenesysRowProblem(parsed.problems[0], 'en')).toBe(
			'training.csv, line 2, expires: "2025-03-14" is before the completion date.'
		);
	});
});

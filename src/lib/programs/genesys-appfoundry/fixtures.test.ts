import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { numberReader, readGenesysCsv } from '../../../../tests/helpers/genesys';
import { parseLeadRows, parseListingRows, parseRevenueRows, parseTrainingRows } from './csv-rows';
import { trainedPeopleOn } from './training';
import { builtInGenesysPacks } from './pack';
import { recurringKpi } from './kpi';
import { kpiByMonth } from './kpi-by-month';
import { staleLeads } from './leads';

// The sample data (tests/fixtures/SAMPLE-DATA.md "Genesys AppFoundry"), copied from the shared fixtures.
const root = fileURLToPath(new URL('../../../../tests/fixtures/', import.meta.url));
const read = (name: string) => readFileSync(`${root}/${name}`, 'utf8');
const all = JSON.parse(read('expected.json'));
const expected = all.genesys;
/** The demo's "today", 2026-11-12. */
const asOf: string = all.asOf;

const listingsCsv = readGenesysCsv({
	text: read('genesys/listings.csv'),
	file: 'listings.csv',
	kind: 'listings'
});
const listings = parseListingRows({ csv: listingsCsv }).records.map((row) => row.record);

function revenue() {
	const csv = readGenesysCsv({
		text: read('genesys/revenue-2026.csv'),
		file: 'revenue-2026.csv',
		kind: 'revenue'
	});
	return parseRevenueRows({ csv, readNumber: numberReader('en') });
}

describe('the fixture revenue', () => {
	it('reads all 64 records without a problem', () => {
		const parsed = revenue();
		expect(parsed.problems).toEqual([]);
		expect(parsed.records).toHaveLength(expected['revenue-2026.csv'].records);
		// Line 2 is the first data row (the header is line 1).
		expect(parsed.records[0]).toEqual({
			line: 2,
			record: expect.objectContaining({
				date: '2025-12-31',
				grossAmount: '3159.80',
				recurring: true,
				source: 'genesys-billing',
				currency: 'USD'
			})
		});
	});

	it('gives the recurring KPI of expected.json on the demo date', () => {
		const figures = expected['revenue-2026.csv'];
		const kpi = recurringKpi({
			records: revenue().records.map((row) => row.record),
			listings,
			year: 2026,
			onDate: '2026-11-12',
			kpiCurrency: 'USD'
		});
		expect(kpi.kpi).toBe(figures.recurring2026);
		expect(kpi.bySource).toEqual(figures.recurringBySource);
		expect(kpi.counted).toHaveLength(figures.recurringRecords2026);
		const otherYear = kpi.excluded.filter((row) => row.reason === 'other-year');
		expect(
			otherYear.map((row) => ({ date: row.record.date, amount: row.record.grossAmount }))
		).toEqual(figures.excludedOtherYear);
		// The 5 one-time records (18,350.00) include the Survey Bridge pilot fee: one-time comes first.
		expect(kpi.excluded.filter((row) => row.reason === 'one-time')).toHaveLength(
			figures.oneTimeRecords2026
		);
		expect(kpi.excluded).toHaveLength(1 + 5);
	});

	it('gives the month table of expected.json, the last month ending at the KPI', () => {
		const kpi = recurringKpi({
			records: revenue().records.map((row) => row.record),
			listings,
			year: 2026,
			onDate: asOf,
			kpiCurrency: 'USD'
		});
		const months = kpiByMonth(kpi);
		const byMonth = expected['revenue-2026.csv'].recurringByMonth;
		expect(
			Object.fromEntries(
				months.map((m) => [
					m.month,
					{
						genesysBilling: m.bySource['genesys-billing'],
						partnerBilling: m.bySource['partner-billing'],
						recurring: m.recurring
					}
				])
			)
		).toEqual(byMonth);
		expect(months.at(-1)?.cumulative).toBe(kpi.kpi);
		// October's cumulative is the KPI through 31 October.
		expect(months[9].cumulative).toBe(expected['revenue-2026.csv'].recurringThrough2026_10_31);
	});

	it('gives the figure through 31 October', () => {
		const kpi = recurringKpi({
			records: revenue().records.map((row) => row.record),
			listings,
			year: 2026,
			onDate: '2026-10-31',
			kpiCurrency: 'USD'
		});
		expect(kpi.kpi).toBe(expected['revenue-2026.csv'].recurringThrough2026_10_31);
	});
});

describe('the fixture leads', () => {
	const csv = readGenesysCsv({ text: read('genesys/leads.csv'), file: 'leads.csv', kind: 'leads' });
	const parsed = parseLeadRows({ csv, readNumber: numberReader('en') });

	it('reads 25 leads with their statuses and both forwarding dates', () => {
		const figures = expected['leads.csv'];
		expect(parsed.problems).toEqual([]);
		expect(parsed.records).toHaveLength(figures.rows);
		const byStatus: Record<string, number> = {};
		for (const { record } of parsed.records)
			byStatus[record.status] = (byStatus[record.status] ?? 0) + 1;
		expect(byStatus).toEqual(figures.byStatus);
		const notForwarded = parsed.records.filter(
			({ record }) => record.forwardedToRepOn === undefined
		);
		expect(notForwarded.map(({ record }) => record.customer)).toEqual(
			figures.notForwardedToSalesRep
		);
		// The value column's header says (USD): the currency of every estimate.
		expect(parsed.records[0].record).toMatchObject({
			estimatedAnnualValue: '10680.00',
			currency: 'USD',
			forwardedToOwnerOn: '2026-01-06'
		});
	});

	it('finds the stale open leads of expected.json for 30, 60 and 90 days', () => {
		const leads = parsed.records.map(({ record }) => record);
		for (const days of ['30', '60', '90'] as const) {
			const stale = staleLeads({ leads, date: asOf, days: Number(days) });
			expect(stale.map((found) => found.lead.customer).sort()).toEqual(
				[...expected['leads.csv'].staleOpenLeadsNoChangeForMoreThanDays[days]].sort()
			);
		}
	});
});

describe('the fixture listings and training', () => {
	it('reads 3 listings, one of them not an ISV app and not launched', () => {
		expect(parseListingRows({ csv: listingsCsv }).problems).toEqual([]);
		expect(listings).toHaveLength(expected['listings.csv'].rows);
		expect(listings.filter((listing) => !listing.isvApp).map((listing) => listing.name)).toEqual(
			expected['listings.csv'].withoutIsvStatus
		);
		expect(listings[2].launchedOn).toBeUndefined();
		expect(listings[0]).toMatchObject({
			name: 'Tidewell Queue Insights',
			isvApp: true,
			launchedOn: '2024-05-14'
		});
	});

	it('reads 8 training records of 5 people; on 12 Nov Tobias Reinhardt counts by his second course only', () => {
		const parsed = parseTrainingRows({
			csv: readGenesysCsv({
				text: read('genesys/training.csv'),
				file: 'training.csv',
				kind: 'training'
			})
		});
		expect(parsed.problems).toEqual([]);
		const training = parsed.records.map((row) => row.record);
		expect(training).toHaveLength(expected['training.csv'].rows);
		expect(new Set(training.map((t) => t.person)).size).toBe(expected['training.csv'].people);
		const [pack] = builtInGenesysPacks();
		// Technical on 12 Nov: Lena Vogt, Jan Pohlmann and Tobias Reinhardt (security course, to
		// 2027-02-11; his developer course expired 2026-08-29). Onboarding: Mira Osei, to 30 Nov.
		expect(
			trainedPeopleOn({
				training,
				requirements: pack.parameters.trainingRequirements.value,
				date: asOf
			})
		).toEqual([
			{
				requirementId: 'genesys-cloud-technical',
				people: ['Jan Pohlmann', 'Lena Vogt', 'Tobias Reinhardt']
			},
			{ requirementId: 'appfoundry-onboarding', people: ['Mira Osei'] }
		]);
	});
});

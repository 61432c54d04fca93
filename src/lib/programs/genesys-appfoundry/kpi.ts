import {
	add,
	isDecimalString,
	multiply,
	roundHalfEven,
	type DecimalString
} from '../../domain/money';
import { startOfYear, yearOf, type IsoDate } from './iso-date';
import { REVENUE_SOURCES, type Listing, type RevenueRecord, type RevenueSource } from './records';

/** Why a revenue record does not count towards the KPI; the first that applies, in this order. */
export type KpiExclusionReason =
	| 'other-year'
	| 'after-date'
	| 'one-time'
	| 'unknown-listing'
	| 'listing-not-isv-app'
	| 'currency-without-rate';

export type CountedRecord = {
	record: RevenueRecord;
	/** The gross amount in the KPI currency, exact (amount × rate, not rounded). */
	kpiAmount: DecimalString;
	/** The rate used: 1 unit of the record's currency = rate units of the KPI currency. */
	rate: DecimalString;
};

export type ExcludedRecord = { record: RevenueRecord; reason: KpiExclusionReason };

export type KpiResult = {
	year: number;
	from: IsoDate;
	through: IsoDate;
	currency: string;
	/** The rates stated next to the figure: only those a counted record used. */
	ratesUsed: Record<string, DecimalString>;
	/** Recurring gross revenue, half-even to cents once, at the end. */
	kpi: DecimalString;
	bySource: Record<RevenueSource, DecimalString>;
	/** Exact, unrounded: what the day-by-day grace check adds to. */
	exact: DecimalString;
	counted: CountedRecord[];
	excluded: ExcludedRecord[];
};

function exclusionOf(
	record: RevenueRecord,
	options: {
		year: number;
		onDate: IsoDate;
		listings: ReadonlyMap<string, Listing>;
		kpiCurrency: string;
		rates: Readonly<Record<string, string>>;
	}
): KpiExclusionReason | undefined {
	const { year, onDate } = options;
	// ISO days compare as strings.
	if (record.date < startOfYear(year)) return 'other-year';
	if (record.date > onDate) {
		const recordYear = yearOf(record.date);
		return recordYear === year || recordYear === yearOf(onDate) ? 'after-date' : 'other-year';
	}
	if (!record.recurring) return 'one-time';
	const listing = options.listings.get(record.listingId);
	if (!listing) return 'unknown-listing';
	if (!listing.isvApp) return 'listing-not-isv-app';
	if (record.currency !== options.kpiCurrency) {
		const rate = options.rates[record.currency];
		if (rate === undefined || !isDecimalString(rate)) return 'currency-without-rate';
	}
	return undefined;
}

/**
 * The KPI on `onDate` for program year `year`: the recurring gross revenue of both billing
 * sources dated from 1 January of `year` through `onDate`, both inclusive (seed: Genesys' and
 * the partner's gross invoices to end customers or resellers). One-time fees never count, nor
 * revenue of a listing that is not an ISV app in Genesys Cloud. Foreign amounts are converted
 * exactly (1 unit foreign = rate units of `kpiCurrency`) and the sums rounded half-even to cents
 * once. `onDate` is normally inside `year`; a later one (a grace period that runs past the year
 * end) extends the window, which is how `assessTier` reads such a grace period.
 */
export function recurringKpi(options: {
	records: readonly RevenueRecord[];
	listings: readonly Listing[];
	year: number;
	onDate: IsoDate;
	kpiCurrency: string;
	/** Per foreign currency, a decimal string: 1 unit of it = rate units of `kpiCurrency`. */
	rates?: Readonly<Record<string, string>>;
}): KpiResult {
	const { year, onDate, kpiCurrency } = options;
	const rates = options.rates ?? {};
	const listings = new Map(options.listings.map((listing) => [listing.listingId, listing]));
	const counted: CountedRecord[] = [];
	const excluded: ExcludedRecord[] = [];
	const exactBySource: Record<RevenueSource, DecimalString> = {
		'genesys-billing': '0' as DecimalString,
		'partner-billing': '0' as DecimalString
	};
	const ratesUsed: Record<string, DecimalString> = {};
	for (const record of options.records) {
		const reason = exclusionOf(record, { year, onDate, listings, kpiCurrency, rates });
		if (reason) {
			excluded.push({ record, reason });
			continue;
		}
		const rate = (record.currency === kpiCurrency ? '1' : rates[record.currency]) as DecimalString;
		if (record.currency !== kpiCurrency) ratesUsed[record.currency] = rate;
		const kpiAmount = multiply(record.grossAmount, rate);
		counted.push({ record, kpiAmount, rate });
		exactBySource[record.source] = add(exactBySource[record.source], kpiAmount);
	}
	const exact = add(exactBySource['genesys-billing'], exactBySource['partner-billing']);
	const bySource = Object.fromEntries(
		REVENUE_SOURCES.map((source) => [source, roundHalfEven(exactBySource[source])])
	) as Record<RevenueSource, DecimalString>;
	return {
		year,
		from: startOfYear(year),
		through: onDate,
		currency: kpiCurrency,
		ratesUsed,
		kpi: roundHalfEven(exact),
		bySource,
		exact,
		counted,
		excluded
	};
}

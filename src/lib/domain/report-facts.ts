import type { Period } from './period';

/**
 * One usage line as the rules engine sees it. Deliberately its own type, not the importer's:
 * the engine checks what it is given, so numbers arrive as text (a cell that is not a number is a
 * finding here, not a crash). `sku` is optional because not every export has one; months are
 * matched by SKU when present, else by description (product text is language-dependent).
 */
export type UsageLineFacts = {
	/** Line in the source file, for messages that name it. */
	line: number;
	sid: string;
	description: string;
	customerRef?: string;
	sku?: string;
	/** The unit as the export writes it (`Named User`); the pack says which units are counted. */
	unit?: string;
	quantity: string;
	unitPrice: string;
	total: string;
	/** ISO 4217; absent means the report currency. */
	currency?: string;
};

/** The previous, delivered report this one is compared with. */
export type PreviousReportFacts = { period: Period; lines: readonly UsageLineFacts[] };

/** Everything a check needs; gathered by the caller, so the engine reads no database. */
export type ReportFacts = {
	period: Period;
	/** The report currency (ISO 4217). */
	currency: string;
	lines: readonly UsageLineFacts[];
	previous?: PreviousReportFacts;
	/** When the report was submitted; absent while it is a draft. */
	submittedAt?: Date;
	/** The clock for an unsubmitted report's lateness; passed in to keep checks pure. */
	now: Date;
	/** The partner's zone from settings; a zone pinned by the pack wins. */
	timeZone: string;
	/** The user chose to submit a report without usage. */
	zeroUsageConfirmed?: boolean;
	/** The file had no total column: the line totals were computed from quantity × unit price. */
	totalsComputed?: boolean;
	/** Credit reasons the user entered, by file line. */
	creditReasons?: Readonly<Record<number, string>>;
	/** File lines of rows the import left out that are neither corrected nor excluded. */
	leftOutLines?: readonly number[];
	/** Rows left out before the app kept them: counted, but without lines or cells. */
	leftOutLost?: number;
};

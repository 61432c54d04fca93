import type { GroupTotal } from '$lib/domain/report-totals';
import type { OmnissaSpPack } from '$lib/programs/omnissa-sp/pack-schema';
import type { ReportFacts } from '$lib/domain/report-facts';
import type { Finding } from '$lib/domain/finding';
import type { FindingGroup } from '$lib/rules/finding-groups';
import type { ReviewSummary } from '$lib/rules/review-summary';

/**
 * Messages between a report's page and its worker, which runs the rules check and holds the long
 * lists. The worker reads the lines itself and keeps the findings; only the review summary and
 * each rule's group with its first findings cross to the page (a 100,000-line month had 100,002
 * findings, whose copy alone would block the page), further findings a page at a time, and all
 * of them only to sign. Totals per SID and per customer cross a page at a time too: reading the
 * 20,000 customers of such a month took the page most of a second.
 */
export type CheckRequest =
	| {
			type: 'check';
			id: number;
			/** The database to read; the app's own when absent (tests name theirs). */
			databaseName?: string;
			revisionId: string;
			/** Last month's revision the report is compared with, if any. */
			previousRevisionId?: string;
			/** The facts without lines: the worker reads both months' lines from the database. */
			facts: ReportFacts;
			pack: OmnissaSpPack;
			/** The revision's acknowledgements by finding key, for the summary. */
			acknowledged: Record<string, unknown>;
	  }
	| { type: 'page'; id: number; group: string; offset: number; limit: number }
	| { type: 'findings'; id: number }
	| {
			type: 'totals';
			id: number;
			databaseName?: string;
			revisionId: string;
			/** Changes with the revision: the totals are read again. */
			version: string;
			by: 'bySid' | 'byCustomer';
			offset: number;
			limit: number;
	  };

/** A request before its id is given; the id pairs it with its reply. */
export type CheckQuestion = CheckRequest extends infer R
	? R extends CheckRequest
		? Omit<R, 'id'>
		: never
	: never;

/** At most this many findings of a group cross with the check; the rest a page at a time. */
export const FINDINGS_PER_PAGE = 20;

/** A rule's group as the page gets it: the count and the first page of its findings. */
export type FindingGroupView = Omit<FindingGroup, 'findings'> & { first: Finding[] };

export type CheckReply =
	| {
			type: 'checked';
			id: number;
			summary: ReviewSummary;
			groups: FindingGroupView[];
			/** All findings, of every group. */
			count: number;
	  }
	| { type: 'page'; id: number; findings: Finding[] }
	| { type: 'findings'; id: number; findings: Finding[] }
	/** Rows `offset` onwards of the totals, and how many rows there are. */
	| { type: 'totals'; id: number; rows: GroupTotal[]; count: number }
	/** `code` is a storage problem code, or `unexpected` with the error text. */
	| { type: 'failed'; id: number; code: string; detail?: string };

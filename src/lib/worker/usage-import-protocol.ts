import type { Period } from '$lib/domain/period';
import type { ProgramId } from '$lib/domain/programs';
import type { ReportKind } from '$lib/domain/report';
import type { ColumnMapping } from '$lib/import/column-mapping';
import type { ImportProblem } from '$lib/import/import-problem';
import type { ImportDetection } from '$lib/import/read-usage-table';
import type { UsageImportResult } from '$lib/import/run-usage-import';

/**
 * Messages between the Reports page and the import worker. Only progress and a
 * summary cross: posting 100k parsed rows back would cost more than parsing
 * them (DESIGN.md), so the lines stay in the worker until they are stored.
 */
export type ImportRequest =
	| {
			type: 'check';
			file: File;
			/** The user's mapping, saved as a preset for `source` once the file is stored. */
			mapping?: { source: string; columns: ColumnMapping };
	  }
	| {
			type: 'store';
			programId: ProgramId;
			period: Period;
			currency: string;
			/** A correction of the month (a revision) or late usage for it (an adjustment). */
			kind: ReportKind;
			/** The draft whose lines the file replaces (the user confirmed). */
			replace?: string;
			/** The user chose to import the valid rows and leave the rest out. */
			validRowsOnly: boolean;
	  }
	| { type: 'cancel' };

/** At most this many problems cross to the page; the count says how many there are. */
export const PROBLEMS_SHOWN = 500;

export type ImportCheck = {
	fileName: string;
	digest: string;
	detected: ImportDetection;
	totals: Pick<UsageImportResult['totals'], 'lines' | 'quantity' | 'amount'>;
	rowsRead: number;
	/** Problems with the whole file: nothing can be imported. */
	fileProblems: ImportProblem[];
	rowProblems: ImportProblem[];
	rowProblemCount: number;
	/** Lines that could not be read, which "valid rows only" leaves out. */
	invalidLines: number;
	/** The periods the file's rows name, if it has a period column. */
	periods: string[];
	/** The currencies the rows name. */
	currencies: string[];
	/** A stored revision made from the very same bytes. */
	duplicateOf?: { revisionId: string; period: string; revision: number };
};

export type ImportReply =
	| { type: 'reading'; bytesRead: number; size: number }
	| { type: 'progress'; rowsRead: number }
	| { type: 'checked'; check: ImportCheck }
	| { type: 'stored'; revisionId: string }
	| { type: 'cancelled' }
	/** `code` is a storage problem code, or `unexpected` with the error text. */
	| { type: 'failed'; code: string; detail?: string };

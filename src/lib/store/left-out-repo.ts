import type { UsageLine } from '$lib/domain/usage-line';
import {
	LeftOutRowsSchema,
	resolveRow,
	type LeftOutProblem,
	type LeftOutRows
} from '$lib/domain/left-out-rows';
import { isFrozen, ReportRevisionSchema, type ReportRevision } from '$lib/domain/report';
import type { ResolvedColumns } from '$lib/import/column-mapping';
import type { ImportProblem } from '$lib/import/import-problem';
import type { SkippedRow } from '$lib/import/run-usage-import';
import { createRowContext, validateUsageRow } from '$lib/import/validate-usage-row';
import { audit, withAuditTables } from './audit';
import type { PartnerDeskDatabase } from './db';
import { guardStorage } from './errors';
import { readLines, writeLines } from './report-repo';
import { StoreRefused } from './store-refused';

/** What an import hands over about the rows it left out; the revision id is added on store. */
export type LeftOutImport = Omit<LeftOutRows, 'revisionId' | 'lostRows'>;

/**
 * The left-out rows of an import result: each skipped row with the problems on its line, and
 * the header and columns needed to read a corrected row the way the file was read.
 */
export function leftOutOf(options: {
	fileName: string;
	header: readonly string[];
	columns: ResolvedColumns;
	numberLocale?: 'de' | 'en';
	skippedRows: readonly SkippedRow[];
	problems: readonly ImportProblem[];
}): LeftOutImport {
	const byLine = new Map<number, LeftOutProblem[]>();
	for (const problem of options.problems) {
		if (problem.line === undefined) continue;
		const list = byLine.get(problem.line) ?? [];
		// The record names the file once; each problem keeps its code and where in the row.
		const { code, field, column, value, expected, numberLocale } = problem;
		const named = { code, field, column, value, expected, numberLocale };
		list.push(
			Object.fromEntries(
				Object.entries(named).filter(([, part]) => part !== undefined)
			) as LeftOutProblem
		);
		byLine.set(problem.line, list);
	}
	return {
		fileName: options.fileName,
		header: [...options.header],
		columns: { ...options.columns } as Record<string, number>,
		...(options.numberLocale ? { numberLocale: options.numberLocale } : {}),
		rows: options.skippedRows.map((row) => ({
			line: row.line,
			cells: row.cells,
			problems: byLine.get(row.line) ?? []
		}))
	};
}

/**
 * Replaces a revision's left-out rows with those of its new file (none: the record goes).
 * Call it inside the transaction that stores the file's lines.
 */
export async function writeLeftOutRows(
	db: PartnerDeskDatabase,
	revisionId: string,
	leftOut: LeftOutImport | undefined
): Promise<number> {
	if (!leftOut || leftOut.rows.length === 0) {
		await db.leftOutRows.delete(revisionId);
		return 0;
	}
	await db.leftOutRows.put(LeftOutRowsSchema.parse({ ...leftOut, revisionId }));
	return leftOut.rows.length;
}

export function readLeftOutRows(
	db: PartnerDeskDatabase,
	revisionId: string
): Promise<LeftOutRows | undefined> {
	return guardStorage(() => db.leftOutRows.get(revisionId));
}

/** Reads a draft and its left-out rows inside a transaction; a bug if either is missing. */
async function draftWithRows(
	db: PartnerDeskDatabase,
	revisionId: string
): Promise<{ revision: ReportRevision; record: LeftOutRows }> {
	const revision = await db.reports.get(revisionId);
	if (!revision || isFrozen(revision.state))
		throw new StoreRefused('not-a-draft', `revision ${revisionId} is not a draft`);
	const record = await db.leftOutRows.get(revisionId);
	if (!record)
		throw new StoreRefused('no-left-out-rows', `revision ${revisionId} has no left-out rows`);
	return { revision, record };
}

/**
 * Leaves a row of the file out of the report on purpose: a reason code from the pack and the
 * partner's words, both required; they go into the bundle's `excludedRows` and the audit log.
 */
export async function excludeLeftOutRow(
	db: PartnerDeskDatabase,
	options: { revisionId: string; line: number; reasonCode: string; comment: string; now?: Date }
): Promise<LeftOutRows> {
	const at = (options.now ?? new Date()).toISOString();
	const { revisionId, line, reasonCode, comment } = options;
	return guardStorage(() =>
		db.transaction('rw', withAuditTables(db, db.leftOutRows), async () => {
			const { revision, record } = await draftWithRows(db, revisionId);
			const rows = resolveRow(record.rows, line, { kind: 'excluded', reasonCode, comment, at });
			const next = { ...record, rows };
			await db.leftOutRows.put(next);
			await db.reports.put({ ...revision, updatedAt: at });
			await audit(
				db,
				{
					revisionId,
					action: 'row-excluded',
					detail: { line, reasonCode, comment: comment.trim() }
				},
				at
			);
			return next;
		})
	);
}

export type CorrectLeftOutResult =
	| { ok: true; revision: ReportRevision; line: UsageLine }
	| { ok: false; problems: ImportProblem[] };

/**
 * Corrects a left-out row's cells into a report line: the cells are read as the file was read
 * (its columns and number format), and only a row that gives a line is taken; otherwise its
 * problems come back and nothing changes. The line keeps the row's line number; lines, totals,
 * the row's resolution and an audit entry with the cells before and after are written together.
 */
export async function correctLeftOutRow(
	db: PartnerDeskDatabase,
	options: {
		revisionId: string;
		line: number;
		cells: string[];
		/** The effective pack's `sidPattern` (a regular expression source), as the import used. */
		sidPattern?: string;
		now?: Date;
	}
): Promise<CorrectLeftOutResult> {
	const at = (options.now ?? new Date()).toISOString();
	const { revisionId, line, cells } = options;
	const tables = withAuditTables(db, db.lineChunks, db.groupTotals, db.leftOutRows);
	return guardStorage(() =>
		db.transaction('rw', tables, async (): Promise<CorrectLeftOutResult> => {
			const { revision, record } = await draftWithRows(db, revisionId);
			const context = createRowContext({
				file: record.fileName,
				header: record.header,
				columns: record.columns as ResolvedColumns,
				numberLocale: record.numberLocale,
				...(options.sidPattern ? { sidPattern: options.sidPattern } : {})
			});
			const checked = validateUsageRow({ record: { line, cells }, context });
			if (!checked.line) return { ok: false, problems: [...checked.problems] };
			const before = record.rows.find((row) => row.line === line);
			const rows = resolveRow(record.rows, line, { kind: 'corrected', cells, at });
			const lines = await readLines(db, revisionId);
			const index = lines.findIndex((existing) => existing.line > line);
			lines.splice(index < 0 ? lines.length : index, 0, checked.line);
			const totals = await writeLines(db, revisionId, lines);
			const next = ReportRevisionSchema.parse({
				...revision,
				updatedAt: at,
				lineCount: totals.lines,
				totals: { quantity: totals.quantity, amount: totals.amount }
			});
			await db.reports.put(next);
			await db.leftOutRows.put({ ...record, rows });
			await audit(
				db,
				{
					revisionId,
					action: 'row-corrected',
					detail: {
						line,
						before: JSON.stringify(before?.cells ?? []),
						after: JSON.stringify(cells)
					}
				},
				at
			);
			return { ok: true, revision: next, line: checked.line };
		})
	);
}

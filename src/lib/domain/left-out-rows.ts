import { z } from 'zod';

/**
 * Rows of the imported file that are not lines of the report (issue 9, "Rows left out"):
 * "import the valid rows only" must not under-report in silence. The revision keeps each such
 * row with its cells and the import's problems; until every one is corrected into a line or
 * excluded with a reason, the report cannot be marked ready (rule `rows-left-out`), and the
 * exclusions go into the bundle as `excludedRows` (DESIGN.md "Signed report bundles").
 */

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** An import problem of the row, as the importer named it (code and where), without the file. */
export const LeftOutProblemSchema = z.object({
	code: z.string().min(1),
	field: z.string().optional(),
	column: z.string().optional(),
	value: z.string().optional(),
	expected: z.string().optional(),
	numberLocale: z.enum(['de', 'en']).optional()
});
export type LeftOutProblem = z.infer<typeof LeftOutProblemSchema>;

/** The partner's decision about a left-out row. */
export const LeftOutResolutionSchema = z.discriminatedUnion('kind', [
	z.object({
		kind: z.literal('excluded'),
		/** A code from the pack's `exclusionReasons`. */
		reasonCode: z.string().regex(KEBAB, 'reason-code'),
		/** Required: the aggregator reads why a row of the vendor's export is not billed. */
		comment: z.string().trim().min(1, 'required').max(2000, 'too-long'),
		at: z.iso.datetime()
	}),
	z.object({
		kind: z.literal('corrected'),
		/** The cells as corrected; the report line made from them carries the same line number. */
		cells: z.array(z.string()),
		at: z.iso.datetime()
	})
]);
export type LeftOutResolution = z.infer<typeof LeftOutResolutionSchema>;

export const LeftOutRowSchema = z.object({
	/** Physical line in the file, 1-based, as the import problems name it. */
	line: z.number().int().positive(),
	/** The cells exactly as the file has them. */
	cells: z.array(z.string()),
	problems: z.array(LeftOutProblemSchema),
	resolution: LeftOutResolutionSchema.optional()
});
export type LeftOutRow = z.infer<typeof LeftOutRowSchema>;

/**
 * A revision's left-out rows with what is needed to read them again: the file's header and the
 * column of each field, and the number format the file was read with.
 */
export const LeftOutRowsSchema = z.object({
	revisionId: z.uuid(),
	fileName: z.string(),
	header: z.array(z.string()),
	columns: z.record(z.string(), z.number().int().nonnegative()),
	numberLocale: z.enum(['de', 'en']).optional(),
	rows: z.array(LeftOutRowSchema),
	/**
	 * Rows left out by an import before the app kept them (schema version 8): their cells are
	 * gone, so only a re-import of the file brings them back.
	 */
	lostRows: z.number().int().nonnegative().default(0)
});
export type LeftOutRows = z.infer<typeof LeftOutRowsSchema>;

/** A row of the file the partner left out, as the bundle carries it. */
export type ExcludedRow = { line: number; reason: string; cells: string[] };

/** How many rows of the file are not in the report and not decided about: the rule's count. */
export function unresolvedCount(record: Pick<LeftOutRows, 'rows' | 'lostRows'>): number {
	return unresolvedLines(record.rows).length + record.lostRows;
}

/** Lines of the rows nobody has decided about yet, in file order. */
export function unresolvedLines(rows: readonly LeftOutRow[]): number[] {
	return rows
		.filter((row) => row.resolution === undefined)
		.map((row) => row.line)
		.sort((a, b) => a - b);
}

/** The reason as the bundle writes it: the stable code, then the partner's words. */
export function exclusionReason(resolution: { reasonCode: string; comment: string }): string {
	return `${resolution.reasonCode}: ${resolution.comment.trim()}`;
}

/** The excluded rows for the bundle, in file order; corrected rows are report lines instead. */
export function excludedRowsOf(rows: readonly LeftOutRow[]): ExcludedRow[] {
	return rows
		.flatMap((row) =>
			row.resolution?.kind === 'excluded'
				? [{ line: row.line, reason: exclusionReason(row.resolution), cells: [...row.cells] }]
				: []
		)
		.sort((a, b) => a.line - b.line);
}

/** The rows with one of them resolved; throws for a line that is not left out or already decided (a bug). */
export function resolveRow(
	rows: readonly LeftOutRow[],
	line: number,
	resolution: LeftOutResolution
): LeftOutRow[] {
	const index = rows.findIndex((row) => row.line === line);
	if (index < 0) throw new Error(`line ${line} is not a left-out row`);
	if (rows[index].resolution)
		throw new Error(`line ${line} is already ${rows[index].resolution.kind}`);
	const next = [...rows];
	next[index] = { ...rows[index], resolution: LeftOutResolutionSchema.parse(resolution) };
	return next;
}

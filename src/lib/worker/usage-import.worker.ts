import { omnissaSpProgram } from '$lib/programs/omnissa-sp/program';
/// <reference lib="webworker" />
import '$lib/domain/zod-config';
import { importUsageCsv } from '$lib/import/import-usage-csv';
import { isFileProblem } from '$lib/import/import-problem';
import { createMappingPreset } from '$lib/import/mapping-preset';
import type { UsageImportResult } from '$lib/import/run-usage-import';
import { namedIn, unreadableRows } from '$lib/import/import-summary';
import { effectiveOmnissaPack } from '$lib/programs/omnissa-sp/effective-pack';
import type { OmnissaSpPack } from '$lib/programs/omnissa-sp/pack-schema';
import { database, type PartnerDeskDatabase } from '$lib/store/db';
import { listEnrollments } from '$lib/store/settings-repo';
import { classifyStorageError } from '$lib/store/errors';
import { leftOutOf } from '$lib/store/left-out-repo';
import { ReportRefused } from '$lib/store/report-refused';
import { readFileStreaming } from './read-file';
import {
	findRevisionByDigest,
	saveMappingPreset,
	storeImportedReport
} from '$lib/store/report-repo';
import {
	PROBLEMS_SHOWN,
	type ImportCheck,
	type ImportReply,
	type ImportRequest
} from './usage-import-protocol';

/**
 * The usage import off the main thread: read and decode the file, parse and
 * validate it in memory, then, when the user says so, write it in one
 * transaction. A cancel before the write stores nothing.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
let checked: UsageImportResult | undefined;
let checkedMapping: (ImportRequest & { type: 'check' })['mapping'];
let running: AbortController | undefined;

function reply(message: ImportReply): void {
	scope.postMessage(message);
}

/** The Omnissa pack with the partner's overrides: its SID pattern is the one the import uses. */
async function omnissaPackInUse(db: PartnerDeskDatabase): Promise<OmnissaSpPack> {
	const enrollments = await listEnrollments(db);
	const enrollment = enrollments.find((entry) => entry.programId === omnissaSpProgram.id);
	return effectiveOmnissaPack(enrollment?.packOverrides).pack;
}

async function check(request: ImportRequest & { type: 'check' }): Promise<void> {
	const { file, mapping } = request;
	running?.abort();
	const controller = (running = new AbortController());
	checked = undefined;
	const db = await database();
	const presets = await db.importPresets.toArray();
	const pack = await omnissaPackInUse(db);
	const { bytes, decoded } = await readFileStreaming({
		file,
		signal: controller.signal,
		onProgress: (bytesRead) => reply({ type: 'reading', bytesRead, size: file.size })
	});
	const result = await importUsageCsv({
		bytes,
		decoded,
		fileName: file.name,
		mapping: mapping?.columns,
		presets,
		sidPattern: pack.parameters.sidPattern.value,
		signal: controller.signal,
		onProgress: (rowsRead) => reply({ type: 'progress', rowsRead })
	});
	if (controller.signal.aborted) return reply({ type: 'cancelled' });
	const fileProblems = result.problems.filter(isFileProblem);
	const rowProblems = result.problems.filter((problem) => !isFileProblem(problem));
	const duplicate = result.digest ? await findRevisionByDigest(db, result.digest) : undefined;
	checked = result;
	checkedMapping = mapping;
	const summary: ImportCheck = {
		fileName: result.fileName,
		digest: result.digest ?? '',
		detected: result.detected,
		totals: {
			lines: result.totals.lines,
			quantity: result.totals.quantity,
			amount: result.totals.amount
		},
		rowsRead: result.rowsRead,
		fileProblems,
		rowProblems: rowProblems.slice(0, PROBLEMS_SHOWN),
		rowProblemCount: rowProblems.length,
		invalidLines: unreadableRows(result),
		...namedIn(result.lines),
		duplicateOf: duplicate && {
			revisionId: duplicate.id,
			period: duplicate.period,
			revision: duplicate.revision
		}
	};
	reply({ type: 'checked', check: summary });
}

async function store(request: ImportRequest & { type: 'store' }): Promise<void> {
	if (!checked?.digest) throw new Error('store before check');
	const result = checked;
	if (unreadableRows(result) > 0 && !request.validRowsOnly) throw new Error('rows with problems');
	const lines = result.lines;
	const revision = await storeImportedReport(await database(), {
		programId: request.programId,
		period: request.period,
		currency: request.currency,
		kind: request.kind,
		replace: request.replace,
		lines,
		totals: result.totals,
		// Kept with the report (issue 9): "valid rows only" never drops a row without a trace.
		leftOut: leftOutOf({
			fileName: result.fileName,
			header: result.detected.header,
			columns: result.detected.columns,
			numberLocale: result.detected.numberLocale,
			skippedRows: result.skippedRows,
			problems: result.problems
		}),
		source: {
			fileName: result.fileName,
			digest: result.digest!,
			encoding: result.detected.encoding,
			delimiter: result.detected.delimiter,
			numberLocale: result.detected.numberLocale,
			importedAt: new Date().toISOString(),
			rowsRead: result.rowsRead,
			rowsSkipped: result.rowsRead - lines.length,
			...(result.detected.totalsComputed ? { totalsComputed: true as const } : {})
		}
	});
	if (checkedMapping) {
		const preset = createMappingPreset({
			source: checkedMapping.source,
			header: result.detected.header,
			mapping: checkedMapping.columns
		});
		await saveMappingPreset(await database(), preset);
	}
	checked = undefined;
	checkedMapping = undefined;
	reply({ type: 'stored', revisionId: revision.id });
}

scope.onmessage = (event: MessageEvent<ImportRequest>) => {
	const request = event.data;
	if (request.type === 'cancel') {
		running?.abort();
		checked = undefined;
		return;
	}
	const work = request.type === 'check' ? check(request) : store(request);
	work.catch((error: unknown) => {
		// The lifecycle's refusal (a draft exists) is expected: its code says it to the user.
		if (error instanceof ReportRefused)
			return reply({ type: 'failed', code: `report.${error.code}` });
		const problem = classifyStorageError(error);
		reply(
			problem
				? { type: 'failed', code: problem.code }
				: {
						type: 'failed',
						code: 'unexpected',
						detail: error instanceof Error ? error.message : String(error)
					}
		);
	});
};

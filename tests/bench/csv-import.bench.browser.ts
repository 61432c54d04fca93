// The import worker sets this before any schema runs; the benchmark measures the same zod.
import '$lib/domain/zod-config';
import Dexie from 'dexie';
import Papa from 'papaparse';
import { expect, test } from 'vitest';
import { toPeriod } from '$lib/domain/period';
import { importUsageCsv, type UsageImportResult } from '$lib/import/import-usage-csv';
import { isFileProblem } from '$lib/import/import-problem';
import { namedIn, unreadableRows } from '$lib/import/import-summary';
import { openCheckedDatabase } from '$lib/store/db';
import { findRevisionByDigest, storeImportedReport } from '$lib/store/report-repo';
import { readFileStreaming } from '$lib/worker/read-file';
import { saveBenchFigures } from './bench-result';
import { formatGermanUsageCsv } from './german-csv';
import { measure } from './measure';
import { addInOneTransaction, dropDatabase, openFreshDatabase } from './raw-idb';
import { generateUsage } from './usage-data';

const ROWS = 100_000;
const ROWS_PER_RECORD = 1000;
const REVISION = 'bench-revision';
/** The app's schema under a name of its own, so the benchmark never touches the app's data. */
const APP_DATABASE = 'partner-desk-bench-import';
const RAW_DATABASE = 'partner-desk-bench-raw';

/** Hex SHA-256 straight from WebCrypto, to check the digest the import stores. */
async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
	return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The worker's summary work after the parse (src/lib/worker/usage-import.worker.ts, `check`):
 * the problems by kind, the rows it could not read, and the periods and currencies of the
 * lines.
 */
function summarize(result: UsageImportResult) {
	return {
		fileProblems: result.problems.filter(isFileProblem),
		rowProblems: result.problems.filter((problem) => !isFileProblem(problem)),
		unreadable: unreadableRows(result),
		...namedIn(result.lines)
	};
}

/** The file lines named by a row problem whose row gave no line (not timed: a check). */
function linesWithoutLine(result: UsageImportResult): Set<number> {
	const kept = new Set(result.lines.map((line) => line.line));
	const named = result.problems.flatMap((problem) =>
		!isFileProblem(problem) && problem.line !== undefined ? [problem.line] : []
	);
	return new Set(named.filter((line) => !kept.has(line)));
}

test('CSV import of 100,000 rows: the app import against papaparse and raw IndexedDB', async () => {
	const bytes = formatGermanUsageCsv(generateUsage({ lines: ROWS }).current);
	const file = new File([bytes], 'usage-2026-10.100k.de.csv', { type: 'text/csv' });
	const text = new TextDecoder().decode(bytes);

	let db = await openCheckedDatabase(APP_DATABASE);
	const freshAppDatabase = async () => {
		db.close();
		await Dexie.delete(APP_DATABASE);
		db = await openCheckedDatabase(APP_DATABASE);
	};
	/**
	 * The worker's path from a picked file to a stored report, both steps back to back: read
	 * and decode as a stream, parse and validate (with the SHA-256 of the bytes), look for the
	 * same file imported before, then store lines, totals, revision and audit entry in one
	 * transaction, the valid rows only, as the user chooses for a file with bad rows.
	 */
	const appImport = async () => {
		const controller = new AbortController();
		const presets = await db.importPresets.toArray();
		const { bytes, decoded } = await readFileStreaming({
			file,
			signal: controller.signal,
			onProgress: () => {}
		});
		const result = await importUsageCsv({
			bytes,
			decoded,
			fileName: file.name,
			presets,
			signal: controller.signal,
			onProgress: () => {}
		});
		if (!result.digest) throw new Error('the import took no digest');
		const duplicate = await findRevisionByDigest(db, result.digest);
		const summary = summarize(result);
		const revision = await storeImportedReport(db, {
			programId: 'omnissa-sp',
			period: toPeriod(2026, 10),
			currency: 'EUR',
			lines: result.lines,
			totals: result.totals,
			source: {
				fileName: result.fileName,
				digest: result.digest,
				encoding: result.detected.encoding,
				delimiter: result.detected.delimiter,
				numberLocale: result.detected.numberLocale,
				importedAt: new Date().toISOString(),
				rowsRead: result.rowsRead,
				rowsSkipped: result.rowsRead - result.lines.length
			}
		});
		return { result, duplicate, summary, revision };
	};

	let raw = await openFreshDatabase(RAW_DATABASE);
	const freshRawDatabase = async () => {
		raw.close();
		raw = await openFreshDatabase(RAW_DATABASE);
	};
	/**
	 * papaparse's parse of the file: the app is handed bytes, so the baseline decodes them too
	 * (TextDecoder, the cheapest way to hand papaparse a file's text; about a quarter of a
	 * second for these 16 MB with umlauts in Chromium). `parseText` is the older baseline that
	 * started from text decoded before the clock ran, still printed for comparison.
	 */
	const parseRows = () =>
		Papa.parse<string[]>(new TextDecoder().decode(bytes), {
			delimiter: ';',
			skipEmptyLines: true
		}).data.slice(1);
	const parseText = () =>
		Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true }).data.slice(1);
	const storeChunks = async (rows: string[][]) => {
		const records = [];
		for (let start = 0; start < rows.length; start += ROWS_PER_RECORD) {
			const chunk = rows.slice(start, start + ROWS_PER_RECORD);
			records.push({ revisionId: REVISION, index: records.length, rows: chunk });
		}
		await addInOneTransaction(raw, records);
	};
	const parseAndStoreChunks = () => storeChunks(parseRows());
	const parseTextAndStoreChunks = () => storeChunks(parseText());
	const parseAndStoreRows = async () => {
		const records = parseRows().map((cells, index) => ({ revisionId: REVISION, index, cells }));
		await addInOneTransaction(raw, records);
	};

	// Each path reads every row; the planted problems are reported and the unreadable rows stay
	// out of the app's store, which holds one report of the kept lines under the file's digest.
	await freshAppDatabase();
	const { result, duplicate, summary, revision } = await appImport();
	expect(result.rowsRead).toBe(ROWS);
	expect(result.digest).toBe(await sha256(bytes));
	expect(duplicate).toBeUndefined();
	expect(summary.fileProblems).toEqual([]);
	expect(summary.rowProblems.length).toBeGreaterThan(0);
	expect(summary.unreadable).toBeGreaterThan(0);
	expect(linesWithoutLine(result).size).toBe(summary.unreadable);
	expect(summary.periods).toEqual(['2026-10']);
	expect(revision.lineCount).toBe(result.lines.length);
	expect(revision.source?.digest).toBe(result.digest);
	expect(await db.reports.count()).toBe(1);
	expect(await db.lineChunks.count()).toBe(Math.ceil(result.lines.length / ROWS_PER_RECORD));
	expect(parseRows()).toHaveLength(ROWS);
	expect(parseText()).toEqual(parseRows());

	const { app, chunked, chunkedFromText } = await measure(
		{
			app: { setup: freshAppDatabase, run: appImport },
			chunked: { setup: freshRawDatabase, run: parseAndStoreChunks },
			chunkedFromText: { setup: freshRawDatabase, run: parseTextAndStoreChunks }
		},
		{ runs: 7 }
	);
	const { perRow } = await measure(
		{ perRow: { setup: freshRawDatabase, run: parseAndStoreRows } },
		{ runs: 3 }
	);
	db.close();
	await Dexie.delete(APP_DATABASE);
	await dropDatabase(raw);

	const name = 'import 100k rows: app check + storeImportedReport';
	await saveBenchFigures('csv-import', [
		{
			name: `${name} / papaparse + raw IDB chunks`,
			value: app.median,
			unit: 'ms',
			baseline: chunked.median,
			target: 3,
			samples: { value: app.samples, baseline: chunked.samples }
		},
		{
			name: `${name} / papaparse of text decoded untimed + raw IDB chunks`,
			value: app.median,
			unit: 'ms',
			baseline: chunkedFromText.median,
			target: null,
			samples: { value: app.samples, baseline: chunkedFromText.samples }
		},
		{
			name: `${name} / papaparse + raw IDB row per record`,
			value: app.median,
			unit: 'ms',
			baseline: perRow.median,
			target: null,
			samples: { value: app.samples, baseline: perRow.samples }
		}
	]);
});

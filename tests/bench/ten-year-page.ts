/**
 * The in-page half of the ten-year benchmark (ten-year.bench.pw.ts): bundled into one script
 * and run in a page of the built app's origin, so the history it writes is the app's own
 * database, which the app then opens. Writes the history, then times the store's reads against
 * raw IndexedDB reads of the same chunks, and writes the streamed backup with its peak heap.
 */
import '$lib/domain/zod-config';
import { serializeBackup } from '$lib/domain/backup';
import { shiftPeriod, type Period } from '$lib/domain/period';
import { previousRevision } from '$lib/domain/report-lifecycle';
import { countedRevisions } from '$lib/domain/period-totals';
import type { ReportRevision } from '$lib/domain/report';
import { exportBackup } from '$lib/store/backup-repo';
import { writeBackup } from '$lib/store/backup-stream';
import { openCheckedDatabase, type PartnerDeskDatabase } from '$lib/store/db';
import { readLeftOutRows } from '$lib/store/left-out-repo';
import { readLinePage } from '$lib/store/line-pages';
import { listBundles } from '$lib/store/outbox-repo';
import { compareWithMonthBefore, readYearTotals } from '$lib/store/period-totals-repo';
import { listRevisions, readGroupTotals, readLines } from '$lib/store/report-repo';
import { writeHistory, type HistorySummary } from '../helpers/partner-history/write-history';
import { measure, type Timing } from './measure';

const PROGRAM = 'omnissa-sp';
/** The report page's first page of lines (LinesTable's page size). */
const FIRST_PAGE = 100;

function done<T>(request: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
}

/** The app's database opened raw, without Dexie, for the baselines. */
function openRaw(name: string): Promise<IDBDatabase> {
	return done(indexedDB.open(name));
}

/** Every chunk of these revisions, read raw (one getAll per revision, one transaction). */
async function readChunksRaw(raw: IDBDatabase, revisionIds: readonly string[]): Promise<number> {
	const store = raw.transaction('lineChunks', 'readonly').objectStore('lineChunks');
	const all = await Promise.all(
		revisionIds.map((id) =>
			done(store.getAll(IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER])))
		)
	);
	return all.reduce((sum, chunks) => sum + chunks.length, 0);
}

/**
 * What the report page reads before it shows a month's totals and first page of lines
 * (src/routes/reports/[id]/+page.svelte and its tables): the revisions, the left-out rows, the
 * totals per SID and customer, the first page of lines.
 */
async function openMonth(db: PartnerDeskDatabase, id: string) {
	const all = await listRevisions(db);
	const revision = all.find((candidate) => candidate.id === id);
	if (!revision) throw new Error(`no revision ${id}`);
	const [leftOut, totals, page] = await Promise.all([
		readLeftOutRows(db, revision.id),
		readGroupTotals(db, revision.id),
		readLinePage(db, revision.id, { offset: 0, limit: FIRST_PAGE })
	]);
	return { revision, previous: previousRevision(revision, all), leftOut, totals, page };
}

/** What the page reads apart, after: a correction's whole lines and those it corrects (the diff). */
async function diffLines(db: PartnerDeskDatabase, id: string) {
	const revision = await db.reports.get(id);
	if (!revision?.supersedes) throw new Error(`revision ${id} corrects none`);
	return Promise.all([readLines(db, revision.id), readLines(db, revision.supersedes)]);
}

type Figure = { value: Timing; baseline: Timing };

export type StoreFigures = {
	storage: { usage: number; quota: number };
	openMonth: Figure & { period: string; revisions: number; chunks: number };
	openCorrectedMonth: Figure & { period: string; revisions: number; chunks: number };
	correctedDiff: Figure;
	year: Figure & { year: number; revisions: number; chunks: number; amount: string };
	comparison: Figure & { period: string; customersChanged: number };
	reportsList: Figure & { revisions: number; bundles: number };
};

/** The month's revisions as the month page would show them (the newest counted regular one). */
function monthOf(all: readonly ReportRevision[], period: string) {
	const month = all.filter((revision) => revision.period === period);
	const shown = countedRevisions(month)[0];
	if (!shown) throw new Error(`no report for ${period}`);
	return { shown, month };
}

async function storeFigures(options: { period: Period; corrected: Period; runs: number }) {
	const db = await openCheckedDatabase();
	const raw = await openRaw(db.name);
	try {
		const all = await listRevisions(db);
		const plain = monthOf(all, options.period);
		const fixed = monthOf(all, options.corrected);
		const year = Number(options.period.slice(0, 4));
		const yearRevisions = all.filter((revision) => revision.period.startsWith(`${year}-`));
		const counted = [...new Set(yearRevisions.map((revision) => revision.period))].flatMap(
			(period) => countedRevisions(yearRevisions.filter((r) => r.period === period))
		);
		const previous = shiftPeriod(options.period, -1);
		const both = [
			...countedRevisions(all.filter((revision) => revision.period === previous)),
			...countedRevisions(plain.month)
		];
		const ids = (revisions: readonly ReportRevision[]) => revisions.map((r) => r.id);
		const timings = await measure(
			{
				openMonth: { run: () => openMonth(db, plain.shown.id) },
				monthChunks: { run: () => readChunksRaw(raw, ids(plain.month)) },
				openCorrected: { run: () => openMonth(db, fixed.shown.id) },
				correctedChunks: { run: () => readChunksRaw(raw, ids(fixed.month)) },
				diff: { run: () => diffLines(db, fixed.shown.id) },
				year: { run: () => readYearTotals(db, PROGRAM, year) },
				yearChunks: { run: () => readChunksRaw(raw, ids(counted)) },
				comparison: { run: () => compareWithMonthBefore(db, PROGRAM, options.period) },
				comparisonChunks: { run: () => readChunksRaw(raw, ids(both)) },
				list: { run: () => Promise.all([listRevisions(db), listBundles(db)]) },
				listRaw: {
					run: () => done(raw.transaction('reports', 'readonly').objectStore('reports').getAll())
				}
			},
			{ runs: options.runs }
		);
		const totals = await readYearTotals(db, PROGRAM, year);
		const comparison = await compareWithMonthBefore(db, PROGRAM, options.period);
		const estimate = await navigator.storage.estimate();
		return {
			storage: { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0 },
			openMonth: {
				value: timings.openMonth,
				baseline: timings.monthChunks,
				period: options.period,
				revisions: plain.month.length,
				chunks: await readChunksRaw(raw, ids(plain.month))
			},
			openCorrectedMonth: {
				value: timings.openCorrected,
				baseline: timings.correctedChunks,
				period: options.corrected,
				revisions: fixed.month.length,
				chunks: await readChunksRaw(raw, ids(fixed.month))
			},
			correctedDiff: { value: timings.diff, baseline: timings.correctedChunks },
			year: {
				value: timings.year,
				baseline: timings.yearChunks,
				year,
				revisions: counted.length,
				chunks: await readChunksRaw(raw, ids(counted)),
				amount: totals.amount
			},
			comparison: {
				value: timings.comparison,
				baseline: timings.comparisonChunks,
				period: options.period,
				customersChanged: comparison.byCustomer.length
			},
			reportsList: {
				value: timings.list,
				baseline: timings.listRaw,
				revisions: all.length,
				bundles: (await listBundles(db)).length
			}
		} satisfies StoreFigures;
	} finally {
		raw.close();
		db.close();
	}
}

/** The JS heap in use, as precisely as Chromium gives it (--enable-precise-memory-info). */
function heapUsed(): number {
	return (performance as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
}

export type BackupFigures = {
	ms: number;
	bytes: number;
	heapBefore: number;
	/** The most heap in use seen, garbage not yet collected included (the timed run). */
	peakHeap: number;
	/** The most live heap seen: a run collects the garbage before each sample (short histories). */
	peakLive?: number;
	/** The same with the pieces only counted, not kept: what the writer itself holds. */
	writerPeakLive: number;
	/** The old path, exportBackup + serializeBackup: one object and one string (short histories). */
	whole?: { ms: number; bytes: number; peakHeap: number } | { failed: string };
};

/**
 * Times a piece of work and samples the heap meanwhile: on a timer and at every piece written,
 * since the backup yields to IndexedDB between pages and the timer fires in those gaps.
 */
async function withPeakHeap<T>(work: (sample: () => void) => Promise<T>, onTimer = true) {
	(globalThis as { gc?: () => void }).gc?.();
	const heapBefore = heapUsed();
	let peak = heapBefore;
	const sample = () => {
		peak = Math.max(peak, heapUsed());
	};
	const timer = onTimer ? setInterval(sample, 10) : undefined;
	const start = performance.now();
	try {
		const result = await work(sample);
		sample();
		return { result, ms: performance.now() - start, heapBefore, peakHeap: peak };
	} finally {
		clearInterval(timer);
	}
}

/**
 * The streamed backup, sampling the heap at every piece, or at every 8th after a full garbage
 * collection when `collect`: what the page then holds is what the backup keeps alive, not what
 * it has dropped. Into Blobs, as the backup panel keeps it (`backupBlob`), or only counted: what
 * the writer itself holds, whatever the file's bytes go to.
 */
async function streamedBackup(db: PartnerDeskDatabase, collect: boolean, into: 'blob' | 'count') {
	const gc = (globalThis as { gc?: () => void }).gc;
	return withPeakHeap(async (sample) => {
		const parts: Blob[] = [];
		let pieces = 0;
		let bytes = 0;
		await writeBackup(db, {
			write: (piece) => {
				pieces++;
				bytes += piece.length;
				if (into === 'blob') parts.push(new Blob([piece as Uint8Array<ArrayBuffer>]));
				if (!collect) sample();
				else if (pieces % 8 === 0) {
					gc?.();
					sample();
				}
			}
		});
		const size = into === 'blob' ? new Blob(parts, { type: 'application/json' }).size : bytes;
		if (collect) gc?.();
		sample();
		return size;
	}, !collect);
}

async function backupFigures(options: { whole: boolean }): Promise<BackupFigures> {
	const db = await openCheckedDatabase();
	try {
		const streamed = await streamedBackup(db, false, 'blob');
		const writer = await streamedBackup(db, true, 'count');
		// Ten years are 2.4 GB of JSON: a third pass only where it is short.
		const live = options.whole ? await streamedBackup(db, true, 'blob') : undefined;
		const figures: BackupFigures = {
			ms: streamed.ms,
			bytes: streamed.result,
			heapBefore: streamed.heapBefore,
			peakHeap: streamed.peakHeap,
			peakLive: live?.peakHeap,
			writerPeakLive: writer.peakHeap
		};
		if (!options.whole) return figures;
		try {
			const whole = await withPeakHeap(async (sample) => {
				const text = serializeBackup(await exportBackup(db));
				sample();
				return new Blob([text]).size;
			});
			figures.whole = { ms: whole.ms, bytes: whole.result, peakHeap: whole.peakHeap };
		} catch (error) {
			figures.whole = { failed: String(error) };
		}
		return figures;
	} finally {
		db.close();
	}
}

async function generate(options: {
	months: number;
	lastPeriod: Period;
}): Promise<HistorySummary & { ms: number }> {
	const db = await openCheckedDatabase();
	const start = performance.now();
	try {
		const summary = await writeHistory(db, {
			...options,
			onMonth: ({ period, done, lines }) => {
				if (done % 12 === 0 || done === options.months)
					console.log(`history: ${period} written, ${done} months, ${lines} lines`);
			}
		});
		return { ...summary, ms: performance.now() - start };
	} finally {
		db.close();
	}
}

Object.assign(globalThis, { partnerDeskHistory: { generate, storeFigures, backupFigures } });

import type { ImportDetection } from './read-usage-table';
import {
	resultOf,
	runUsageImport,
	type UsageImportOptions,
	type UsageImportResult
} from './run-usage-import';
import { sha256Hex } from './sha256';

export {
	PROGRESS_EVERY,
	type UsageImportOptions,
	type UsageImportResult
} from './run-usage-import';

/** Imports a usage CSV synchronously (no digest, no cancellation): for tests and small files. */
export function parseUsageCsv(options: Omit<UsageImportOptions, 'signal'>): UsageImportResult {
	const steps = runUsageImport(options);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
		if (step.value !== undefined) options.onProgress?.(step.value);
	}
}

/**
 * Imports an Omnissa usage CSV: decodes, parses, maps and validates it in memory and returns
 * lines, problems, what was detected and the file's SHA-256. Pure: stores nothing. With a
 * `signal`, it gives the event loop a turn between slices, so a worker can take a cancel.
 */
export async function importUsageCsv(options: UsageImportOptions): Promise<UsageImportResult> {
	const { signal, fileName } = options;
	// Started first: WebCrypto hashes on a thread of its own while the rows are checked here.
	const digest = sha256Hex(options.bytes);
	const steps = runUsageImport(options);
	for (;;) {
		if (signal?.aborted) {
			const detected: ImportDetection = { encoding: 'utf-8', bom: false, header: [], columns: {} };
			return resultOf(fileName, detected, { problems: [{ code: 'aborted', file: fileName }] });
		}
		const step = steps.next();
		if (step.done) return { ...step.value, digest: await digest };
		if (step.value !== undefined) options.onProgress?.(step.value);
		if (signal) await nextTurn();
	}
}

/** Lets queued tasks (a worker's cancel message) run; `scheduler.yield` where there is one. */
function nextTurn(): Promise<void> {
	const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
	if (scheduler?.yield) return scheduler.yield();
	return new Promise((resolve) => setTimeout(resolve, 0));
}

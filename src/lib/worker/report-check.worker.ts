/// <reference lib="webworker" />
import '$lib/domain/zod-config';
import { database, openCheckedDatabase, type PartnerDeskDatabase } from '$lib/store/db';
import { classifyStorageError } from '$lib/store/errors';
import type { CheckReply, CheckRequest } from './report-check-protocol';
import { ReportChecker } from './report-check';

/**
 * A report's rules check off the main thread: on a 100,000-line month, reading the lines and
 * checking them took the page seconds. The page asks again after every change of the revision.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const checker = new ReportChecker();
const opened = new Map<string, Promise<PartnerDeskDatabase>>();

function open(name: string | undefined): Promise<PartnerDeskDatabase> {
	if (name === undefined) return database();
	let db = opened.get(name);
	if (!db) opened.set(name, (db = openCheckedDatabase(name)));
	return db;
}

async function answer(request: CheckRequest): Promise<CheckReply> {
	switch (request.type) {
		case 'check':
			return checker.check(await open(request.databaseName), request);
		case 'page':
			return checker.page(request);
		case 'findings':
			return checker.findings(request);
		case 'totals':
			return checker.totals(await open(request.databaseName), request);
	}
}

// One request after the other: a page or the findings asked for after a change are those of
// the check of that change, not of the one before.
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (event: MessageEvent<CheckRequest>) => {
	const request = event.data;
	queue = queue
		.then(() => answer(request))
		.then(
			(reply) => scope.postMessage(reply),
			(error: unknown) => {
				const problem = classifyStorageError(error);
				scope.postMessage({
					type: 'failed',
					id: request.id,
					code: problem?.code ?? 'unexpected',
					detail: problem ? undefined : error instanceof Error ? error.message : String(error)
				} satisfies CheckReply);
			}
		);
};

/**
 * Storage failures the user can act on, as codes (the message table in
 * src/lib/i18n says them). Anything else is a bug and is rethrown.
 */
export type StorageProblemCode = 'storage-full' | 'database-newer' | 'database-blocked';

export class StorageProblem extends Error {
	constructor(
		readonly code: StorageProblemCode,
		readonly cause?: unknown
	) {
		super(code);
		this.name = 'StorageProblem';
	}
}

function errorName(error: unknown): string | undefined {
	if (error && typeof error === 'object' && 'name' in error) return String(error.name);
	return undefined;
}

/** Turns the IndexedDB/Dexie error behind a failed call into a StorageProblem, or undefined. */
export function classifyStorageError(error: unknown): StorageProblem | undefined {
	if (error instanceof StorageProblem) return error;
	if (
		error &&
		typeof error === 'object' &&
		'inner' in error &&
		error.inner instanceof StorageProblem
	) {
		return error.inner;
	}
	const names = [errorName(error)];
	// Dexie wraps the DOMException of an aborted transaction in `inner`.
	if (error && typeof error === 'object' && 'inner' in error) names.push(errorName(error.inner));
	if (names.includes('QuotaExceededError')) return new StorageProblem('storage-full', error);
	if (names.includes('VersionError')) return new StorageProblem('database-newer', error);
	if (names.includes('BlockedError')) return new StorageProblem('database-blocked', error);
	return undefined;
}

/** Runs a storage call and turns known failures into StorageProblems. */
export async function guardStorage<T>(run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (error) {
		throw classifyStorageError(error) ?? error;
	}
}

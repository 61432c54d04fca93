/**
 * Raw IndexedDB for the import baselines: no library between the benchmark and the browser, so
 * the figure is the floor the import is compared with.
 */

const STORE = 'records';

function done<T>(request: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
}

/** Deletes the database if it exists and opens it new, with one store keyed [revisionId, index]. */
export async function openFreshDatabase(name: string): Promise<IDBDatabase> {
	await done(indexedDB.deleteDatabase(name));
	const request = indexedDB.open(name, 1);
	request.onupgradeneeded = () => {
		request.result.createObjectStore(STORE, { keyPath: ['revisionId', 'index'] });
	};
	return done(request);
}

/** Adds the records in one transaction and resolves when it has committed. */
export function addInOneTransaction(db: IDBDatabase, records: readonly object[]): Promise<void> {
	return new Promise((resolve, reject) => {
		const transaction = db.transaction(STORE, 'readwrite');
		const store = transaction.objectStore(STORE);
		for (const record of records) store.add(record);
		transaction.oncomplete = () => resolve();
		transaction.onerror = () => reject(transaction.error);
		transaction.onabort = () => reject(transaction.error);
	});
}

/** Closes and deletes a benchmark database, so no run leaves data in the browser profile. */
export async function dropDatabase(db: IDBDatabase): Promise<void> {
	db.close();
	await done(indexedDB.deleteDatabase(db.name));
}

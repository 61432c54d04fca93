import { describe, expect, it } from 'vitest';
import { classifyStorageError, guardStorage, StorageProblem } from './errors';

describe('classifyStorageError', () => {
	it('recognises a full quota, also wrapped by Dexie', () => {
		const quota = new DOMException('quota', 'QuotaExceededError');
		expect(classifyStorageError(quota)?.code).toBe('storage-full');
		expect(classifyStorageError({ name: 'AbortError', inner: quota })?.code).toBe('storage-full');
	});

	it('recognises a database written by a newer app', () => {
		expect(classifyStorageError({ name: 'VersionError' })?.code).toBe('database-newer');
	});

	it('leaves bugs alone', async () => {
		expect(classifyStorageError(new TypeError('x is undefined'))).toBeUndefined();
		await expect(guardStorage(() => Promise.reject(new TypeError('bug')))).rejects.toThrow(
			TypeError
		);
		await expect(
			guardStorage(() => Promise.reject(new DOMException('q', 'QuotaExceededError')))
		).rejects.toBeInstanceOf(StorageProblem);
	});
});

import { describe, expect, it } from 'vitest';
import { readStorageStatus, requestPersistence } from './storage-status';

function fakeStorage(options: {
	persisted: boolean;
	grant: boolean;
	usage: number;
	quota: number;
}) {
	const calls: string[] = [];
	return {
		calls,
		storage: {
			persisted: async () => options.persisted,
			persist: async () => {
				calls.push('persist');
				return options.grant;
			},
			estimate: async () => ({ usage: options.usage, quota: options.quota })
		} as unknown as StorageManager
	};
}

describe('storage status', () => {
	it('asks for persistence only when not yet granted', async () => {
		const granted = fakeStorage({ persisted: true, grant: false, usage: 0, quota: 1 });
		expect(await requestPersistence(granted.storage)).toBe(true);
		expect(granted.calls).toEqual([]);
		const refused = fakeStorage({ persisted: false, grant: false, usage: 0, quota: 1 });
		expect(await requestPersistence(refused.storage)).toBe(false);
		expect(refused.calls).toEqual(['persist']);
	});

	it('warns from 80 % of the quota', async () => {
		const below = fakeStorage({ persisted: false, grant: false, usage: 799, quota: 1000 });
		expect(await readStorageStatus(below.storage)).toEqual({
			persisted: false,
			usage: 799,
			quota: 1000,
			nearlyFull: false
		});
		const at = fakeStorage({ persisted: true, grant: false, usage: 800, quota: 1000 });
		expect((await readStorageStatus(at.storage)).nearlyFull).toBe(true);
	});

	it('says when the browser does not report storage', async () => {
		expect(await readStorageStatus(undefined)).toEqual({
			persisted: 'unsupported',
			usage: undefined,
			quota: undefined,
			nearlyFull: false
		});
	});
});

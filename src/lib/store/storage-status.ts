/** Share of the quota in use from which the app warns that storage is running out. */
export const QUOTA_WARNING_SHARE = 0.8;

export type StorageStatus = {
	persisted: boolean | 'unsupported';
	usage: number | undefined;
	quota: number | undefined;
	nearlyFull: boolean;
};

/**
 * Asks the browser to keep our data under storage pressure. Browsers may grant
 * it silently (Chromium for installed or engaged sites) or refuse; either way
 * the answer is shown, because an unpersisted store can be evicted.
 */
export async function requestPersistence(
	storage = globalThis.navigator?.storage
): Promise<boolean> {
	if (!storage?.persist) return false;
	if (await storage.persisted()) return true;
	return storage.persist();
}

export async function readStorageStatus(
	storage = globalThis.navigator?.storage
): Promise<StorageStatus> {
	if (!storage?.estimate) {
		return { persisted: 'unsupported', usage: undefined, quota: undefined, nearlyFull: false };
	}
	const [persisted, estimate] = await Promise.all([storage.persisted(), storage.estimate()]);
	const { usage, quota } = estimate;
	const nearlyFull = usage !== undefined && !!quota && usage / quota >= QUOTA_WARNING_SHARE;
	return { persisted, usage, quota, nearlyFull };
}

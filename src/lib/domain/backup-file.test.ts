import { describe, expect, it } from 'vitest';
import { RESTORABLE_BYTES, tooLargeToRestore } from './backup-file';

describe('tooLargeToRestore', () => {
	it('lets a file up to the limit through and refuses one byte more, with both sizes', () => {
		expect(tooLargeToRestore({ name: 'a.json', size: RESTORABLE_BYTES })).toBeUndefined();
		expect(tooLargeToRestore({ name: 'a.json', size: RESTORABLE_BYTES + 1 })).toEqual({
			code: 'backup-too-large',
			file: 'a.json',
			megabytes: 537,
			limit: 536
		});
	});

	it('names ten years of a large partner (2.3 GB) in megabytes', () => {
		expect(tooLargeToRestore({ name: 'ten.json', size: 2_307_500_000 })?.megabytes).toBe(2308);
	});
});

import { describe, expect, it } from 'vitest';
import { changeText, verifyText } from './audit-text';

describe('the audit page’s words', () => {
	it('says what Verify found, naming the first broken entry', () => {
		expect(verifyText({ ok: true, count: 0, head: null }, 'en')).toBe(
			'The log is intact: it has no entries yet.'
		);
		expect(verifyText({ ok: true, count: 1, head: 'a'.repeat(64) }, 'en')).toBe(
			'The log is intact: 1 entry, each linked to the one before.'
		);
		expect(verifyText({ ok: true, count: 12, head: 'a'.repeat(64) }, 'de')).toBe(
			'Das Protokoll ist unverändert: 12 Einträge, jeder mit dem vorigen verknüpft.'
		);
		expect(verifyText({ ok: false, index: 4, seq: 5, reason: 'edited' }, 'en')).toBe(
			'The log is broken at entry no. 5: its content was changed after it was written.'
		);
		expect(verifyText({ ok: false, index: 2, seq: 7, reason: 'missing-before' }, 'de')).toBe(
			'Das Protokoll ist bei Eintrag Nr. 7 gebrochen: Ein Eintrag davor wurde entfernt.'
		);
		expect(
			verifyText(
				{ ok: false, index: 3, seq: undefined, reason: 'commitment-missing', commitment: 'ab12' },
				'en'
			)
		).toBe('A bundle commits to a log entry that is not in the log: ab12.');
	});

	it('puts what changed before the detail', () => {
		expect(
			changeText({
				detail: { review: 'r-1', reference: 'CR-2026-118' },
				before: { status: 'open' },
				after: { status: 'answered' }
			})
		).toBe('status: open → answered · review: r-1, reference: CR-2026-118');
		expect(changeText({ detail: { lines: 100 }, after: { state: 'draft' } })).toBe(
			'state: – → draft · lines: 100'
		);
		expect(changeText({ detail: {} })).toBe('');
	});
});

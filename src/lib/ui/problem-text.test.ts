import { describe, expect, it } from 'vitest';
import { de } from '$lib/i18n/de';
import { en } from '$lib/i18n/en';
import { StorageProblem } from '$lib/store/errors';
import { RecordRefused } from '$lib/store/program-records-repo';
import { ReportRefused } from '$lib/store/report-refused';
import { STORE_REFUSAL_CODES, StoreRefused } from '$lib/store/store-refused';
import { codeText, storageErrorText } from './problem-text';

describe('error and refusal codes become one sentence, in both languages', () => {
	it('a store refusal is explained, not shown as "something went wrong"', () => {
		const refused = new StoreRefused('bundle-not-waiting', 'bundle b-1 is not waiting');
		expect(storageErrorText(refused, 'en')).toBe(
			'This bundle is no longer waiting to be sent; another tab may have sent it.'
		);
		expect(storageErrorText(refused, 'de')).toBe(
			'Dieses Paket wartet nicht mehr auf den Versand; vielleicht hat ein anderer Tab es gesendet.'
		);
	});

	it('every store refusal code has its sentence in German and English', () => {
		for (const code of STORE_REFUSAL_CODES) {
			expect(en).toHaveProperty([`error.store.${code}`]);
			expect(de).toHaveProperty([`error.store.${code}`]);
			expect(storageErrorText(new StoreRefused(code, code), 'de')).not.toMatch(/\{|schiefgegangen/);
		}
	});

	it('report refusals, storage problems and bugs go through the same table', () => {
		const refused = new ReportRefused({ ok: false, code: 'open-warnings', count: 2 });
		expect(storageErrorText(refused, 'en')).toBe(
			codeText('en', 'report.open-warnings', { count: 2 })
		);
		expect(storageErrorText(new StorageProblem('storage-full'), 'en')).toBe(
			en['error.storage-full']
		);
		expect(storageErrorText(new Error('boom'), 'en')).toBe(
			'Something went wrong: boom. Nothing was changed.'
		);
	});

	it('a code no table knows falls back to the sentence the caller names', () => {
		expect(codeText('en', 'no-such-code', {}, 'error.invalid')).toBe('Not a valid value.');
		expect(codeText('de', 'invalid')).toBe('Kein gültiger Wert.');
	});

	it('a refused program record names its field in the user language, never "went wrong"', () => {
		const refused = new RecordRefused([
			{ code: 'record-field-invalid', field: 'grossAmount', message: 'a decimal string' },
			{ code: 'paid-without-date', field: 'paidOn', message: 'a paid compensation needs paidOn' }
		]);
		expect(storageErrorText(refused, 'en')).toBe(
			'Not saved: the field grossAmount is not valid. Not saved: a paid compensation needs the day it was paid.'
		);
		expect(storageErrorText(refused, 'de')).toBe(
			'Nicht gespeichert: Das Feld grossAmount ist ungültig. Nicht gespeichert: Eine bezahlte Vergütung braucht den Tag der Zahlung.'
		);
		const unknown = new RecordRefused([{ code: 'own-check', field: 'x', message: 'x' }]);
		expect(storageErrorText(unknown, 'en')).toBe('Not saved: the field x is not valid.');
	});
});

import { describe, expect, it } from 'vitest';
import type { Language } from '$lib/domain/language';
import { de } from './de';
import { en } from './en';
import { intlLocale, translate, type MessageKey, type ParamsArgument } from './translate';

describe('translate', () => {
	it('picks the word for a count by the plural rules of the language', () => {
		const total = (language: Language, lines: string | number) =>
			translate(language, 'reports.import.total', { amount: '€1', lines });
		expect(total('en', 1)).toBe('Total of the file: €1 over 1 line');
		expect(total('en', 2)).toBe('Total of the file: €1 over 2 lines');
		expect(total('en', '1,000')).toBe('Total of the file: €1 over 1,000 lines');
		expect(total('de', '1')).toBe('Summe der Datei: €1 in 1 Zeile');
		expect(total('de', '1.000')).toBe('Summe der Datei: €1 in 1.000 Zeilen');
		expect(total('de', 0)).toBe('Summe der Datei: €1 in 0 Zeilen');
	});

	it('has every key in both languages, with the same placeholders', () => {
		expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
		for (const key of Object.keys(en) as (keyof typeof en)[]) {
			const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
			expect(names(de[key]), key).toEqual(names(en[key]));
			expect(de[key].trim(), key).not.toBe('');
		}
	});

	it('types the parameters each text names (svelte-check fails on a wrong call)', () => {
		const t = <Key extends MessageKey>(key: Key, ...params: ParamsArgument<Key>) =>
			translate('en', key, params[0]);
		expect(t('desk.partnerId', { id: 'SP-1' })).toBe('Partner id: SP-1');
		// @ts-expect-error: the text names {id}, so a call without it does not compile
		expect(t('desk.partnerId')).toBe('Partner id: {id}');
		// @ts-expect-error: a misspelt name does not compile either
		expect(t('desk.partnerId', { ids: 'SP-1' })).toBe('Partner id: {id}');
		// @ts-expect-error: a text without placeholders takes no parameters
		expect(t('nav.desk', { id: 'x' })).toBe('Desk');
	});

	it('fills placeholders', () => {
		expect(translate('en', 'desk.welcome', { company: 'Muster IT-Services GmbH' })).toBe(
			'Welcome, Muster IT-Services GmbH'
		);
		expect(translate('de', 'error.backup-newer', { file: 'b.json', version: 3 })).toBe(
			'b.json: Diese Sicherung stammt von einem neueren Partner Desk (Format 3). Aktualisieren Sie zuerst die App. Es wurde nichts geändert.'
		);
	});

	it('uses the browser region when it speaks the language', () => {
		expect(intlLocale('de', ['de-AT', 'en-US'])).toBe('de-AT');
		expect(intlLocale('en', ['de-AT', 'en-US'])).toBe('en-US');
		expect(intlLocale('en', ['de-DE'])).toBe('en-GB');
	});

	it('calls delivery one word in German: "Zugestellt", never also "Geliefert"', () => {
		expect(de['state.delivered']).toBe(de['bundle.delivered']);
		expect(Object.values(de).filter((text) => /geliefert/i.test(text))).toEqual([]);
	});
});

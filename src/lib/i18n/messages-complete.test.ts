import { describe, expect, it } from 'vitest';
import type { MessageInput } from '$lib/domain/finding';
import { LANGUAGES, type Language } from '$lib/domain/language';
import { FILE_PROBLEM_CODES, ROW_PROBLEM_CODES } from '$lib/import/import-problem';
import { formatImportProblem } from '$lib/import/import-messages';
import { describePackProblem, type PackProblemCode } from '$lib/programs/pack-problem';
import { describeFinding } from '$lib/programs/omnissa-sp/rules/messages';
import { ruleCatalog, type RuleId } from '$lib/programs/omnissa-sp/rules/rule-catalog';
import {
	commercialRuleCatalog,
	type CommercialRuleId
} from '$lib/programs/omnissa-sp/commercial/commercial-findings';
import { describeCommercialFinding } from '$lib/programs/omnissa-sp/commercial/commercial-messages';
import { genesysRuleCatalog, type GenesysRuleId } from '$lib/programs/genesys-appfoundry/findings';
import { describeGenesysFinding } from '$lib/programs/genesys-appfoundry/finding-messages';
import { de } from './de';
import { en, type MessageKey } from './en';
import { translate } from './translate';

/**
 * Every text a user can read, in both languages: the app's table and the sentences the core
 * builds (rule findings of each program, commercial findings, import and pack problems). Each is
 * rendered with sample parameters and must read as a sentence: something in each language, no
 * `undefined`, `NaN` or unfilled placeholder, and not the English text again in German.
 */
type Rendered = { key: string; text: Record<Language, string> };

/** Numbers a finding may name: any name gives a value, so no sentence meets a gap. */
const sampleNumbers = new Proxy({} as Record<string, string>, {
	get: (_, name) => (name === 'currency' ? 'EUR' : name === 'lines' ? '4, 7' : '2')
});
const sampleInput: MessageInput = {
	subject: { kind: 'line', line: 7, sid: 'SID-1001', customerRef: 'Kunde A', sku: 'UEM-ADV' },
	numbers: sampleNumbers
};

function appTexts(): Rendered[] {
	return (Object.keys(en) as MessageKey[]).map((key) => {
		const params = Object.fromEntries(
			[...en[key].matchAll(/\{(\w+)[}|]/g)].map((match) => [match[1], '2'])
		);
		return {
			key,
			text: { de: translate('de', key, params), en: translate('en', key, params) }
		};
	});
}

type Described = { message: Record<Language, string>; fixHint: Record<Language, string> };
const sentencesOf = (id: string, { message, fixHint }: Described): Rendered[] => [
	{ key: `${id} message`, text: message },
	{ key: `${id} fix hint`, text: fixHint }
];

function findingTexts(): Rendered[] {
	const commercialInput = {
		subject: { kind: 'contract', id: 'C-1' },
		numbers: sampleNumbers
	} as const;
	const genesysInput = {
		subject: { kind: 'listing', id: 'L-1', name: 'Ticket Bridge' },
		numbers: sampleNumbers
	} as const;
	return [
		...Object.keys(ruleCatalog).flatMap((id) =>
			sentencesOf(id, describeFinding(id as RuleId, sampleInput))
		),
		...Object.keys(commercialRuleCatalog).flatMap((id) =>
			sentencesOf(id, describeCommercialFinding(id as CommercialRuleId, commercialInput))
		),
		...Object.keys(genesysRuleCatalog).flatMap((id) =>
			sentencesOf(id, describeGenesysFinding(id as GenesysRuleId, genesysInput))
		)
	];
}

function problemTexts(): Rendered[] {
	const importProblems = [...FILE_PROBLEM_CODES, ...ROW_PROBLEM_CODES].map((code) => {
		const problem = {
			code,
			file: 'usage.csv',
			line: 7,
			field: 'quantity' as const,
			column: 'Menge',
			value: '12',
			expected: '14'
		};
		return {
			key: code,
			text: { de: formatImportProblem(problem, 'de'), en: formatImportProblem(problem, 'en') }
		};
	});
	const packCodes: PackProblemCode[] = [
		'invalid-json',
		'invalid-field',
		'unknown-field',
		'unknown-pack'
	];
	const packProblems = packCodes.map((code) => {
		const problem = { code, field: 'parameters.submitDueDay', detail: 'too big' };
		return {
			key: code,
			text: {
				de: describePackProblem({ problem, locale: 'de' }),
				en: describePackProblem({ problem, locale: 'en' })
			}
		};
	});
	return [...importProblems, ...packProblems];
}

/** Words German writes as English does; a text of only these (and figures) is the same in both. */
const SHARED_WORDS = new Set(
	'Aggregator Status Filter Name Revision Support Passphrase optional Partner Desk Deutsch English SID SIDs SKU Lead Leads Listing Listings Person'.split(
		' '
	)
);
const sharedByBoth = (text: string) =>
	(text.match(/\p{L}+/gu) ?? []).every((word) => SHARED_WORDS.has(word));

describe.each([
	['the app table', appTexts],
	['finding sentences', findingTexts],
	['import and pack problems', problemTexts]
])('every text of %s, in both languages', (_, texts) => {
	it('reads as a sentence in each language', () => {
		const rendered = texts();
		expect(rendered.length).toBeGreaterThan(0);
		const gaps = rendered.flatMap(({ key, text }) =>
			LANGUAGES.filter(
				(language) =>
					text[language].trim() === '' || /undefined|NaN|\[object|\{\w+\}/.test(text[language])
			).map((language) => `${key} (${language}): ${text[language]}`)
		);
		expect(gaps).toEqual([]);
	});

	it('is not the English text again in German', () => {
		const untranslated = texts()
			.filter(({ text }) => text.de === text.en && !sharedByBoth(text.en))
			.map(({ key, text }) => `${key}: ${text.en}`);
		expect(untranslated).toEqual([]);
	});
});

describe('the app table', () => {
	it('has the same keys in both languages', () => {
		expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
	});
});

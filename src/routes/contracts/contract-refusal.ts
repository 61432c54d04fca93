import type { Language } from '$lib/domain/settings';
import { translate, type MessageKey } from '$lib/i18n/translate';
import type { RecordRefused } from '$lib/store/program-records-repo';

const KNOWN = ['contract-term-overlap', 'record-id-taken', 'record-field-invalid'];

/** The first reason a contract was refused, in the user's language, naming the field. */
export function refusalText(refusal: RecordRefused, language: Language): string {
	const [problem] = refusal.problems;
	const code = KNOWN.includes(problem?.code) ? problem.code : 'record-field-invalid';
	return translate(language, `contracts.refused.${code}` as MessageKey, {
		field: problem?.field ?? ''
	});
}

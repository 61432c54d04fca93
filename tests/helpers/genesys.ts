import type { DecimalString } from '$lib/domain/money';
import { detectDelimiter } from '$lib/import/detect-delimiter';
import { classifyNumber, parseLocaleNumber } from '$lib/import/locale-number';
import { detectNewline } from '$lib/import/parse-window';
import { readCsvRecords } from '$lib/import/read-csv-records';
import {
	mapGenesysRecords,
	type GenesysCsvKind,
	type MappedCsv
} from '$lib/programs/genesys-appfoundry/csv-columns';
import type { NumberReader } from '$lib/programs/genesys-appfoundry/csv-cells';

/**
 * The Genesys CSV tests read files as the app will: the shared importer reads the records, the
 * program maps them (programs do not import the importer, so the two meet here and in the store).
 */
export function readGenesysCsv(options: {
	text: string;
	file: string;
	kind: GenesysCsvKind;
	mapping?: Record<string, string>;
}): MappedCsv {
	const text = options.text.replace(/^\uFEFF/, '');
	const newline = detectNewline({ text });
	const delimiter = detectDelimiter({ text, newline }) ?? ',';
	const records = [...readCsvRecords({ text, delimiter, newline })].flat();
	return mapGenesysRecords({ ...options, records });
}

/** The importer's number reading: the stated locale, or both tried and an ambiguous cell refused. */
export function numberReader(locale?: 'de' | 'en'): NumberReader {
	return (text) => {
		let use = locale;
		if (use === undefined) {
			const evidence = classifyNumber({ text });
			if (evidence === 'ambiguous') return { ok: false, reason: 'ambiguous-number' };
			use = evidence === 'de' ? 'de' : 'en';
		}
		const parsed = parseLocaleNumber({ text, locale: use });
		return parsed.ok
			? { ok: true, value: parsed.value as DecimalString }
			: { ok: false, reason: 'not-a-number' };
	};
}

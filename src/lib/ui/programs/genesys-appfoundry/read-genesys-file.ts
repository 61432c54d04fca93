import type { DecimalString } from '$lib/domain/money';
import { decodeBytes } from '$lib/import/decode-bytes';
import { detectDelimiter } from '$lib/import/detect-delimiter';
import { classifyNumber, parseLocaleNumber } from '$lib/import/locale-number';
import { detectNewline } from '$lib/import/parse-window';
import { readCsvRecords } from '$lib/import/read-csv-records';
import type { NumberReader } from '$lib/programs/genesys-appfoundry/csv-cells';
import {
	mapGenesysRecords,
	type GenesysCsvKind,
	type MappedCsv
} from '$lib/programs/genesys-appfoundry/csv-columns';
import {
	parseLeadRows,
	parseListingRows,
	parseRevenueRows,
	parseTrainingRows,
	type GenesysRowProblem
} from '$lib/programs/genesys-appfoundry/csv-rows';
import type { Listing } from '$lib/programs/genesys-appfoundry/records';

/**
 * Reads a Genesys CSV as the usage import reads a file: the shared importer finds the newline,
 * the delimiter and the records (quotes, physical line numbers); the program maps the columns by
 * their names in German or English. Programs do not import the importer, so the two meet here.
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

/** A file's records of one kind, or every problem found in it (then nothing is to be stored). */
export type GenesysFileRead =
	| { ok: true; kind: GenesysCsvKind; records: unknown[] }
	| { ok: false; problems: GenesysRowProblem[] };

/**
 * The records of a Genesys file of `kind`: all of them when every row reads, otherwise the
 * problems (file, line, field, value), so a half-read file never reaches the KPI.
 */
export function readGenesysFile(options: {
	bytes: Uint8Array;
	file: string;
	kind: GenesysCsvKind;
	listings: readonly Listing[];
}): GenesysFileRead {
	const { text } = decodeBytes({ bytes: options.bytes });
	const csv = readGenesysCsv({ text, file: options.file, kind: options.kind });
	const readNumber = numberReader();
	const parsed =
		options.kind === 'revenue'
			? parseRevenueRows({ csv, readNumber, listings: options.listings })
			: options.kind === 'leads'
				? parseLeadRows({ csv, readNumber, listings: options.listings })
				: options.kind === 'listings'
					? parseListingRows({ csv })
					: parseTrainingRows({ csv });
	if (parsed.problems.length > 0) return { ok: false, problems: parsed.problems };
	return { ok: true, kind: options.kind, records: parsed.records.map((row) => row.record) };
}

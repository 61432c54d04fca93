import { resolveColumns, type ColumnMapping, type ResolvedColumns } from './column-mapping';
import type { TextEncodingName } from './chunk-decoder';
import { decodeBytes, type DecodedText } from './decode-bytes';
import { detectDelimiter, readSepLine } from './detect-delimiter';
import { REQUIRED_FIELDS, type ImportProblem, type NumberLocale } from './import-problem';
import { findMappingPreset, type MappingPreset } from './mapping-preset';
import type { NumberQuestion } from './number-question';
import type { Delimiter } from './parse-window';
import { detectNewline } from './parse-window';
import { readCsvRecords, type CsvRecord } from './read-csv-records';
import { binaryKind, findContentProblem } from './text-content';

/** What the importer found out about a file, for the user to confirm or correct. */
export type ImportDetection = {
	encoding: TextEncodingName;
	bom: boolean;
	delimiter?: Delimiter;
	numberLocale?: NumberLocale;
	/** Physical line of the header row (1 unless title or `sep=` lines come first). */
	headerLine?: number;
	header: string[];
	/** Field to column index. */
	columns: ResolvedColumns;
	/** The source of the preset whose mapping was used, if one matched the header. */
	presetSource?: string;
	/** The mapping used (the caller's, a preset's), or absent when the headers said it all. */
	mapping?: ColumnMapping;
	/** The file has no total column: every line's total is quantity × unit price, computed. */
	totalsComputed?: true;
	/**
	 * The number format could not be told with certainty: the user is asked, shown the first
	 * rows read both ways, and the answer is checked again (and kept in the mapping preset).
	 */
	numberQuestion?: NumberQuestion;
};

export type UsageTable = {
	detected: ImportDetection;
	/** File-level problems; when there are any, `batches` yields nothing. */
	problems: ImportProblem[];
	/**
	 * The records below the header, one batch per slice of text (blank ones left out). Read
	 * lazily, so a caller can check each batch and let it go: 100k records held at once cost
	 * more in garbage collection than parsing them.
	 */
	batches: Iterable<CsvRecord[]>;
};

/** Title lines above the header are tolerated up to this many records. */
const HEADER_SEARCH = 10;

/**
 * Decodes the bytes, finds delimiter and header row, and resolves the columns (the caller's
 * mapping, else a preset made for this header, else the header names).
 */
export function readUsageTable({
	bytes,
	fileName,
	mapping,
	presets = [],
	decoded
}: {
	bytes: Uint8Array;
	/** The text when the caller decoded it already, chunk by chunk as it read the file. */
	decoded?: DecodedText;
	fileName: string;
	mapping?: ColumnMapping;
	presets?: readonly MappingPreset[];
}): UsageTable {
	const { text, encoding, bom } = decoded ?? decodeBytes({ bytes });
	const detected: ImportDetection = { encoding, bom, header: [], columns: {} };
	const fail = (problem: Omit<ImportProblem, 'file'>): UsageTable => ({
		detected,
		problems: [{ ...problem, file: fileName }],
		batches: []
	});
	const content = findContentProblem({ text });
	if (content === 'binary-file') return fail({ code: content, value: binaryKind({ text }) });
	if (content) return fail({ code: content });

	const newline = detectNewline({ text });
	const sep = readSepLine({ text });
	const delimiter = mapping?.delimiter ?? sep?.delimiter ?? detectDelimiter({ text, newline });
	if (delimiter) detected.delimiter = delimiter;
	const reader = readCsvRecords({
		text,
		delimiter: delimiter ?? ',',
		newline,
		offset: sep?.length ?? 0,
		firstLine: sep ? 2 : 1
	});
	const head: CsvRecord[] = [];
	while (head.length < HEADER_SEARCH) {
		const next = reader.next();
		if (next.done) break;
		head.push(...next.value);
	}

	const choice = chooseHeader({ records: head, mapping, presets });
	if (!choice) return fail({ code: 'empty-file' });
	const { index, preset } = choice;
	const headerRecord = head[index] as CsvRecord;
	const used = mapping ?? preset?.mapping;
	const header = headerRecord.cells.map((cell) => cell.trim());
	const { columns, missing } = resolveColumns({ header, mapping: used });
	Object.assign(detected, { headerLine: headerRecord.line, header, columns });
	if (used) detected.mapping = used;
	if (preset && !mapping) detected.presetSource = preset.source;
	if (used?.numberLocale) detected.numberLocale = used.numberLocale;

	const at = { file: fileName, line: headerRecord.line };
	const problems: ImportProblem[] = missing.map(({ field, ref }) => ({
		code: 'mapped-column-missing',
		...at,
		field,
		value: typeof ref === 'number' ? `#${ref + 1}` : ref
	}));
	const absent = REQUIRED_FIELDS.filter((field) => columns[field] === undefined);
	if (!used && absent.length === REQUIRED_FIELDS.length) {
		problems.push({ code: 'no-columns', ...at, value: header.join(', ') });
	} else {
		for (const field of absent) {
			if (!missing.some((entry) => entry.field === field)) {
				problems.push({ code: 'missing-column', ...at, field });
			}
		}
	}
	if (problems.length > 0) return { detected, problems, batches: [] };
	if (columns.total === undefined) detected.totalsComputed = true;
	return { detected, problems, batches: rest(head.slice(index + 1), reader) };
}

function* rest(first: CsvRecord[], reader: Iterator<CsvRecord[]>): Generator<CsvRecord[]> {
	if (first.length > 0) yield first;
	for (let next = reader.next(); !next.done; next = reader.next()) yield next.value;
}

/**
 * The header is the first record unless a later one of the first few names more known
 * columns (or matches a preset): exports sometimes start with a title line.
 */
function chooseHeader({
	records,
	mapping,
	presets
}: {
	records: readonly CsvRecord[];
	mapping?: ColumnMapping;
	presets: readonly MappingPreset[];
}): { index: number; preset?: MappingPreset } | undefined {
	let best: { index: number; preset?: MappingPreset; score: number } | undefined;
	records.slice(0, HEADER_SEARCH).forEach((record, index) => {
		const header = record.cells.map((cell) => cell.trim());
		const preset = mapping ? undefined : findMappingPreset({ header, presets });
		const { columns } = resolveColumns({ header, mapping: mapping ?? preset?.mapping });
		const score = Object.keys(columns).length + (preset ? 100 : 0);
		if (!best || score > best.score) best = preset ? { index, preset, score } : { index, score };
	});
	return best;
}

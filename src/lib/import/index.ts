/** The pure CSV import core: no DOM, no storage; runs in Node, a page or a worker. */
export { createChunkDecoder, type ChunkDecoder, type TextEncodingName } from './chunk-decoder';
export {
	normalizeHeader,
	recognizeColumns,
	resolveColumns,
	type ColumnMapping,
	type ColumnRef,
	type ResolvedColumns
} from './column-mapping';
export { formatCsv, formatUsageCsv, type CsvColumn } from './csv-export';
export { decodeBytes, type DecodedText } from './decode-bytes';
export { detectDelimiter } from './detect-delimiter';
export { formatImportProblem, type MessageLocale } from './import-messages';
export {
	isFileProblem,
	REQUIRED_FIELDS,
	type ImportProblem,
	type ImportProblemCode,
	type NumberLocale
} from './import-problem';
export {
	importUsageCsv,
	parseUsageCsv,
	PROGRESS_EVERY,
	type UsageImportOptions,
	type UsageImportResult
} from './import-usage-csv';
export { classifyNumber, findCurrency, parseLocaleNumber } from './locale-number';
export {
	createMappingPreset,
	findMappingPreset,
	headerSignature,
	type MappingPreset
} from './mapping-preset';
export { createNumberLocaleDetector, detectNumberLocale, readNumberCell } from './number-locale';
export type { CellReadings, NumberQuestion } from './number-question';
export type { Delimiter } from './parse-window';
export { readUsageTable, type ImportDetection, type UsageTable } from './read-usage-table';
export { runUsageImport } from './run-usage-import';
export { sha256Hex } from './sha256';
export type { TotalRow } from './total-row';
export { DEFAULT_SID_PATTERN } from './usage-row-schema';

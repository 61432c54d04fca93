import type { Finding } from './finding';
import type { PackRef } from './programs';
import type { ReportFacts, UsageLineFacts } from './report-facts';
import { parseScaled, type ScaledDecimal } from './scaled-decimal';
import type { UsageItem } from './usage-index';

/**
 * What every check of one run shares: the facts, the program's pack (`Pack`, its own schema) and
 * values derived from it once.
 */
export type CheckContext<Pack = unknown> = {
	facts: ReportFacts;
	pack: Pack;
	packRef: PackRef;
};

/** A line's numbers, parsed once per run; undefined where the text is not a decimal. */
export type ParsedLine = {
	quantity: ScaledDecimal | undefined;
	unitPrice: ScaledDecimal | undefined;
	total: ScaledDecimal | undefined;
};

/**
 * A per-line rule: at most one finding per line. `item` is the line's product entry in this
 * month's index (undefined without a SID). Stateful rules close over their own maps.
 */
export type LineCheck<Id extends string = string> = (
	line: UsageLineFacts,
	parsed: ParsedLine,
	item: UsageItem | undefined
) => Finding<Id> | undefined;

/** Makes a line check for one run. */
export type LineCheckFactory<Pack = unknown, Id extends string = string> = (
	context: CheckContext<Pack>
) => LineCheck<Id>;

/** Parses the three numbers of a line. */
export function parseLine(line: UsageLineFacts): ParsedLine {
	return {
		quantity: parseScaled(line.quantity),
		unitPrice: parseScaled(line.unitPrice),
		total: parseScaled(line.total)
	};
}

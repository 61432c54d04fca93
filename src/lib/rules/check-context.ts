import type { OmnissaSpPack } from '$lib/programs/omnissa-sp-schema';
import type { PackRef } from '$lib/programs/pack-schema';
import type { ReportFacts, UsageLineFacts } from './facts';
import type { Finding } from './finding';
import { parseScaled, type ScaledDecimal } from '$lib/domain/scaled-decimal';
import type { UsageItem } from './usage-index';

/** What every check of one run shares: the facts, the pack and values derived from it once. */
export type CheckContext = {
	facts: ReportFacts;
	pack: OmnissaSpPack;
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
export type LineCheck = (
	line: UsageLineFacts,
	parsed: ParsedLine,
	item: UsageItem | undefined
) => Finding | undefined;

/** Makes a line check for one run. */
export type LineCheckFactory = (context: CheckContext) => LineCheck;

/** Parses the three numbers of a line. */
export function parseLine(line: UsageLineFacts): ParsedLine {
	return {
		quantity: parseScaled(line.quantity),
		unitPrice: parseScaled(line.unitPrice),
		total: parseScaled(line.total)
	};
}

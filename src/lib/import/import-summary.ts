import type { UsageLine } from '../domain/usage-line';
import type { UsageImportResult } from './run-usage-import';

/**
 * Rows the importer could not read into a usage line: each read row gives a line or
 * problems. A line kept despite a problem (a total that is not quantity × price) is
 * imported: the rules engine flags it as blocking, and the user corrects it in the report.
 */
export function unreadableRows(result: UsageImportResult): number {
	return result.rowsRead - result.lines.length;
}

/** The periods and currencies the lines name, each once, sorted: one pass over 100k lines. */
export function namedIn(lines: readonly UsageLine[]): { periods: string[]; currencies: string[] } {
	const periods = new Set<string>();
	const currencies = new Set<string>();
	let period: string | undefined;
	let currency: string | undefined;
	for (const line of lines) {
		// Mostly the same as the line before: a comparison instead of a set lookup.
		if (line.period !== period) {
			period = line.period;
			if (period) periods.add(period);
		}
		if (line.currency !== currency) {
			currency = line.currency;
			if (currency) currencies.add(currency);
		}
	}
	return { periods: [...periods].sort(), currencies: [...currencies].sort() };
}

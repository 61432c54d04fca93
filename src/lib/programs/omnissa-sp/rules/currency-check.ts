import type { RuleId } from './rule-catalog';
import { lineSubject } from '$lib/domain/create-finding';
import { createFinding } from './create-finding';
import type { LineCheckFactory } from '$lib/domain/check-context';

/**
 * `currency-mismatch` (blocking): a report has one currency (DESIGN.md bundle `currency`), and a
 * sum across currencies means nothing. A line without a currency takes the report's; case and
 * surrounding spaces are not a mismatch ("eur " is EUR).
 */
export const currencyCheck: LineCheckFactory<unknown, RuleId> = (context) => {
	const reportCurrency = context.facts.currency;
	return (line) => {
		const currency = line.currency;
		if (currency === undefined || currency === '' || currency === reportCurrency) return undefined;
		if (currency.trim().toUpperCase() === reportCurrency.trim().toUpperCase()) return undefined;
		return createFinding({
			ruleId: 'currency-mismatch',
			subject: lineSubject(line),
			numbers: { lineCurrency: currency, reportCurrency },
			pack: context.packRef
		});
	};
};

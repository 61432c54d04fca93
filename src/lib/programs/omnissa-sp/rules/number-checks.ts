import { lineSubject } from '$lib/domain/create-finding';
import { createFinding } from './create-finding';
import type { LineCheckFactory, ParsedLine } from '$lib/domain/check-context';
import type { UsageLineFacts } from '$lib/domain/report-facts';
import type { RuleId } from './rule-catalog';

type NumberField = 'quantity' | 'unitPrice' | 'total';

/** One check per numeric field: a cell that is not a plain decimal cannot be billed. */
function numberCheck(field: NumberField, ruleId: RuleId): LineCheckFactory<unknown, RuleId> {
	return (context) => (line: UsageLineFacts, parsed: ParsedLine) => {
		if (parsed[field] !== undefined) return undefined;
		return createFinding({
			ruleId,
			subject: lineSubject(line),
			numbers: { value: line[field] },
			pack: context.packRef
		});
	};
}

/** `quantity-not-number` (blocking). */
export const quantityNumberCheck = numberCheck('quantity', 'quantity-not-number');
/** `unit-price-not-number` (blocking). */
export const unitPriceNumberCheck = numberCheck('unitPrice', 'unit-price-not-number');
/** `total-not-number` (blocking). */
export const totalNumberCheck = numberCheck('total', 'total-not-number');

import type { RuleId } from './rule-catalog';
import { lineSubject } from '$lib/domain/create-finding';
import { createFinding } from './create-finding';
import type { LineCheckFactory } from '$lib/domain/check-context';
import { judgeLineTotal } from '$lib/domain/line-total';
import { formatScaled } from '$lib/domain/scaled-decimal';

/**
 * `line-total-mismatch` (blocking) and `line-total-rounding` (warning): DESIGN.md fixes a line
 * total as quantity × unit price, rounded half-even to 2 places, and the pack states the rule
 * (`lineTotalRounding`). Exact comparison on scaled integers: "201.6" equals "201.60", but a
 * total off by one cent, or carrying the unrounded third decimal, is a mismatch. A total that
 * rounds an exact half the other way (162.63 for 1301 × 0.125 = 162.625, as half-up rounds) is
 * a cent of rounding, not wrong data: a warning to acknowledge or correct.
 */
export const lineTotalCheck: LineCheckFactory<unknown, RuleId> = (context) => (line, parsed) => {
	const { quantity, unitPrice, total } = parsed;
	// Unparsable numbers have their own findings; there is nothing to multiply.
	if (quantity === undefined || unitPrice === undefined || total === undefined) return undefined;
	const verdict = judgeLineTotal(quantity, unitPrice, total);
	if (verdict.kind === 'correct') return undefined;
	const numbers: Record<string, string> = {
		quantity: line.quantity,
		unitPrice: line.unitPrice,
		expected: formatScaled(verdict.expected),
		actual: line.total,
		currency: line.currency ?? context.facts.currency
	};
	if (verdict.kind === 'half-other-way') numbers.product = formatScaled(verdict.product);
	return createFinding({
		ruleId: verdict.kind === 'mismatch' ? 'line-total-mismatch' : 'line-total-rounding',
		subject: lineSubject(line),
		numbers,
		pack: context.packRef
	});
};

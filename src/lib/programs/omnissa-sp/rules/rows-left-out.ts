import type { RuleId } from './rule-catalog';
import type { CheckContext } from '$lib/domain/check-context';
import { createFinding } from './create-finding';
import type { Finding } from '$lib/domain/finding';

/** The message names this many lines; the count says how many there are. */
const LINES_NAMED = 10;

/**
 * `rows-left-out` (blocking): rows of the imported file that are not in the report and that the
 * partner has neither corrected into a line nor excluded with a reason. "Import the valid rows
 * only" must never turn into silent under-reporting (issue 9).
 */
export function checkRowsLeftOut(context: CheckContext): Finding<RuleId> | undefined {
	const lines = context.facts.leftOutLines ?? [];
	const count = lines.length + (context.facts.leftOutLost ?? 0);
	if (count === 0) return undefined;
	const named = lines.slice(0, LINES_NAMED);
	return createFinding({
		ruleId: 'rows-left-out',
		subject: { kind: 'report' },
		numbers: {
			count: String(count),
			lines: named.join(', '),
			more: String(count - named.length)
		},
		pack: context.packRef
	});
}

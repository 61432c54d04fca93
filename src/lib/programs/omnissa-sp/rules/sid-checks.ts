import type { RuleId } from './rule-catalog';
import type { OmnissaSpPack } from '$lib/programs/omnissa-sp/pack-schema';
import { lineSubject } from '$lib/domain/create-finding';
import { createFinding } from './create-finding';
import type { LineCheckFactory } from '$lib/domain/check-context';
import { compileSidPattern } from '$lib/domain/sid-pattern';

/**
 * `sid-missing` (blocking) and `sid-malformed` (warning): the seed requires every SID used to be
 * reported, so a line without a SID cannot be billed. A SID outside the pack's expected shape
 * may still be right (exports write ids in more than one shape), so it is a warning whose hint
 * says where to adjust the pattern. The pattern must match the whole SID (`compileSidPattern`
 * anchors it), so " SID-4711-HZN-01" with a stray space is malformed, not accepted.
 */
export const sidCheck: LineCheckFactory<OmnissaSpPack, RuleId> = (context) => {
	const source = context.pack.parameters.sidPattern.value;
	const pattern = compileSidPattern(source);
	return (line) => {
		if (line.sid.trim() === '') {
			return createFinding({
				ruleId: 'sid-missing',
				subject: lineSubject(line),
				numbers: {},
				pack: context.packRef
			});
		}
		if (pattern.test(line.sid)) return undefined;
		return createFinding({
			ruleId: 'sid-malformed',
			subject: lineSubject(line),
			numbers: { pattern: source },
			pack: context.packRef
		});
	};
};

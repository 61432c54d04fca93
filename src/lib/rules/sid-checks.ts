import { createFinding, lineSubject } from './create-finding';
import type { LineCheckFactory } from './check-context';

/**
 * `sid-missing` and `sid-malformed`: the seed requires every SID used to be reported, so a line
 * without a recognisable SID cannot be billed. The pack's pattern must match the whole SID
 * (it is anchored here), so " SID-4711-HZN-01" with a stray space is malformed, not accepted.
 */
export const sidCheck: LineCheckFactory = (context) => {
	const source = context.pack.parameters.sidPattern.value;
	const pattern = new RegExp(`^(?:${source})$`, 'u');
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

import type { Finding, FindingSubject, MessageInput, Severity } from './finding';
import type { LocalizedText } from './localized-text';
import type { PackRef } from './programs';
import type { UsageLineFacts } from './report-facts';

/** What a program brings to make its findings: a severity and sentences per rule id. */
export type FindingSource<Id extends string> = {
	severities: Readonly<Record<Id, Severity>>;
	describe: (ruleId: Id, input: MessageInput) => { message: LocalizedText; fixHint: LocalizedText };
};

export type FindingOptions<Id extends string> = {
	ruleId: Id;
	subject: FindingSubject;
	numbers: Record<string, string>;
	pack: PackRef;
	severity?: Severity;
};

/**
 * The `createFinding` of one program's rules: severity from its catalog (unless a rule sets it),
 * sentences from its message tables.
 */
export function findingFactory<Id extends string>(
	source: FindingSource<Id>
): (options: FindingOptions<Id>) => Finding<Id> {
	return (options) => {
		const { ruleId, subject, numbers, pack } = options;
		const severity = options.severity ?? source.severities[ruleId];
		return {
			ruleId,
			severity,
			subject,
			numbers,
			...source.describe(ruleId, { subject, numbers }),
			pack
		};
	};
}

/** The subject of a line finding; empty SID and absent customer are left out. */
export function lineSubject(line: UsageLineFacts): FindingSubject {
	const subject: FindingSubject = { kind: 'line', line: line.line };
	if (line.sid !== '') subject.sid = line.sid;
	if (line.customerRef !== undefined && line.customerRef !== '')
		subject.customerRef = line.customerRef;
	return subject;
}

import type { Finding } from '$lib/domain/finding';
import { findingKey } from '$lib/domain/finding-identity';

export type ReviewSummary = {
	blocking: number;
	/** Warnings without an acknowledgement. */
	openWarnings: number;
	acknowledged: number;
	info: number;
	/** Ready needs no blocking finding and every warning acknowledged. */
	canMarkReady: boolean;
};

/** Counts what stands between a report and "ready". */
export function summarizeReview(options: {
	findings: readonly Finding[];
	acknowledged: Readonly<Record<string, unknown>>;
}): ReviewSummary {
	const summary = { blocking: 0, openWarnings: 0, acknowledged: 0, info: 0 };
	for (const finding of options.findings) {
		if (finding.severity === 'blocking') summary.blocking++;
		else if (finding.severity === 'info') summary.info++;
		else if (findingKey(finding) in options.acknowledged) summary.acknowledged++;
		else summary.openWarnings++;
	}
	return { ...summary, canMarkReady: summary.blocking === 0 && summary.openWarnings === 0 };
}

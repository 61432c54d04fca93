import type { LifecycleRefusal } from '$lib/domain/report-lifecycle';

/**
 * The report lifecycle refused a step the user asked for (a second draft, marking ready with
 * open warnings). Expected, not a bug: it carries the lifecycle's code, which the page turns
 * into a sentence (src/lib/ui/problem-text.ts), never prose shown as "unexpected error".
 */
export class ReportRefused extends Error {
	readonly code: LifecycleRefusal['code'];
	readonly revisionId?: string;
	readonly count?: number;
	constructor(refusal: LifecycleRefusal) {
		super(refusal.code);
		this.name = 'ReportRefused';
		this.code = refusal.code;
		this.revisionId = refusal.revisionId;
		this.count = refusal.count;
	}
}

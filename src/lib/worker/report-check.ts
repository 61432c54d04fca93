import { checkReport } from '$lib/programs/omnissa-sp/rules/engine';
import type { Finding } from '$lib/domain/finding';
import { groupFindings, type FindingGroup } from '$lib/rules/finding-groups';
import { summarizeReview } from '$lib/rules/review-summary';
import type { GroupTotalsRecord, PartnerDeskDatabase } from '$lib/store/db';
import { readGroupTotals, readLines } from '$lib/store/report-repo';
import {
	FINDINGS_PER_PAGE,
	type CheckReply,
	type CheckRequest,
	type FindingGroupView
} from './report-check-protocol';

type Check = CheckRequest & { type: 'check' };

/**
 * The check worker's work, apart from its messages so that a test can run it in the page too:
 * read both months' lines, run `checkReport`, group the findings and keep them for the pages
 * and the signature that ask for them later.
 */
export class ReportChecker {
	#totals:
		| {
				revisionId: string;
				version: string;
				record: Pick<GroupTotalsRecord, 'bySid' | 'byCustomer'>;
		  }
		| undefined;
	#latest: { findings: Finding[]; groups: Map<string, FindingGroup> } | undefined;

	async check(db: PartnerDeskDatabase, request: Check): Promise<CheckReply> {
		const { facts, previousRevisionId } = request;
		const [lines, previousLines] = await Promise.all([
			readLines(db, request.revisionId),
			previousRevisionId ? readLines(db, previousRevisionId) : undefined
		]);
		const findings = checkReport({
			facts: {
				...facts,
				lines,
				previous: facts.previous && previousLines && { ...facts.previous, lines: previousLines }
			},
			pack: request.pack
		});
		const groups = groupFindings(findings);
		this.#latest = { findings, groups: new Map(groups.map((group) => [group.key, group])) };
		return {
			type: 'checked',
			id: request.id,
			summary: summarizeReview({ findings, acknowledged: request.acknowledged }),
			groups: groups.map(groupView),
			count: findings.length
		};
	}

	/** Findings `offset` to `offset + limit` of the newest check's group `group`. */
	page(request: CheckRequest & { type: 'page' }): CheckReply {
		const group = this.#latest?.groups.get(request.group);
		const findings = group?.findings.slice(request.offset, request.offset + request.limit) ?? [];
		return { type: 'page', id: request.id, findings };
	}

	/** A page of a revision's totals per SID or per customer; read once per version. */
	async totals(
		db: PartnerDeskDatabase,
		request: CheckRequest & { type: 'totals' }
	): Promise<CheckReply> {
		const { revisionId, version } = request;
		if (this.#totals?.revisionId !== revisionId || this.#totals.version !== version) {
			this.#totals = { revisionId, version, record: await readGroupTotals(db, revisionId) };
		}
		const rows = this.#totals.record[request.by];
		return {
			type: 'totals',
			id: request.id,
			rows: rows.slice(request.offset, request.offset + request.limit),
			count: rows.length
		};
	}

	/** Every finding of the newest check, in the engine's order: what a bundle carries. */
	findings(request: CheckRequest & { type: 'findings' }): CheckReply {
		return { type: 'findings', id: request.id, findings: this.#latest?.findings ?? [] };
	}
}

function groupView({ findings, ...group }: FindingGroup): FindingGroupView {
	return { ...group, first: findings.slice(0, FINDINGS_PER_PAGE) };
}

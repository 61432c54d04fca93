import { isFrozen, type ReportRevision } from '$lib/domain/report';
import type { Finding } from '$lib/domain/finding';
import { findingFingerprint, findingKey } from '$lib/domain/finding-identity';
import { excludedRowsOf, type LeftOutRows } from '$lib/domain/left-out-rows';
import { previousRevision } from '$lib/domain/report-lifecycle';
import type { UsageLine } from '$lib/domain/usage-line';
import { i18n } from '$lib/i18n/i18n.svelte';
import { formatUsageCsv } from '$lib/import/csv-export';
import type { ImportProblem } from '$lib/import/import-problem';
import { omnissaSpProgram } from '$lib/programs/omnissa-sp/program';
import { packRefOf } from '$lib/programs/pack-schema';
import type { ReviewSummary } from '$lib/rules/review-summary';
import { revisionFacts } from '$lib/rules/revision-facts';
import { signAndQueue } from '$lib/store/bundle-repo';
import { database, type PartnerDeskDatabase } from '$lib/store/db';
import { correctLeftOutRow, excludeLeftOutRow, readLeftOutRows } from '$lib/store/left-out-repo';
import { Live } from '$lib/store/live.svelte';
import { listBundles } from '$lib/store/outbox-repo';
import {
	acknowledgeFinding,
	correctLine,
	listRevisions,
	markReady,
	readLines,
	recordCreditReason
} from '$lib/store/report-repo';
import { Action } from '$lib/ui/action.svelte';
import { refusedReportBadge } from '$lib/ui/bundle-view';
import { outbox } from '$lib/ui/outbox.svelte';
import { ReportCheck } from '$lib/ui/report-check.svelte';
import { saveFile } from '$lib/ui/save-file';
import type { Workspace } from '$lib/ui/workspace.svelte';
import { reportStatus } from '../report-status';

/** The id of the review's status line: a failed action moves focus there. */
export const REVIEW_RESULT_ID = 'review-result';

type ReviewData = {
	revision: ReportRevision;
	previous?: ReportRevision;
	leftOut?: LeftOutRows;
	/** Revision numbers by id, to say where a kept acknowledgement came from. */
	numbers: Map<string, number>;
};

type WholeLines = {
	revisionId: string;
	lines: UsageLine[];
	/** The revision this one corrects, with its lines: the diff is against it. */
	corrected?: { revision: ReportRevision; lines: UsageLine[] };
};

const NOTHING_CHECKED: ReviewSummary = {
	blocking: 0,
	openWarnings: 0,
	acknowledged: 0,
	info: 0,
	canMarkReady: false
};

/**
 * One report under review, as rune state for its page: the stored revision and what belongs to
 * it, the rules check (in a worker, run again after every change), where it is delivered, and
 * the user's actions on it with one status line. The page and its sections only show it.
 * Construct it in the page's script: its live queries and the check follow the page's life.
 */
export class ReportReview {
	/** `id`: the id of the revision shown (the page's parameter). */
	constructor(
		private readonly ws: Workspace,
		private readonly id: () => string
	) {
		$effect(() => () => this.check.dispose());
		$effect(() => this.#runCheck());
	}

	/**
	 * The revision and last month's: re-read whenever a revision changes. No lines and no
	 * totals per SID or customer: the worker reads them, the tables a page at a time (a
	 * 100,000-line month froze the page for 26 s when they were all read, checked and listed
	 * here).
	 */
	readonly data = new Live<ReviewData | undefined>(async (db) => {
		const all = await listRevisions(db);
		const revision = all.find((candidate) => candidate.id === this.id());
		if (!revision) return undefined;
		return {
			revision,
			previous: previousRevision(revision, all),
			leftOut: await readLeftOutRows(db, revision.id),
			// Rebuilt with every read, never mutated: no reactive map needed.
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			numbers: new Map(all.map((other) => [other.id, other.revision]))
		};
	});

	/**
	 * All lines, only where the page shows them whole (credit reasons, a correction's diff against
	 * the revision it corrects), read apart from `data`: a corrected month's totals and first page
	 * of lines are on screen without waiting for both revisions' lines (ten years on the device:
	 * 2.8x a raw read of the month's chunks when they waited for them).
	 */
	readonly #whole = new Live<WholeLines | undefined>(async (db) => {
		const all = await listRevisions(db);
		const revision = all.find((candidate) => candidate.id === this.id());
		if (!revision) return undefined;
		const supersedes = all.find((other) => other.id === revision.supersedes);
		const corrected = supersedes && revision.kind === 'regular' ? supersedes : undefined;
		const wholeLines = corrected !== undefined || Object.keys(revision.creditReasons).length > 0;
		return {
			revisionId: revision.id,
			lines: wholeLines ? await readLines(db, revision.id) : [],
			corrected: corrected && { revision: corrected, lines: await readLines(db, corrected.id) }
		};
	});

	readonly check = new ReportCheck();
	// A queued report whose bundle the aggregator refused: the badge says so, not "Queued".
	readonly #bundles = new Live(listBundles);
	/** Every action on the review shares one status line (`REVIEW_RESULT_ID`). */
	readonly action = new Action({ statusId: REVIEW_RESULT_ID });
	/** The aggregator chosen to deliver to; none chosen: the first one set up. */
	deliverTo = $state('');

	// The workspace's own state, read through getters (it is already derived there).
	get pack() {
		return this.ws.packOf(omnissaSpProgram).pack;
	}
	get timeZone(): string {
		return this.ws.timeZone;
	}
	get aggregators() {
		return this.ws.aggregators;
	}
	get #now(): Date {
		return this.ws.now;
	}

	readonly packRef = $derived(packRefOf(this.pack));
	readonly revision = $derived(this.data.current?.revision);
	/** The whole lines of the revision shown, once read (none of another revision's). */
	readonly wholeLines = $derived(
		this.#whole.current && this.#whole.current.revisionId === this.revision?.id
			? this.#whole.current
			: undefined
	);
	readonly review = $derived(this.check.result?.summary ?? NOTHING_CHECKED);
	/** Ready waits for the check of the newest change. */
	readonly canMarkReady = $derived(this.review.canMarkReady && !this.check.checking);
	readonly editable = $derived(!!this.revision && !isFrozen(this.revision.state));
	/** The list and the page say the same: "In review" once the window opens, and overdue. */
	readonly status = $derived(
		this.revision &&
			reportStatus({
				revision: this.revision,
				pack: this.pack,
				timeZone: this.timeZone,
				now: this.#now
			})
	);
	readonly refused = $derived(
		this.revision?.state === 'queued'
			? refusedReportBadge(this.revision.id, this.#bundles.current ?? [])
			: undefined
	);
	readonly target = $derived(
		this.aggregators.find((a) => a.id === this.deliverTo) ?? this.aggregators[0]
	);
	/** The partner the bundle is signed for; none until Settings has the program's partner id. */
	readonly partner = $derived.by(() => {
		const profile = this.ws.profile;
		const id = profile?.partnerIds[omnissaSpProgram.id];
		return id && profile ? { id, name: profile.companyName } : undefined;
	});
	/** Rows of the import excluded with a reason (the confirmation counts them). */
	readonly excludedRows = $derived(excludedRowsOf(this.data.current?.leftOut?.rows ?? []).length);

	/** The rules check of the revision as stored now, with last month's for comparison. */
	#runCheck(): void {
		const current = this.data.current;
		if (!current) return;
		const { revision, previous, leftOut } = current;
		this.check.run({
			revisionId: revision.id,
			previousRevisionId: previous?.id,
			facts: revisionFacts({
				revision,
				lines: [],
				previous: previous && { revision: previous, lines: [] },
				leftOut,
				timeZone: this.timeZone,
				// The moment of the check: read once per run, not reactive.
				// eslint-disable-next-line svelte/prefer-svelte-reactivity
				now: new Date()
			}),
			pack: this.pack,
			acknowledged: revision.acknowledgements
		});
	}

	/** The revision number a kept acknowledgement was first given in. */
	carriedFrom(id: string | undefined): number | undefined {
		return id === undefined ? undefined : this.data.current?.numbers.get(id);
	}

	async #signFor(revisionId: string): Promise<void> {
		const target = this.target;
		const partner = this.partner;
		if (!target || !partner) return;
		await signAndQueue(await database(), { revisionId, aggregatorId: target.id, partner });
		void outbox.run();
	}

	/** Marks the revision ready and, when it can be delivered, signs and queues it at once. */
	markReady(revisionId: string): Promise<boolean> {
		return this.action.run(
			async () => {
				await markReady(await database(), { revisionId });
				await this.#signFor(revisionId);
			},
			{
				done:
					this.target && this.partner
						? i18n.t('report.ready.queued', { name: this.target.name })
						: i18n.t('report.ready.done'),
				focus: REVIEW_RESULT_ID
			}
		);
	}

	/** Signs a ready revision for the chosen aggregator and queues it. */
	sign(revisionId: string): Promise<boolean> {
		const name = this.target?.name ?? '';
		return this.action.run(() => this.#signFor(revisionId), {
			done: i18n.t('report.deliver.queued', { name }),
			focus: REVIEW_RESULT_ID
		});
	}

	/** `focus`: the id of the acknowledgement's note, shown once the revision is read again. */
	acknowledge(finding: Finding, reasonCode: string, comment: string, focus: string) {
		return this.#change(
			(db, revisionId) =>
				acknowledgeFinding(db, {
					revisionId,
					findingKey: findingKey(finding),
					fingerprint: findingFingerprint(finding),
					reasonCode,
					comment
				}),
			focus
		);
	}

	recordCreditReason(line: number, reason: string) {
		return this.#change(
			(db, revisionId) => recordCreditReason(db, { revisionId, line, reason }),
			'words-heading'
		);
	}

	correctLine(line: number, values: Pick<UsageLine, 'quantity' | 'unitPrice' | 'total'>) {
		return this.#change((db, revisionId) => correctLine(db, { revisionId, line, values }));
	}

	excludeLeftOutRow(line: number, reasonCode: string, comment: string) {
		return this.#change((db, revisionId) =>
			excludeLeftOutRow(db, { revisionId, line, reasonCode, comment })
		);
	}

	/** A left-out row corrected in place; the problems that keep it out, if any. */
	async correctLeftOutRow(line: number, cells: string[]): Promise<ImportProblem[]> {
		let problems: ImportProblem[] = [];
		await this.#change(async (db, revisionId) => {
			const result = await correctLeftOutRow(db, {
				revisionId,
				line,
				cells,
				sidPattern: this.pack.parameters.sidPattern.value
			});
			if (!result.ok) problems = result.problems;
		});
		return problems;
	}

	/** The revision's lines as a CSV file in the user's language. */
	exportCsv(): Promise<boolean> {
		return this.action.run(async () => {
			const revision = this.revision;
			if (!revision) return;
			const lines = await readLines(await database(), revision.id);
			const csv = formatUsageCsv({ lines, locale: i18n.language, bom: true });
			const name = `usage-${revision.period}-r${revision.revision}.${i18n.language}.csv`;
			saveFile({ name, text: csv, type: 'text/csv;charset=utf-8' });
		});
	}

	/** A change to the revision shown; the page shows it once the revision is read again. */
	async #change(
		work: (db: PartnerDeskDatabase, revisionId: string) => Promise<unknown>,
		focus?: string
	): Promise<void> {
		const revision = this.revision;
		if (!revision) return;
		await this.action.run(async () => work(await database(), revision.id), { focus });
	}
}

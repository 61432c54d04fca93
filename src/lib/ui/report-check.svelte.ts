import type { GroupTotal } from '$lib/domain/report-totals';
import type { Finding } from '$lib/domain/finding';
import type { ReviewSummary } from '$lib/rules/review-summary';
import type {
	CheckQuestion,
	CheckReply,
	CheckRequest,
	FindingGroupView
} from '$lib/worker/report-check-protocol';

type CheckOptions = Omit<CheckRequest & { type: 'check' }, 'type' | 'id'>;
export type CheckResult = { summary: ReviewSummary; groups: FindingGroupView[]; count: number };

/**
 * The page's side of the check worker, as rune state. `run` after every change; `result` is the
 * newest finished check, kept on screen while the next one runs (`checking`), so the findings
 * do not flicker away on each acknowledgement. A reply to an older request is dropped.
 */
export class ReportCheck {
	checking = $state(false);
	result = $state.raw<CheckResult | undefined>(undefined);
	failure = $state.raw<{ code: string; detail?: string } | undefined>(undefined);
	#worker: Worker | undefined;
	#next = 0;
	#latestCheck = 0;
	// Callbacks, not state: nothing renders from them.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #waiting = new Map<number, (reply: CheckReply) => void>();

	#connect(): Worker {
		if (this.#worker) return this.#worker;
		// Vite bundles a worker only from this literal `new URL(…, import.meta.url)` form.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const worker = new Worker(new URL('../worker/report-check.worker.ts', import.meta.url), {
			type: 'module'
		});
		worker.onmessage = (event: MessageEvent<CheckReply>) => this.#receive(event.data);
		worker.onerror = (event) => {
			this.failure = { code: 'unexpected', detail: event.message };
			this.checking = false;
		};
		this.#worker = worker;
		return worker;
	}

	#receive(reply: CheckReply): void {
		const waiting = this.#waiting.get(reply.id);
		this.#waiting.delete(reply.id);
		if (waiting) return waiting(reply);
		if (reply.id !== this.#latestCheck) return;
		this.checking = false;
		if (reply.type === 'checked') {
			this.result = { summary: reply.summary, groups: reply.groups, count: reply.count };
			this.failure = undefined;
		} else if (reply.type === 'failed') {
			this.failure = { code: reply.code, detail: reply.detail };
		}
	}

	#ask(request: CheckQuestion): Promise<CheckReply> {
		const id = ++this.#next;
		return new Promise((resolve) => {
			this.#waiting.set(id, resolve);
			this.#connect().postMessage({ ...request, id } satisfies CheckRequest);
		});
	}

	/** Checks the revision again; the reply becomes `result`. */
	run(options: CheckOptions): void {
		const id = (this.#latestCheck = ++this.#next);
		this.checking = true;
		this.#connect().postMessage({ type: 'check', id, ...options } satisfies CheckRequest);
	}

	/** Findings `offset` to `offset + limit` of a group of the newest check. */
	async page(group: string, offset: number, limit: number): Promise<Finding[]> {
		const reply = await this.#ask({ type: 'page', group, offset, limit });
		if (reply.type !== 'page') throw new Error(`no page of ${group}: ${reply.type}`);
		return reply.findings;
	}

	/** Every finding of the newest check (what a bundle carries); the check must have finished. */
	async findings(): Promise<Finding[]> {
		const reply = await this.#ask({ type: 'findings' });
		if (reply.type !== 'findings') throw new Error(`no findings: ${reply.type}`);
		return reply.findings;
	}

	/** Rows `offset` to `offset + limit` of a revision's totals per SID or per customer. */
	async totals(
		request: Omit<CheckRequest & { type: 'totals' }, 'id' | 'type'>
	): Promise<{ rows: GroupTotal[]; count: number }> {
		const reply = await this.#ask({ type: 'totals', ...request });
		if (reply.type !== 'totals') throw new Error(`no totals: ${reply.type}`);
		return { rows: reply.rows, count: reply.count };
	}

	dispose(): void {
		this.#worker?.terminate();
		this.#worker = undefined;
		for (const waiting of this.#waiting.values())
			waiting({ type: 'failed', id: 0, code: 'unexpected', detail: 'closed' });
		this.#waiting.clear();
	}
}

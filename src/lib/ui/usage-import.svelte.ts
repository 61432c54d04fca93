import type { ColumnMapping } from '$lib/import/column-mapping';
import type { ImportCheck, ImportReply, ImportRequest } from '$lib/worker/usage-import-protocol';

type StoreRequest = Omit<ImportRequest & { type: 'store' }, 'type'>;

/**
 * The page's side of the import worker, as rune state. Cancel terminates the
 * worker: whatever it was doing stops at once, and an unfinished IndexedDB
 * transaction is aborted by the browser, so a cancel never stores anything.
 */
export class UsageImport {
	phase = $state<'idle' | 'checking' | 'checked' | 'storing' | 'stored' | 'failed'>('idle');
	fileName = $state('');
	fileSize = $state(0);
	rowsRead = $state(0);
	bytesRead = $state(0);
	check = $state.raw<ImportCheck | undefined>(undefined);
	storedRevisionId = $state<string | undefined>(undefined);
	failure = $state.raw<{ code: string; detail?: string } | undefined>(undefined);
	#worker: Worker | undefined;
	#file: File | undefined;

	#connect(): Worker {
		if (this.#worker) return this.#worker;
		// Vite bundles a worker only from this literal `new URL(…, import.meta.url)` form.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const worker = new Worker(new URL('../worker/usage-import.worker.ts', import.meta.url), {
			type: 'module'
		});
		worker.onmessage = (event: MessageEvent<ImportReply>) => this.#receive(event.data);
		worker.onerror = (event) => {
			this.failure = { code: 'unexpected', detail: event.message };
			this.phase = 'failed';
		};
		this.#worker = worker;
		return worker;
	}

	#receive(message: ImportReply): void {
		switch (message.type) {
			case 'reading':
				this.bytesRead = message.bytesRead;
				break;
			case 'progress':
				this.rowsRead = message.rowsRead;
				break;
			case 'checked':
				this.check = message.check;
				this.rowsRead = message.check.rowsRead;
				this.phase = 'checked';
				break;
			case 'stored':
				this.storedRevisionId = message.revisionId;
				this.phase = 'stored';
				break;
			case 'cancelled':
				this.reset();
				break;
			case 'failed':
				this.failure = { code: message.code, detail: message.detail };
				this.phase = 'failed';
		}
	}

	start(file: File, mapping?: { source: string; columns: ColumnMapping }): void {
		this.reset();
		this.#file = file;
		this.fileName = file.name;
		this.fileSize = file.size;
		this.phase = 'checking';
		this.#connect().postMessage({ type: 'check', file, mapping } satisfies ImportRequest);
	}

	/** Checks the same file again with the columns the user mapped. */
	remap(mapping: { source: string; columns: ColumnMapping }): void {
		if (this.#file) this.start(this.#file, mapping);
	}

	store(request: StoreRequest): void {
		this.phase = 'storing';
		this.#connect().postMessage({ type: 'store', ...request } satisfies ImportRequest);
	}

	cancel(): void {
		this.#worker?.terminate();
		this.#worker = undefined;
		this.reset();
	}

	reset(): void {
		this.phase = 'idle';
		this.rowsRead = 0;
		this.bytesRead = 0;
		this.check = undefined;
		this.failure = undefined;
		this.storedRevisionId = undefined;
	}
}

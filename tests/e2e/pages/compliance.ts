import { expect, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

export type ReviewInput = {
	program?: string;
	aggregator?: string;
	reference: string;
	months?: string;
	year?: string;
	dueDate: string;
};

/** The Reviews page, driven by its labels (English). */
export class ReviewsPage {
	constructor(readonly page: Page) {}

	async open(): Promise<void> {
		await this.page.getByRole('link', { name: 'Reviews', exact: true }).click();
		await expect(
			this.page.getByRole('heading', { name: 'Compliance reviews', level: 1 })
		).toBeVisible();
	}

	async record(input: ReviewInput): Promise<void> {
		const page = this.page;
		if (input.program) await page.getByLabel('Program').selectOption({ label: input.program });
		if (input.aggregator) {
			await page.getByRole('radio', { name: /An aggregator/ }).check();
			await page
				.getByLabel('Aggregator', { exact: true })
				.selectOption({ label: input.aggregator });
		}
		await page.getByLabel('Reference').fill(input.reference);
		if (input.year) {
			await page.getByRole('radio', { name: 'A calendar year' }).check();
			await page.getByLabel('Year', { exact: true }).fill(input.year);
		} else await page.getByLabel('Which months').fill(input.months ?? '');
		await page.getByLabel('Answer due by').fill(input.dueDate);
		await page.getByRole('button', { name: 'Record review' }).click();
		await expect(page.getByText(`Review ${input.reference} recorded.`)).toBeVisible();
	}

	card(reference: string): Locator {
		return this.page.getByRole('article', { name: reference });
	}

	/** The checklist's lines of a review, as text ("Usage report September 2026 Present …"). */
	async checklist(reference: string): Promise<string[]> {
		const items = this.card(reference).getByRole('listitem');
		return (await items.allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
	}

	/** Clicks "Export evidence pack" and returns the ZIP's bytes. */
	async exportPack(reference: string): Promise<{ name: string; bytes: Uint8Array }> {
		const download = this.page.waitForEvent('download');
		await this.card(reference).getByRole('button', { name: 'Export evidence pack' }).click();
		const file = await download;
		return {
			name: file.suggestedFilename(),
			bytes: new Uint8Array(await readFile(await file.path()))
		};
	}
}

/** The Audit log page. */
export class AuditLogPage {
	constructor(readonly page: Page) {}

	async open(): Promise<void> {
		await this.page.getByRole('link', { name: 'Audit log', exact: true }).click();
		await expect(this.page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
	}

	/** Clicks Verify and returns the verdict once the chain has been recomputed. */
	async verify(): Promise<string> {
		const verdict = this.page.getByTestId('audit-verdict');
		await this.page.getByRole('button', { name: 'Verify', exact: true }).click();
		await expect(verdict).toHaveText(/^The log is/);
		return (await verdict.textContent())!.trim();
	}
}

/**
 * Changes one stored audit entry behind the app's back, as someone with the browser's developer
 * tools could: the raw IndexedDB store, no Dexie, no new hash.
 */
export async function editAuditEntry(
	page: Page,
	seq: number,
	detail: Record<string, string | number>
): Promise<void> {
	await page.evaluate(
		async ({ seq, detail }) => {
			const db = await new Promise<IDBDatabase>((done, fail) => {
				const request = indexedDB.open('partner-desk');
				request.onsuccess = () => done(request.result);
				request.onerror = () => fail(request.error);
			});
			const store = db.transaction('auditLog', 'readwrite').objectStore('auditLog');
			const entry = await new Promise<Record<string, unknown>>((done, fail) => {
				const request = store.get(seq);
				request.onsuccess = () => done(request.result);
				request.onerror = () => fail(request.error);
			});
			await new Promise((done, fail) => {
				const request = store.put({ ...entry, detail });
				request.onsuccess = done;
				request.onerror = () => fail(request.error);
			});
			db.close();
		},
		{ seq, detail }
	);
}

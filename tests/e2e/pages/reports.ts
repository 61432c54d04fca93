import { expect, type Page } from '@playwright/test';

export const FIXTURES = 'tests/fixtures';

/** The Reports page and a report's page, driven by their labels (English). */
export class ReportsPage {
	constructor(readonly page: Page) {}

	async open(): Promise<void> {
		await this.page.goto('/reports');
		await expect(
			this.page.getByRole('heading', { name: 'Monthly reports', level: 1 })
		).toBeVisible();
	}

	async choose(file: string): Promise<void> {
		await this.page.getByLabel('Usage export (CSV)').setInputFiles(file);
	}

	/** Imports a checked file and opens the new report. */
	async importAndOpen(): Promise<void> {
		await this.page.getByRole('button', { name: 'Import', exact: true }).click();
		await this.page.getByRole('link', { name: 'Open the report' }).click();
		await expect(this.page.getByRole('heading', { name: /^Usage report / })).toBeVisible();
		await this.waitForCheck();
	}

	/** The rules check runs in a worker: its findings appear once it has finished. */
	async waitForCheck(): Promise<void> {
		await expect(
			this.page.getByText(/^([\d,]+ blocking, |No findings: )/).or(this.page.getByRole('alert'))
		).toBeVisible();
		await expect(this.page.getByText('Checking the report…')).toHaveCount(0);
	}

	finding(text: string | RegExp) {
		return this.page.locator('li.finding').filter({ hasText: text });
	}

	async acknowledge(finding: string | RegExp, reason: string, comment: string): Promise<void> {
		const item = this.finding(finding);
		await item.getByLabel('Reason').selectOption({ label: reason });
		await item.getByLabel('Comment').fill(comment);
		await item.getByRole('button', { name: 'Acknowledge' }).click();
		await expect(item.getByText(/^Acknowledged:/)).toBeVisible();
	}

	/** Mark ready, then confirm the summary: signed and queued when an aggregator is set up. */
	async markReady(): Promise<void> {
		await this.page.getByRole('button', { name: 'Mark ready', exact: true }).click();
		const dialog = this.page.getByRole('dialog', { name: 'Mark the report ready?' });
		await expect(dialog).toBeVisible();
		await dialog.getByRole('button', { name: /^Mark ready/ }).click();
		await expect(dialog).toBeHidden();
	}
}

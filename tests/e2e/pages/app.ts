import { expect, type Page } from '@playwright/test';
import { cp, mkdtemp } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic } from '../../../scripts/serve.js';

/**
 * Waits until the service worker is activated, which it is only once the whole
 * precache is stored: from then on every page loads without a network.
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
	await page.evaluate(async () => {
		const registration = await navigator.serviceWorker.ready;
		const worker = registration.active;
		if (!worker || worker.state === 'activated') return;
		await new Promise<void>((done) =>
			worker.addEventListener('statechange', () => worker.state === 'activated' && done())
		);
	});
}

/** A copy of the build served on a port of its own, for tests that stop or change the host. */
export async function startOwnHost(): Promise<{
	url: string;
	dir: string;
	close: () => Promise<void>;
}> {
	const dir = await mkdtemp(join(tmpdir(), 'partner-desk-host-'));
	await cp('build', dir, { recursive: true });
	const server = await serveStatic({ dir, port: 0 });
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		dir,
		close: async () => {
			server.closeAllConnections();
			await new Promise((done) => server.close(done));
		}
	};
}

export type SettingsInput = {
	company: string;
	omnissaId?: string;
	genesysId?: string;
	programs?: ('Omnissa Service Provider' | 'Genesys AppFoundry ISV')[];
	currency?: string;
	timeZone?: string;
	language?: 'de' | 'en';
};

/** The Settings page, driven by its labels (English). */
export class SettingsPage {
	constructor(readonly page: Page) {}

	async open(): Promise<void> {
		await this.page.goto('/settings');
		await expect(this.page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
	}

	async fill(input: SettingsInput): Promise<void> {
		const page = this.page;
		await page.getByLabel('Company name').fill(input.company);
		for (const program of input.programs ?? []) {
			await page.getByRole('checkbox', { name: new RegExp(program) }).check();
		}
		if (input.omnissaId)
			await page.getByLabel('Partner id for Omnissa Service Provider').fill(input.omnissaId);
		if (input.genesysId)
			await page.getByLabel('Partner id for Genesys AppFoundry ISV').fill(input.genesysId);
		if (input.currency) await page.getByLabel('Default currency').fill(input.currency);
		if (input.timeZone) await page.getByLabel('Time zone').fill(input.timeZone);
		if (input.language) await page.getByLabel('Language').selectOption(input.language);
	}

	async save(): Promise<void> {
		await this.page.getByRole('button', { name: /Save settings|Einstellungen speichern/ }).click();
	}

	async addAggregator(name: string, id: string): Promise<void> {
		await this.page.getByLabel('Name', { exact: true }).fill(name);
		await this.page.getByLabel('Aggregator id').fill(id);
		await this.page.getByRole('button', { name: 'Add aggregator' }).click();
		await expect(this.page.getByText(`Aggregator ${name} saved.`)).toBeVisible();
	}
}

export const MUSTER: SettingsInput = {
	company: 'Muster IT-Services GmbH',
	omnissaId: 'SP-4711',
	genesysId: 'AF-0815',
	programs: ['Omnissa Service Provider', 'Genesys AppFoundry ISV'],
	currency: 'EUR',
	timeZone: 'Europe/Berlin'
};

import { expect, type Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startAggregator } from '../../../aggregator/server.js';
import { readHeldBundles } from '../../../aggregator/storage.js';
import { testDataDir } from '../../../aggregator/test-database.js';
import { E2E_PORT } from './port';
import { FIXTURES, ReportsPage } from './reports';

export const PARTNER_ID = 'SP-4711';
export const AGGREGATOR_ID = 'also-de';

type AggregatorOptions = NonNullable<Parameters<typeof startAggregator>[0]>;

/**
 * The reference aggregator as a real server on a free port, with a data directory (and embedded
 * database) of its own. It lets the app's pages (and only them) call it, as `npm start` does.
 */
export async function runAggregator(options: AggregatorOptions = {}) {
	const target = await testDataDir();
	const aggregator = await startAggregator({
		port: 0,
		dataDir: target.dataDir,
		database: target.database,
		allowOrigins: [`http://127.0.0.1:${E2E_PORT}`],
		...options
	});
	return {
		...aggregator,
		/** What the aggregator holds, as its operator lists it (`bundles list`). */
		async held(): Promise<
			{
				bundleId: string;
				revision: number;
				supersedes: string | null;
				partnerId: string;
				digest: string;
			}[]
		> {
			return readHeldBundles(target);
		},
		/** A bundle exactly as the aggregator stored it, with its receipt. */
		async stored(bundleId: string) {
			const found = await aggregator.store.read(bundleId);
			if (!found) throw new Error(`the aggregator holds no bundle ${bundleId}`);
			return found;
		},
		async stop() {
			await aggregator.close();
			await target.close();
		}
	};
}

/** The operator issues the partner a bearer token with the aggregator's own command. */
export async function issueToken(dataDir: string): Promise<string> {
	const { stdout } = await promisify(execFile)(process.execPath, [
		'aggregator/cli.js',
		'tokens',
		'issue',
		'--data',
		dataDir,
		'--partner',
		PARTNER_ID
	]);
	// The secret is the last line; the first says which token it is.
	return stdout.trim().split('\n').at(-1)!;
}

/** The operator registers the partner's key file with the aggregator's own command. */
export async function registerKey(dataDir: string, keyFile: string): Promise<void> {
	await promisify(execFile)(process.execPath, [
		'aggregator/cli.js',
		'keys',
		'add',
		'--data',
		dataDir,
		'--partner',
		PARTNER_ID,
		keyFile
	]);
}

/** Settings as a partner fills them in: profile, the Omnissa program, the aggregator's endpoint. */
export async function setUpPartner(page: Page, endpoint: string): Promise<void> {
	await page.goto('/settings');
	await page.locator('#company-name').fill('Muster IT-Services GmbH');
	await page.locator('#partner-id-omnissa-sp').fill(PARTNER_ID);
	await page.locator('input[value="omnissa-sp"]').check();
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'saved' })).toBeVisible();
	await page.locator('#aggregator-name').fill('ALSO Deutschland');
	await page.locator('#aggregator-id').fill(AGGREGATOR_ID);
	await page.locator('#aggregator-endpoint').fill(endpoint);
	await page.getByRole('button', { name: 'Add aggregator' }).click();
	await expect(page.getByText('Aggregator ALSO Deutschland saved.')).toBeVisible();
}

/** Makes the device key and downloads its public half, as a partner sends it to the aggregator. */
export async function downloadPublicKey(page: Page): Promise<string> {
	await page.goto('/settings');
	await page.getByRole('button', { name: 'Create the key' }).click();
	await expect(page.getByTestId('key-thumbprint')).toBeVisible();
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download the public key' }).click();
	const file = join(await mkdtemp(join(tmpdir(), 'partner-desk-key-')), 'key.jwk');
	await (await download).saveAs(file);
	return file;
}

/** Imports September's export, acknowledges its lateness and marks it ready: signed, queued. */
export async function markSeptemberReady(page: Page, file = 'usage-2026-09.en.csv'): Promise<void> {
	const reports = new ReportsPage(page);
	await reports.open();
	await reports.choose(`${FIXTURES}/omnissa/${file}`);
	await reports.importAndOpen();
	await reports.acknowledge(
		/was due by 15 October 2026/,
		'Other',
		'Reported late, agreed by phone'
	);
	await reports.markReady();
	await expect(
		page.getByText('Marked ready, signed and queued for ALSO Deutschland.')
	).toBeVisible();
}

/** The Sync page's entry for a bundle of a month and revision. */
export function bundleEntry(page: Page, month: string, revision = 1) {
	return page
		.getByTestId('bundle')
		.filter({ has: page.getByRole('link', { name: month }) })
		.filter({ hasText: `Revision ${revision}` });
}

import type { UsageLine } from '$lib/domain/usage-line';
/**
 * Builders for the sync tests (imported by *.test.ts only, in Node): the October 2026 sample
 * report (tests/fixtures/SAMPLE-DATA.md) imported by the real importer, checked by the real rules
 * engine against September, reviewed and marked ready, as the app would sign it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { base64url } from 'jose';
import { toPeriod } from '$lib/domain/period';
import type { ReportRevision } from '$lib/domain/report';
import { parseUsageCsv } from '$lib/import/import-usage-csv';
import { testPack } from './rules';
import type { OmnissaSpPack } from '$lib/programs/omnissa-sp/pack-schema';
import { packRefOf } from '$lib/programs/pack-schema';
import { checkReport } from '$lib/programs/omnissa-sp/rules/engine';
import type { Finding } from '$lib/domain/finding';
import { findingKey } from '$lib/domain/finding-identity';
import { buildBundlePayload, type BuildBundlePayloadOptions } from '$lib/sync/build-bundle-payload';
import { toBundleId, type BundlePayload } from '$lib/sync/bundle-payload';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

export const expectedFigures = JSON.parse(readFileSync(`${fixtures}expected.json`, 'utf8'))
	.omnissa as Record<string, { rows: number; total: string }>;

function importFixture(name: string): UsageLine[] {
	const result = parseUsageCsv({
		bytes: new Uint8Array(readFileSync(`${fixtures}omnissa/${name}`)),
		fileName: name
	});
	if (result.problems.length > 0) throw new Error(JSON.stringify(result.problems));
	return result.lines;
}

export const septemberLines = importFixture('usage-2026-09.en.csv');
export const octoberLines = importFixture('usage-2026-10.de.csv');

/** The built-in Omnissa pack, as the rules' tests load it. */
export function omnissaPack(): OmnissaSpPack {
	return testPack();
}

/** The October file's credit line (line 6, Nordlicht, -6) with the reason the partner gives. */
const CREDIT_REASONS = { 6: 'Six users cancelled on 2026-10-20' };

/**
 * October checked against September on the demo date, with the credit reason entered: no
 * blocking finding; two warnings (TechnoForm +32.14 %, Bäckerei Hüttner's dropped SID) and one
 * information (the new customer Alpenblick). Without the credit reason, line 6 is blocking.
 */
export function octoberFindings(
	options: { creditReasons?: Readonly<Record<number, string>> } = {}
): Finding[] {
	const { creditReasons = CREDIT_REASONS } = options;
	return checkReport({
		facts: {
			period: toPeriod(2026, 10),
			currency: 'EUR',
			lines: octoberLines,
			previous: { period: toPeriod(2026, 9), lines: septemberLines },
			now: new Date('2026-11-12T10:00:00Z'),
			timeZone: 'Europe/Berlin',
			creditReasons
		},
		pack: omnissaPack()
	});
}

/** The October revision, reviewed (both warnings acknowledged) and marked ready. */
export function readyRevision(
	findings: readonly Finding[],
	changes: Partial<ReportRevision> = {}
): ReportRevision {
	const acknowledgements: ReportRevision['acknowledgements'] = {};
	for (const finding of findings) {
		if (finding.ruleId === 'quantity-change')
			acknowledgements[findingKey(finding)] = {
				reasonCode: 'customer-growth',
				comment: 'TechnoForm opened a second site',
				at: '2026-11-12T09:40:00.000Z'
			};
		if (finding.ruleId === 'sid-dropped')
			acknowledgements[findingKey(finding)] = {
				reasonCode: 'other',
				comment: 'Bäckerei Hüttner cancelled published apps',
				at: '2026-11-12T09:41:00.000Z'
			};
	}
	return {
		id: '0b8f3c9e-2a41-4c8e-9d57-7f1a2b3c4d5e',
		programId: 'omnissa-sp',
		period: toPeriod(2026, 10),
		kind: 'regular',
		revision: 1,
		supersedes: null,
		state: 'ready',
		currency: 'EUR',
		createdAt: '2026-11-10T08:00:00.000Z',
		updatedAt: '2026-11-12T09:45:00.000Z',
		readyAt: '2026-11-12T09:45:00.000Z',
		lineCount: octoberLines.length,
		totals: { quantity: '13941', amount: '77220.34' } as ReportRevision['totals'],
		acknowledgements,
		creditReasons: CREDIT_REASONS,
		zeroUsageConfirmed: false,
		...changes
	};
}

export const BUNDLE_ID = toBundleId('5d0c2a8e-7b1f-4e3a-9c6d-2f8e4a1b7c90');

/** The options that build the October bundle, for a test to change one of them. */
export function octoberOptions(
	changes: Partial<BuildBundlePayloadOptions> = {}
): BuildBundlePayloadOptions {
	const findings = changes.findings ?? octoberFindings();
	return {
		revision: readyRevision(findings),
		lines: octoberLines,
		findings,
		pack: packRefOf(omnissaPack()),
		partner: { id: 'SP-4711', name: 'Muster IT-Services GmbH' },
		aggregator: { id: 'AGG-EXD-DE', name: 'Example Distribution GmbH' },
		bundleId: BUNDLE_ID,
		supersedes: null,
		previousDigest: null,
		createdAt: new Date('2026-11-12T09:46:00Z'),
		...changes
	};
}

export function octoberPayload(changes: Partial<BuildBundlePayloadOptions> = {}): BundlePayload {
	return buildBundlePayload(octoberOptions(changes));
}

/** A JSON value as base64url, as a JWS member carries it. */
export function encodeJson(value: unknown): string {
	return base64url.encode(JSON.stringify(value));
}

/** The decoded JSON of a base64url JWS member. */
export function decodeJson(encoded: string): unknown {
	return JSON.parse(new TextDecoder().decode(base64url.decode(encoded)));
}

/**
 * A short but complete bundle: the first two October lines (871.50 + 946.20) and the acknowledged
 * TechnoForm warning. For tests that sign or tamper with it many times.
 */
export function smallPayload(changes: Partial<BuildBundlePayloadOptions> = {}): BundlePayload {
	const findings = octoberFindings().filter((finding) => finding.ruleId === 'quantity-change');
	return octoberPayload({
		lines: octoberLines.slice(0, 2),
		findings,
		revision: readyRevision(findings, {
			lineCount: 2,
			totals: { quantity: '73', amount: '1817.70' } as ReportRevision['totals']
		}),
		...changes
	});
}

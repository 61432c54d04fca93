import type { UsageLine } from '$lib/domain/usage-line';
import canonicalize from 'canonicalize';
import { expect, test } from 'vitest';
import { isDecimalString, type DecimalString } from '$lib/domain/money';
import { toPeriod } from '$lib/domain/period';
import type { ReportRevision } from '$lib/domain/report';
import { DEFAULT_SID_PATTERN } from '$lib/import/usage-row-schema';
import { loadBuiltInPack } from '$lib/programs/built-in-packs';
import { packRefOf } from '$lib/programs/pack-schema';
import { checkReport } from '$lib/programs/omnissa-sp/rules/engine';
import type { UsageLineFacts } from '$lib/domain/report-facts';
import { findingKey } from '$lib/domain/finding-identity';
import { buildBundlePayload } from '$lib/sync/build-bundle-payload';
import { lineTotalOf, totalAmountOf } from '$lib/sync/bundle-amounts';
import { toBundleId } from '$lib/sync/bundle-payload';
import { signBundle, signPayload } from '$lib/sync/sign-bundle';
import { createSigningKey } from '$lib/sync/signing-key';
import { verifyBundle } from '$lib/sync/verify-bundle';
import { saveBenchFigures } from './bench-result';
import { measure } from './measure';
import { SIGNING_BUDGET } from './signing-budget';
import { generateUsage, type UsageRow } from './usage-data';

const LINES = 10_000;

/**
 * The generator plants problems a ready report cannot have (bad SIDs, cells that are no number,
 * wrong totals, other currencies, credits without a reason): those rows are left out, so the
 * payload is one the app would sign.
 */
function readyLines(rows: readonly UsageRow[]): UsageLine[] {
	const lines: UsageLine[] = [];
	for (const row of rows) {
		const { quantity, unitPrice, total } = row;
		if (!DEFAULT_SID_PATTERN.test(row.sid) || row.currency !== 'EUR') continue;
		if (!isDecimalString(quantity) || !isDecimalString(unitPrice) || !isDecimalString(total))
			continue;
		if (quantity.startsWith('-') || lineTotalOf({ quantity, unitPrice }) !== total) continue;
		lines.push({
			line: lines.length + 2,
			sid: row.sid,
			description: row.description,
			customerRef: row.customerRef,
			sku: row.sku,
			quantity,
			unitPrice,
			total,
			currency: row.currency
		});
	}
	return lines;
}

function lineFacts(rows: readonly UsageRow[]): UsageLineFacts[] {
	return rows.map((row, index) => ({ ...row, line: index + 2 }));
}

test('signing a 10,000-line bundle: signBundle against canonicalize + WebCrypto sign', async () => {
	const loaded = loadBuiltInPack({ id: 'omnissa-sp' });
	if (!loaded.ok || loaded.value.id !== 'omnissa-sp') throw new Error('built-in pack invalid');
	const pack = loaded.value;
	// Headroom for the planted rows that are left out.
	const { current, previous } = generateUsage({ lines: LINES + 200 });
	const lines = readyLines(current).slice(0, LINES);
	expect(lines).toHaveLength(LINES);
	// The payload carries the real findings of the month (new SIDs and customers, changes,
	// doubled rows), each acknowledged warning with a reason, as a reviewed report would.
	const findings = checkReport({
		facts: {
			period: toPeriod(2026, 10),
			currency: 'EUR',
			lines,
			previous: { period: toPeriod(2026, 9), lines: lineFacts(previous) },
			now: new Date('2026-11-12T10:00:00Z'),
			timeZone: 'Europe/Berlin'
		},
		pack
	});
	expect(findings.filter((finding) => finding.severity === 'blocking')).toEqual([]);
	const acknowledgements: ReportRevision['acknowledgements'] = {};
	for (const finding of findings) {
		if (finding.severity === 'warning')
			acknowledgements[findingKey(finding)] = {
				reasonCode: 'customer-growth',
				comment: 'Checked with the customer',
				at: '2026-11-12T09:40:00.000Z'
			};
	}
	const revision: ReportRevision = {
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
		lineCount: lines.length,
		totals: { quantity: '0' as DecimalString, amount: totalAmountOf(lines) },
		acknowledgements,
		creditReasons: {},
		zeroUsageConfirmed: false
	};
	const payload = buildBundlePayload({
		revision,
		lines,
		findings,
		pack: packRefOf(pack),
		partner: { id: 'SP-4711', name: 'Muster IT-Services GmbH' },
		aggregator: { id: 'AGG-EXD-DE', name: 'Example Distribution GmbH' },
		bundleId: toBundleId('5d0c2a8e-7b1f-4e3a-9c6d-2f8e4a1b7c90'),
		supersedes: null,
		previousDigest: null,
		createdAt: new Date('2026-11-12T09:46:00Z')
	});
	expect(payload.findings.length).toBeGreaterThan(100);

	const key = await createSigningKey();
	const encoder = new TextEncoder();
	const baseline = async () => {
		const bytes = encoder.encode(canonicalize(payload));
		return crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key.privateKey, bytes);
	};

	// Both must do the work they are timed for: a bundle the aggregator accepts, and a raw
	// signature WebCrypto verifies over the same canonical bytes.
	const signed = await signBundle({ payload, ...key });
	const verified = await verifyBundle(signed.jws, { trustedKids: [key.kid] });
	expect(verified.ok && verified.digest).toBe(signed.digest);
	const publicKey = await crypto.subtle.importKey(
		'jwk',
		key.publicJwk,
		{ name: 'ECDSA', namedCurve: 'P-256' },
		false,
		['verify']
	);
	const bytes = encoder.encode(canonicalize(payload));
	expect(bytes.length).toBeGreaterThan(1_500_000);
	const signature = await baseline();
	expect(
		await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, publicKey, signature, bytes)
	).toBe(true);

	const timings = await measure(
		{
			signPayload: { run: () => signPayload({ payload, ...key }) },
			signBundle: { run: () => signBundle({ payload, ...key }) },
			baseline: { run: baseline }
		},
		{ runs: 21, warmups: 3 }
	);
	const samples = (name: 'signPayload' | 'signBundle') => ({
		value: timings[name].samples,
		baseline: timings.baseline.samples
	});
	await saveBenchFigures('bundle-sign', [
		{
			name: 'sign 10k-line bundle: canonicalise + jose JWS / canonicalize + WebCrypto sign',
			value: timings.signPayload.median,
			unit: 'ms',
			baseline: timings.baseline.median,
			target: SIGNING_BUDGET.signPayload,
			samples: samples('signPayload')
		},
		{
			// What the outbox runs: signPayload plus one more SHA-256 over the 3.5 MB signing input.
			name: 'sign 10k-line bundle + chain digest (signBundle) / canonicalize + WebCrypto sign',
			value: timings.signBundle.median,
			unit: 'ms',
			baseline: timings.baseline.median,
			target: SIGNING_BUDGET.signBundle,
			samples: samples('signBundle')
		}
	]);
});

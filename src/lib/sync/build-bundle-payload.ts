import type { UsageLine } from '$lib/domain/usage-line';
import { compare, toAmount } from '$lib/domain/money';
import { excludedRowsOf, unresolvedCount, type LeftOutRows } from '$lib/domain/left-out-rows';
import type { ReportRevision } from '$lib/domain/report';
import { bundleKind } from '$lib/domain/report-lifecycle';
import type { PackRef } from '$lib/domain/programs';
import type { Finding } from '$lib/domain/finding';
import { findingKey } from '$lib/domain/finding-identity';
import { lineTotalOf, totalAmountOf } from './bundle-amounts';
import {
	BundlePayloadSchema,
	type BundleDigest,
	type BundleFinding,
	type BundleId,
	type BundleLine,
	type BundlePayload
} from './bundle-payload';

export type BundleBuildErrorCode =
	| 'not-ready'
	| 'blocking-findings'
	| 'stale-lines'
	| 'line-total-mismatch'
	| 'stale-totals'
	| 'stale-findings'
	| 'supersedes-mismatch'
	| 'rows-left-out'
	| 'invalid-payload';

/**
 * Building a payload fails only for a bug in the caller (the UI signs a ready, checked revision
 * with its own lines and current findings), so it throws; the code says which bug.
 */
export class BundleBuildError extends Error {
	readonly code: BundleBuildErrorCode;
	readonly field?: string;
	constructor(code: BundleBuildErrorCode, message: string, field?: string) {
		super(message);
		this.name = 'BundleBuildError';
		this.code = code;
		this.field = field;
	}
}

export type BuildBundlePayloadOptions = {
	/** The revision to send; it must be `ready` (frozen). */
	revision: ReportRevision;
	/** All of its lines, in file order. */
	lines: readonly UsageLine[];
	/** The current check of those lines (blocking, warnings, information). */
	findings: readonly Finding[];
	/** The pack the findings were computed with: its version goes into `program`. */
	pack: PackRef;
	partner: { id: string; name: string };
	aggregator: { id: string; name: string };
	bundleId: BundleId;
	/** The bundle that carried the revision this one corrects; null for revision 1. */
	supersedes: BundleId | null;
	/** The digest of the last bundle signed for this aggregator; null for the first. */
	previousDigest: BundleDigest | null;
	createdAt: Date;
	/** The audit log's head when signing (hex SHA-256 of its newest entry); null for an empty log. */
	auditHead?: string | null;
	/** The rows of the file that are not lines (none: every row is a line); each must be resolved. */
	leftOut?: Pick<LeftOutRows, 'rows' | 'lostRows'>;
};

function bundleLine(line: UsageLine, revision: ReportRevision): BundleLine {
	const total = lineTotalOf(line);
	// The check made this a blocking finding; a line that still differs means stale findings.
	if (compare(line.total, total) !== 0)
		throw new BundleBuildError(
			'line-total-mismatch',
			`line ${line.line}: ${line.quantity} × ${line.unitPrice} is ${total}, not ${line.total}`,
			`line ${line.line}`
		);
	const out: BundleLine = {
		sid: line.sid,
		description: line.description,
		quantity: line.quantity,
		unitPrice: line.unitPrice,
		// Numerically the stored total; written with exactly 2 decimals ("201.6" → "201.60").
		total
	};
	// The export's own words, when it has them (DESIGN.md's line shape); absent, never empty.
	if (line.customerRef) out.customerRef = line.customerRef;
	if (line.sku) out.sku = line.sku;
	if (line.unit) out.unit = line.unit;
	if (line.contractId) out.contractId = line.contractId;
	const creditReason = revision.creditReasons[String(line.line)]?.trim();
	if (creditReason) out.creditReason = creditReason;
	return out;
}

function bundleFinding(finding: Finding, revision: ReportRevision): BundleFinding {
	const out: BundleFinding = {
		ruleId: finding.ruleId,
		severity: finding.severity,
		message: finding.message.en
	};
	const acknowledgement = revision.acknowledgements[findingKey(finding)];
	// The time of the acknowledgement stays in the audit log; the protocol carries the reason.
	if (acknowledgement)
		out.acknowledged = { reasonCode: acknowledgement.reasonCode, comment: acknowledgement.comment };
	return out;
}

/**
 * The payload of a ready revision (DESIGN.md "Signed report bundles"): its lines with totals at 2
 * decimals, quantities and prices exactly as imported, SKU, unit, contract id and credit reason
 * where there are any, its kind, its findings in English with their
 * acknowledgements joined by finding key. Refuses (throws `BundleBuildError`) a revision that is
 * not ready, one with a blocking finding, and inputs that do not belong together (lines, totals
 * or findings of another state of the report). A warning without an acknowledgement is carried
 * as it is: one can appear after "ready" (the report turned late) and a frozen revision cannot
 * be acknowledged any more.
 */
export function buildBundlePayload(options: BuildBundlePayloadOptions): BundlePayload {
	const { revision, lines, findings, pack } = options;
	if (revision.state !== 'ready')
		throw new BundleBuildError(
			'not-ready',
			`revision ${revision.id} is ${revision.state}: only a ready revision is signed`
		);
	const blocking = findings.filter((finding) => finding.severity === 'blocking');
	if (blocking.length > 0)
		throw new BundleBuildError(
			'blocking-findings',
			`revision ${revision.id} has ${blocking.length} blocking finding(s): ${blocking
				.map((finding) => findingKey(finding))
				.join(', ')}`
		);
	const stale = findings.find(
		(finding) => finding.pack.id !== pack.id || finding.pack.version !== pack.version
	);
	if (stale || pack.id !== revision.programId)
		throw new BundleBuildError(
			'stale-findings',
			`findings and revision must use pack ${revision.programId} ${pack.version}`
		);
	if (lines.length !== revision.lineCount)
		throw new BundleBuildError(
			'stale-lines',
			`revision ${revision.id} has ${revision.lineCount} lines, ${lines.length} were given`
		);
	if (revision.revision === 1 && options.supersedes !== null)
		throw new BundleBuildError(
			'supersedes-mismatch',
			`revision 1 with supersedes ${options.supersedes}: revision 1 supersedes nothing`,
			'supersedes'
		);

	const leftOut = options.leftOut ?? { rows: [], lostRows: 0 };
	if (unresolvedCount(leftOut) > 0)
		throw new BundleBuildError(
			'rows-left-out',
			`revision ${revision.id} has ${unresolvedCount(leftOut)} row(s) of its file neither in it nor excluded`,
			'excludedRows'
		);

	const bundleLines = lines.map((line) => bundleLine(line, revision));
	const amount = totalAmountOf(bundleLines);
	if (amount !== toAmount(revision.totals.amount))
		throw new BundleBuildError(
			'stale-totals',
			`the lines add up to ${amount}, the revision says ${revision.totals.amount}`,
			'totals.amount'
		);

	const payload = {
		bundleId: options.bundleId,
		revision: revision.revision,
		supersedes: options.supersedes,
		kind: bundleKind(revision),
		partner: { id: options.partner.id, name: options.partner.name },
		aggregator: { id: options.aggregator.id, name: options.aggregator.name },
		program: { id: revision.programId, packVersion: pack.version },
		period: revision.period,
		createdAt: options.createdAt.toISOString(),
		currency: revision.currency,
		lines: bundleLines,
		totals: { amount },
		findings: findings.map((finding) => bundleFinding(finding, revision)),
		excludedRows: excludedRowsOf(leftOut.rows),
		...(options.auditHead ? { auditHead: options.auditHead } : {}),
		previousDigest: options.previousDigest
	};
	// The last line of defence before a signature makes it permanent.
	const parsed = BundlePayloadSchema.safeParse(payload);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new BundleBuildError('invalid-payload', issue.message, issue.path.join('.'));
	}
	return parsed.data;
}

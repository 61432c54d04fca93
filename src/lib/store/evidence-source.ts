import { excludedRowsOf } from '$lib/domain/left-out-rows';
import { isFrozen, type ReportRevision } from '$lib/domain/report';
import { formatUsageCsv } from '$lib/import/csv-export';
import type { NumberLocale } from '$lib/import/import-problem';
import { findingKey } from '$lib/domain/finding-identity';
import { formatAuditLog, linkingRun, matchesAuditFilter } from '$lib/sync/audit-slice';
import { base64url } from 'jose';
import type { BundlePayload } from '$lib/sync/bundle-payload';
import { evidenceReadme } from '$lib/sync/evidence-readme';
import type { PackFile } from '$lib/sync/evidence-pack';
import type { PartnerDeskDatabase } from './db';
import { fromLineColumns } from './line-columns';
import { checkStoredRevision } from './review-check';

/** What an evidence pack covers: a program's months (a calendar year is its twelve). */
export type EvidenceScope = {
	programId: string;
	periods: readonly string[];
	/** The review it answers, when there is one (its reference goes into the README). */
	reviewId?: string;
	locale: NumberLocale;
	now: Date;
};

/**
 * A source of pack files. The pack is the concatenation of the sources in `EVIDENCE_SOURCES`;
 * contracts and customers come from the program's records; revenue and training (issue 13) are
 * placeholders until Genesys keeps them.
 */
export type EvidenceSource = (
	db: PartnerDeskDatabase,
	scope: EvidenceScope
) => AsyncIterable<PackFile>;

/** What a review reads of a signed payload: the members RFC 8785 puts before `kind`. */
export type BundleHead = Pick<
	BundlePayload,
	'aggregator' | 'auditHead' | 'bundleId' | 'createdAt' | 'currency' | 'excludedRows' | 'findings'
>;

/** 64 KiB of base64url at a time (a multiple of 4, so each block decodes on its own). */
const BLOCK = 1 << 16;

/**
 * The head of a stored bundle's payload, decoded block by block only as far as it goes. The
 * payload is RFC 8785 JSON, members sorted: `kind` follows `findings`, and the lines (the bulk
 * of a 100,000-line bundle, 15 MB) come after it, so they are never decoded. Decoding the whole
 * payload took 6 s a bundle with atob in Chromium under load.
 */
export async function readBundleHead(
	db: PartnerDeskDatabase,
	bundleId: string
): Promise<BundleHead> {
	const body = await db.bundleBodies.get(bundleId);
	if (!body) throw new Error(`no body for bundle ${bundleId}`);
	const encoded = body.jws.payload;
	const decoder = new TextDecoder();
	let text = '';
	for (let start = 0; start < encoded.length; start += BLOCK) {
		text += decoder.decode(base64url.decode(encoded.slice(start, start + BLOCK)), { stream: true });
		const end = text.indexOf(',"kind":"');
		if (end >= 0) return JSON.parse(`${text.slice(0, end)}}`) as BundleHead;
	}
	throw new Error(`bundle ${bundleId}: no kind member in its payload`);
}

async function revisionsOf(
	db: PartnerDeskDatabase,
	scope: EvidenceScope
): Promise<ReportRevision[]> {
	const out: ReportRevision[] = [];
	for (const period of [...scope.periods].sort()) {
		const month = await db.reports
			.where('[programId+period]')
			.equals([scope.programId, period])
			.toArray();
		out.push(...month.sort((a, b) => a.revision - b.revision || a.id.localeCompare(b.id)));
	}
	return out;
}

const folderOf = (revision: ReportRevision) =>
	`reports/${revision.programId}/${revision.period}/r${revision.revision}-${revision.kind}`;

/** A revision's lines as CSV, one stored chunk (1,000 lines) at a time; the header once. */
async function* revisionCsv(
	db: PartnerDeskDatabase,
	revision: ReportRevision,
	locale: NumberLocale
) {
	const keys = await db.lineChunks
		.where('[revisionId+index]')
		.between([revision.id, 0], [revision.id, Infinity])
		.primaryKeys();
	if (keys.length === 0) yield formatUsageCsv({ lines: [], locale });
	for (const [i, key] of keys.entries()) {
		const chunk = await db.lineChunks.get(key);
		if (!chunk) continue;
		const text = formatUsageCsv({ lines: fromLineColumns(chunk.columns), locale, bom: i === 0 });
		yield i === 0 ? text : text.slice(text.indexOf('\r\n') + 2);
	}
}

/** The monthly reports as CSV, with their findings, acknowledgements and exclusions. */
export const reportsSource: EvidenceSource = async function* (db, scope) {
	for (const revision of await revisionsOf(db, scope)) {
		const folder = folderOf(revision);
		yield { path: `${folder}.csv`, content: () => revisionCsv(db, revision, scope.locale) };
		yield {
			path: `${folder}-findings.json`,
			content: async function* () {
				yield JSON.stringify(await findingsOf(db, revision, scope.now), null, 2) + '\n';
			}
		};
	}
};

/** What was signed when it was signed; the current check of a revision not signed yet. */
async function findingsOf(db: PartnerDeskDatabase, revision: ReportRevision, now: Date) {
	const common = { revisionId: revision.id, revision: revision.revision, state: revision.state };
	const bundles = (await db.bundles.where('revisionId').equals(revision.id).toArray()).sort(
		(a, b) => a.createdAt.localeCompare(b.createdAt)
	);
	const sent = bundles.find((b) => b.state !== 'withdrawn');
	if (isFrozen(revision.state) && sent) {
		const payload = await readBundleHead(db, sent.bundleId);
		return {
			...common,
			source: `bundle ${sent.bundleId}`,
			findings: payload.findings,
			excludedRows: payload.excludedRows
		};
	}
	const { findings } = await checkStoredRevision(db, { revision, now });
	const leftOut = await db.leftOutRows.get(revision.id);
	return {
		...common,
		source: 'current check',
		findings: findings.map((finding) => {
			const ack = revision.acknowledgements[findingKey(finding)];
			return {
				ruleId: finding.ruleId,
				severity: finding.severity,
				message: finding.message.en,
				...(ack ? { acknowledged: { reasonCode: ack.reasonCode, comment: ack.comment } } : {})
			};
		}),
		excludedRows: excludedRowsOf(leftOut?.rows ?? [])
	};
}

/** Signed bundles exactly as stored and sent (the request body), and their receipts. */
export const bundlesSource: EvidenceSource = async function* (db, scope) {
	for (const revision of await revisionsOf(db, scope)) {
		const bundles = (await db.bundles.where('revisionId').equals(revision.id).toArray()).sort(
			(a, b) => a.createdAt.localeCompare(b.createdAt)
		);
		for (const bundle of bundles) {
			yield {
				path: `bundles/${revision.period}/${bundle.bundleId}.jws.json`,
				content: async function* () {
					const body = await db.bundleBodies.get(bundle.bundleId);
					if (!body) throw new Error(`no body for bundle ${bundle.bundleId}`);
					const { protected: header, payload, signature } = body.jws;
					// The body the outbox POSTs: JSON.stringify of the flattened JWS, members in this
					// order; handed on in 1 MB pieces rather than one 15 MB one.
					const text = JSON.stringify({ protected: header, payload, signature });
					for (let start = 0; start < text.length; start += 1 << 20)
						yield text.slice(start, start + (1 << 20));
				}
			};
			if (bundle.receipt)
				yield {
					path: `receipts/${revision.period}/${bundle.bundleId}.json`,
					content: () => [JSON.stringify(bundle.receipt)]
				};
		}
	}
};

/** The audit-log slice of the scope, and the run that links it (and each bundle's auditHead) to the head. */
export const auditSource: EvidenceSource = async function* (db, scope) {
	const all = await db.auditLog.orderBy('seq').toArray();
	const filter = { program: scope.programId, periods: scope.periods };
	const slice = all.filter((entry) => matchesAuditFilter(entry, filter));
	const heads = new Set<string>();
	for (const revision of await revisionsOf(db, scope))
		for (const bundle of await db.bundles.where('revisionId').equals(revision.id).toArray()) {
			const head = (await readBundleHead(db, bundle.bundleId)).auditHead;
			if (head) heads.add(head);
		}
	const committed = all.filter((entry) => heads.has(entry.hash));
	const first = [...slice.slice(0, 1), ...committed].sort((a, b) => a.seq - b.seq);
	const run = linkingRun(all, first);
	yield {
		path: 'audit-log/slice.jsonl',
		content: () => [formatAuditLog({ entries: slice, format: 'jsonl' })]
	};
	yield {
		path: 'audit-log/slice.csv',
		content: () => [formatAuditLog({ entries: slice, format: 'csv', locale: scope.locale })]
	};
	yield {
		path: 'audit-log/chain.jsonl',
		content: () => [formatAuditLog({ entries: run, format: 'jsonl' })]
	};
};

/** This device's public keys, by kid: what the bundles' headers must name. */
export const keysSource: EvidenceSource = async function* (db) {
	const keys = await db.signingKeys.orderBy('createdAt').toArray();
	yield {
		path: 'keys/device-keys.json',
		content: () => [
			JSON.stringify(
				keys.map(({ kid, publicJwk, createdAt, retiredAt }) => ({
					kid,
					publicJwk,
					createdAt,
					retiredAt
				})),
				null,
				2
			) + '\n'
		]
	};
};

/** Records the app does not keep yet: a file saying so, in both languages. */
export function noneRecordedSource(folder: string, de: string, en: string): EvidenceSource {
	return async function* () {
		yield {
			path: `${folder}/NONE-RECORDED.txt`,
			content: () => [
				`Keine ${de} erfasst: Partner Desk führt sie in dieser Version nicht.\r\n` +
					`No ${en} recorded: this version of Partner Desk does not keep them.\r\n`
			]
		};
	};
}

/**
 * The records of one kind the scope's program keeps (its commit contracts, its customer register)
 * as one JSON file, exactly as stored; a program without any says so in both languages.
 */
export function programRecordsSource(
	folder: string,
	kind: string,
	names: { de: string; en: string }
): EvidenceSource {
	const none = noneRecordedSource(folder, names.de, names.en);
	return async function* (db, scope) {
		const records = await db.programRecords
			.where('[programId+kind]')
			.equals([scope.programId, kind])
			.sortBy('id');
		if (records.length === 0) {
			yield* none(db, scope);
			return;
		}
		yield {
			path: `${folder}/${kind}-records.json`,
			content: () => [JSON.stringify(records, null, 2) + '\n']
		};
	};
}

/** The review request the pack answers. */
export const reviewSource: EvidenceSource = async function* (db, scope) {
	if (!scope.reviewId) return;
	const review = await db.reviews.get(scope.reviewId);
	if (review)
		yield { path: 'review.json', content: () => [JSON.stringify(review, null, 2) + '\n'] };
};

export const EVIDENCE_SOURCES: readonly EvidenceSource[] = [
	reviewSource,
	reportsSource,
	bundlesSource,
	auditSource,
	keysSource,
	programRecordsSource('contracts', 'contract', { de: 'Verträge', en: 'contracts' }),
	programRecordsSource('customers', 'customer', {
		de: 'Kundenverzeichnisse',
		en: 'customer register'
	}),
	noneRecordedSource('revenue', 'Umsätze', 'revenue records'),
	noneRecordedSource('training', 'Schulungsnachweise', 'training evidence')
];

/** The README first, then every source's files in order. */
export async function* evidenceFiles(
	db: PartnerDeskDatabase,
	scope: EvidenceScope,
	sources: readonly EvidenceSource[] = EVIDENCE_SOURCES
): AsyncGenerator<PackFile> {
	const profile = await db.settings.get('profile');
	const review = scope.reviewId ? await db.reviews.get(scope.reviewId) : undefined;
	const periods = [...scope.periods].sort();
	const range = periods.length > 1 ? `${periods[0]} – ${periods.at(-1)}` : (periods[0] ?? '');
	yield {
		path: 'README.md',
		content: () => [
			evidenceReadme({
				partner: profile?.companyName ?? '',
				scope: [scope.programId, range, review?.reference].filter(Boolean).join(' · '),
				createdAt: scope.now.toISOString()
			})
		]
	};
	for (const source of sources) yield* source(db, scope);
}

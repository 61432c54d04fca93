import { writeEvidencePack, type PackManifest } from '$lib/sync/evidence-pack';
import { auditHead } from './audit';
import type { PartnerDeskDatabase } from './db';
import {
	evidenceFiles,
	EVIDENCE_SOURCES,
	type EvidenceScope,
	type EvidenceSource
} from './evidence-source';

/**
 * Writes the evidence pack of a scope as a streamed ZIP into `sink` (a WritableStream's writer,
 * `showSaveFilePicker`'s file, or Blob parts in the page) and returns its manifest. The store is
 * read per file and per line chunk, never all at once: see writeEvidencePack.
 */
export async function exportEvidencePack(
	db: PartnerDeskDatabase,
	options: EvidenceScope & {
		sink: (chunk: Uint8Array) => void | Promise<void>;
		sources?: readonly EvidenceSource[];
	}
): Promise<PackManifest> {
	const { sink, sources = EVIDENCE_SOURCES, ...scope } = options;
	return writeEvidencePack({
		files: evidenceFiles(db, scope, sources),
		createdAt: scope.now,
		scope: {
			programId: scope.programId,
			periods: [...scope.periods].sort(),
			reviewId: scope.reviewId
		},
		auditHead: await auditHead(db),
		sink
	});
}

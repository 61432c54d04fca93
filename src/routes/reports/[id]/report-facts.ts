// The lifecycle and the facts moved into the core (src/lib/domain/report-lifecycle.ts,
// src/lib/rules/revision-facts.ts): the page, the store and signing share them.
export { previousRevision } from '$lib/domain/report-lifecycle';
export { revisionFacts as reportFacts } from '$lib/rules/revision-facts';

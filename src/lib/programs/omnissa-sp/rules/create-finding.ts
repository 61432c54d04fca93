import { findingFactory } from '$lib/domain/create-finding';
import { describeFinding } from './messages';
import { ruleCatalog, type RuleId } from './rule-catalog';

/** Builds a finding of these rules: severity from the catalog, sentences from the message tables. */
export const createFinding = findingFactory<RuleId>({
	severities: ruleCatalog,
	describe: describeFinding
});

// `bundles list`: the operator's view of every partner's bundles (GET /bundles shows a partner
// only its own).
import { readBundleIndex } from './bundle-store.js';
import { UsageError } from './usage-error.js';

/**
 * Runs `bundles list`; resolves with the exit code. `--json` prints the list as GET /bundles
 * words it, for scripts.
 * @param {{ args: string[], partnerId: string | undefined, json: boolean, dataDir: string,
 *   io: import('./keys-command.js').Io }} options `args` are the words after `bundles`
 * @returns {Promise<number>}
 */
export async function bundlesCommand({ args, partnerId, json, dataDir, io }) {
	if (args.length !== 1 || args[0] !== 'list')
		throw new UsageError(`bundles needs list, not ${JSON.stringify(args.join(' '))}`);
	const bundles = (await readBundleIndex(dataDir))
		.filter((bundle) => partnerId === undefined || bundle.partnerId === partnerId)
		.map((bundle) => ({
			bundleId: bundle.bundleId,
			revision: bundle.revision,
			period: bundle.period,
			supersedes: bundle.supersedes,
			partnerId: bundle.partnerId,
			receivedAt: bundle.receivedAt,
			digest: bundle.digest,
			kind: bundle.kind,
			aggregatorId: bundle.aggregatorId,
			kid: bundle.kid
		}));
	if (json) {
		io.out(JSON.stringify({ bundles }, null, '\t'));
		return 0;
	}
	if (bundles.length === 0) {
		io.out(`no bundles in ${dataDir}`);
		return 0;
	}
	io.out('partner\taggregator\tperiod\trevision\tkind\tbundleId\treceivedAt\tdigest');
	for (const b of bundles)
		io.out(
			[
				b.partnerId,
				b.aggregatorId,
				b.period,
				b.revision,
				b.kind,
				b.bundleId,
				b.receivedAt,
				b.digest
			].join('\t')
		);
	return 0;
}

// `bundles list`: the operator's view of every partner's bundles (GET /bundles shows a partner
// only its own).
import { listedBundle, MAX_PAGE, parseCursor } from './bundle-store.js';
import { UsageError } from './usage-error.js';

/**
 * Runs `bundles list`; resolves with the exit code. Reads a page of at most 1000 bundles at a
 * time, so the listing of millions prints as it goes. `--limit N` prints one page of N and, when
 * more follow, the `--after` cursor of the next page; `--json` prints `{bundles, next}` as GET
 * /bundles words it, for scripts.
 * @param {{ args: string[], partnerId: string | undefined, json: boolean, limit?: number,
 *   after?: string, open: import('./keys-command.js').OpenOperator,
 *   io: import('./keys-command.js').Io }} options `args` are the words after `bundles`
 * @returns {Promise<number>}
 */
export async function bundlesCommand({ args, partnerId, json, limit, after, open, io }) {
	if (args.length !== 1 || args[0] !== 'list')
		throw new UsageError(`bundles needs list, not ${JSON.stringify(args.join(' '))}`);
	if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= MAX_PAGE))
		throw new UsageError(`--limit needs a whole number from 1 to ${MAX_PAGE}`);
	if (after !== undefined && parseCursor(after) === undefined)
		throw new UsageError('--after needs the cursor a listing printed');
	const operator = await open();

	// JSON is printed as it is read, too: `{"bundles": [` and one bundle a line.
	if (json) io.out('{"bundles": [');
	let printed = 0;
	let cursor = after;
	let first = true;
	let next = null;
	do {
		const page = await operator.bundles.page({
			partnerId,
			after: cursor,
			limit: limit ?? MAX_PAGE
		});
		const shown = page.bundles.map(view);
		if (json) for (const b of shown) io.out(`${printed++ === 0 ? '' : ','}${JSON.stringify(b)}`);
		else {
			if (first && shown.length > 0)
				io.out('partner\taggregator\tperiod\trevision\tkind\tbundleId\treceivedAt\tdigest');
			for (const b of shown) io.out(row(b));
			if (first && shown.length === 0) io.out(`no bundles in ${operator.where}`);
		}
		first = false;
		next = page.next;
		cursor = page.next ?? undefined;
	} while (limit === undefined && cursor !== undefined);

	if (json) io.out(`], "next": ${JSON.stringify(next)}}`);
	else if (next !== null) io.out(`more: --after ${next}`);
	return 0;
}

/** @param {import('./bundle-store.js').AcceptedBundle} bundle */
function view(bundle) {
	return {
		...listedBundle(bundle),
		kind: bundle.kind,
		aggregatorId: bundle.aggregatorId,
		kid: bundle.kid
	};
}

/** @param {ReturnType<typeof view>} b */
function row(b) {
	return [
		b.partnerId,
		b.aggregatorId,
		b.period,
		b.revision,
		b.kind,
		b.bundleId,
		b.receivedAt,
		b.digest
	].join('\t');
}

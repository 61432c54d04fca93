// `tokens issue|list|revoke`: the operator's side of bearer tokens. A token belongs to one
// partner: it lists that partner's bundles and sends only that partner's bundles.
import { UsageError } from './usage-error.js';

/**
 * Runs `tokens <action>`; resolves with the exit code.
 * @param {{ args: string[], partnerId: string | undefined,
 *   open: import('./keys-command.js').OpenOperator, io: import('./keys-command.js').Io }} options
 *   `args` are the words after `tokens`
 * @returns {Promise<number>}
 */
export async function tokensCommand({ args: [action, ...rest], partnerId, open, io }) {
	if (action === 'list') {
		const operator = await open();
		const tokens = await operator.tokens.list({ partnerId });
		if (tokens.length === 0) io.out(`no tokens issued in ${operator.where}`);
		else io.out('partner\ttoken id\tissued at');
		for (const issued of tokens) io.out(`${issued.partnerId}\t${issued.id}\t${issued.issuedAt}`);
		return 0;
	}
	if (action !== 'issue' && action !== 'revoke')
		throw new UsageError(`tokens needs issue, list or revoke, not ${JSON.stringify(action ?? '')}`);
	if (!partnerId) throw new UsageError(`tokens ${action} needs --partner ID`);

	if (action === 'issue') {
		if (rest.length !== 0) throw new UsageError('tokens issue takes no other argument');
		const { id, token } = await (
			await open()
		).tokens.issue({
			partnerId,
			issuedAt: new Date().toISOString()
		});
		// The secret is shown this once; the registry keeps only its hash.
		io.out(
			`issued token ${id} for partner ${partnerId}; give the partner this token, it is not shown again:`
		);
		io.out(token);
		return 0;
	}
	if (rest.length !== 1) throw new UsageError('tokens revoke needs one token id');
	const revoked = await (await open()).tokens.revoke({ partnerId, id: rest[0] });
	io.out(
		revoked
			? `revoked token ${rest[0]} of partner ${partnerId}`
			: `partner ${partnerId} has no token ${rest[0]}`
	);
	return revoked ? 0 : 1;
}

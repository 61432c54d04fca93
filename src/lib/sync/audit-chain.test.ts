import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '$lib/domain/audit-entry';
import { auditEntryHash, chainAuditEntry, verifyAuditChain } from './audit-chain';

const REVISION = '0b9e6a2c-4d1f-4c1e-9a57-3f0e8d1c2b40';

async function chainOf(count: number): Promise<AuditEntry[]> {
	const entries: AuditEntry[] = [];
	for (let i = 0; i < count; i++) {
		entries.push(
			await chainAuditEntry(
				{
					seq: i + 1,
					at: `2026-11-12T09:0${i}:00.000Z`,
					who: 'kid-1',
					action: i === 0 ? 'imported' : 'acknowledged',
					program: 'omnissa-sp',
					period: '2026-10',
					revisionId: REVISION,
					detail: { step: i }
				},
				entries.at(-1)?.hash ?? null
			)
		);
	}
	return entries;
}

describe('the audit chain', () => {
	it('hashes the canonical JSON of everything but the hash', async () => {
		const [entry] = await chainOf(1);
		// RFC 8785: members sorted, no spaces; `hash` itself is not covered.
		const canonical =
			'{"action":"imported","at":"2026-11-12T09:00:00.000Z","detail":{"step":0},"period":"2026-10",' +
			`"prev":null,"program":"omnissa-sp","revisionId":"${REVISION}","seq":1,"who":"kid-1"}`;
		expect(entry.hash).toBe(createHash('sha256').update(canonical).digest('hex'));
		expect(await auditEntryHash({ ...entry, hash: 'f'.repeat(64) })).toBe(entry.hash);
	});

	it('accepts an intact chain and gives its head', async () => {
		const entries = await chainOf(5);
		expect(entries[3].prev).toBe(entries[2].hash);
		expect(await verifyAuditChain({ entries })).toEqual({
			ok: true,
			count: 5,
			head: entries[4].hash
		});
		expect(await verifyAuditChain({ entries: [] })).toEqual({ ok: true, count: 0, head: null });
	});

	it('names an edited entry', async () => {
		const entries = await chainOf(5);
		entries[2] = { ...entries[2], detail: { step: 99 } };
		expect(await verifyAuditChain({ entries })).toEqual({
			ok: false,
			index: 2,
			seq: 3,
			reason: 'edited'
		});
	});

	it('names the entry after a removed one', async () => {
		const entries = await chainOf(5);
		entries.splice(1, 1);
		expect(await verifyAuditChain({ entries })).toEqual({
			ok: false,
			index: 1,
			seq: 3,
			reason: 'missing-before'
		});
	});

	it('names the first of two reordered entries out of place', async () => {
		const entries = await chainOf(5);
		[entries[2], entries[3]] = [entries[3], entries[2]];
		// seq 4 now stands after seq 2: its prev is seq 3's hash, and seq 3 is missing before it.
		expect(await verifyAuditChain({ entries })).toMatchObject({ ok: false, index: 2, seq: 4 });
		[entries[2], entries[3]] = [entries[3], entries[2]];
		const swapped = [entries[0], entries[2], entries[1], entries[3]];
		expect(await verifyAuditChain({ entries: swapped })).toMatchObject({
			ok: false,
			index: 1,
			seq: 3,
			reason: 'missing-before'
		});
		expect(await verifyAuditChain({ entries: [entries[1], entries[0]], partial: true })).toEqual({
			ok: false,
			index: 1,
			seq: 1,
			reason: 'out-of-order'
		});
	});

	it('names an entry rewritten with a new hash by the link after it', async () => {
		const entries = await chainOf(4);
		entries[1] = await chainAuditEntry({ ...entries[1], detail: { step: 42 } }, entries[0].hash);
		expect(await verifyAuditChain({ entries })).toEqual({
			ok: false,
			index: 2,
			seq: 3,
			reason: 'unlinked'
		});
	});

	it('wants a chain start first unless the run is partial', async () => {
		const entries = (await chainOf(4)).slice(1);
		expect(await verifyAuditChain({ entries })).toEqual({
			ok: false,
			index: 0,
			seq: 2,
			reason: 'no-start'
		});
		expect(await verifyAuditChain({ entries, partial: true })).toMatchObject({
			ok: true,
			count: 3
		});
	});

	it('finds each committed head in the chain', async () => {
		const entries = await chainOf(3);
		const commitments = [entries[1].hash];
		expect(await verifyAuditChain({ entries, commitments })).toMatchObject({ ok: true });
		// The newest entry was removed after a bundle committed to it.
		expect(
			await verifyAuditChain({ entries: entries.slice(0, 2), commitments: [entries[2].hash] })
		).toEqual({
			ok: false,
			index: 2,
			seq: undefined,
			reason: 'commitment-missing',
			commitment: entries[2].hash
		});
	});
});

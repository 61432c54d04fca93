import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '$lib/domain/audit-entry';
import { chainAuditEntry, verifyAuditChain } from './audit-chain';
import { formatAuditLog, linkingRun, matchesAuditFilter } from './audit-slice';

async function log(): Promise<AuditEntry[]> {
	const notes = [
		{ action: 'imported', program: 'omnissa-sp', period: '2026-09' },
		{ action: 'settings-saved' },
		{ action: 'imported', program: 'omnissa-sp', period: '2026-10' },
		{ action: 'acknowledged', program: 'omnissa-sp', period: '2026-09' },
		{ action: 'signed', program: 'omnissa-sp', period: '2026-10' }
	] as const;
	const entries: AuditEntry[] = [];
	for (const [i, note] of notes.entries())
		entries.push(
			await chainAuditEntry(
				{
					seq: i + 1,
					at: `2026-11-1${i}T09:00:00.000Z`,
					who: null,
					detail: { note: '=1+1' },
					...note
				},
				entries.at(-1)?.hash ?? null
			)
		);
	return entries;
}

describe('audit slices', () => {
	it('filters by period, program, kind and time', async () => {
		const entries = await log();
		const seqs = (filter: Parameters<typeof matchesAuditFilter>[1]) =>
			entries.filter((e) => matchesAuditFilter(e, filter)).map((e) => e.seq);
		expect(seqs({ periods: ['2026-09'] })).toEqual([1, 4]);
		expect(seqs({ program: 'omnissa-sp', kinds: ['imported'] })).toEqual([1, 3]);
		expect(seqs({ from: '2026-11-11T00:00:00.000Z', until: '2026-11-13T00:00:00.000Z' })).toEqual([
			2, 3
		]);
		// From an entry's instant on, until another's instant before it.
		expect(seqs({ from: '2026-11-11T09:00:00.000Z', until: '2026-11-13T09:00:00.000Z' })).toEqual([
			2, 3
		]);
		expect(seqs({ program: 'omnissa-sp' })).toEqual([1, 3, 4, 5]);
		expect(seqs({ program: 'genesys-appfoundry' })).toEqual([]);
	});

	it('links a slice to the head with every entry from its first one on', async () => {
		const entries = await log();
		const slice = entries.filter((e) => matchesAuditFilter(e, { periods: ['2026-10'] }));
		const run = linkingRun(entries, slice);
		expect(run.map((e) => e.seq)).toEqual([3, 4, 5]);
		expect(await verifyAuditChain({ entries: run, partial: true })).toEqual({
			ok: true,
			count: 3,
			head: entries[4].hash
		});
		expect(linkingRun(entries, [])).toEqual([]);
	});

	it('exports CSV with formula cells neutralised, and JSON lines that verify again', async () => {
		const entries = await log();
		const csv = formatAuditLog({ entries, format: 'csv' });
		const lines = csv.split('\r\n');
		expect(lines[0]).toBe(
			'\uFEFFseq,at,who,action,program,period,revisionId,detail,before,after,prev,hash'
		);
		expect(lines[1]).toBe(
			`1,2026-11-10T09:00:00.000Z,,imported,omnissa-sp,2026-09,,"{""note"":""=1+1""}",,,,${entries[0].hash}`
		);
		// Who did it, the state before and after, and the link to the entry before, as stored.
		const edited = { ...entries[1], who: 'device-a', before: { state: 'draft' }, after: { n: 2 } };
		expect(formatAuditLog({ entries: [edited], format: 'csv' }).split('\r\n')[1]).toBe(
			`2,2026-11-11T09:00:00.000Z,device-a,settings-saved,,,,"{""note"":""=1+1""}","{""state"":""draft""}","{""n"":2}",${entries[0].hash},${entries[1].hash}`
		);
		const jsonl = formatAuditLog({ entries, format: 'jsonl' });
		const back = jsonl
			.trimEnd()
			.split('\n')
			.map((line) => JSON.parse(line) as AuditEntry);
		expect(await verifyAuditChain({ entries: back })).toMatchObject({ ok: true, count: 5 });
	});
});

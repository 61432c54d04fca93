import { describe, expect, it } from 'vitest';
import type { ReportRevision } from '../../../domain/report';
import { periodTotals } from './period-totals';

type Row = Pick<ReportRevision, 'id' | 'programId' | 'period' | 'state' | 'totals'>;
type Sent = { revisionId: string; aggregatorId: string; state: string };
let next = 0;
const row = (
	period: string,
	state: ReportRevision['state'],
	amount: string,
	programId = 'omnissa-sp'
) => ({ id: `r${++next}`, programId, period, state, totals: { quantity: '1', amount } }) as Row;
const totalsOf = (revisions: Row[], bundles: Sent[] = []) =>
	periodTotals({ revisions, bundles, programId: 'omnissa-sp', aggregatorId: 'also-de' });

describe('periodTotals', () => {
	it('adds delivered adjustments to their month and keeps ready months apart as pending', () => {
		expect(
			totalsOf([
				row('2026-09', 'superseded', '70000.00'),
				row('2026-09', 'delivered', '75138.10'),
				// Late usage for September, delivered: 75,138.10 + 1,000.05 = 76,138.15.
				row('2026-09', 'delivered', '1000.05'),
				row('2026-10', 'queued', '77220.34'),
				row('2026-11', 'draft', '80000.00'),
				row('2026-10', 'delivered', '5.00', 'genesys-appfoundry')
			])
		).toEqual([
			{ period: '2026-09', state: 'delivered', totalMsrp: '76138.15' },
			{ period: '2026-10', state: 'ready', totalMsrp: '77220.34' }
		]);
	});

	it('counts a month as delivered once anything of it was delivered', () => {
		expect(
			totalsOf([row('2026-10', 'delivered', '77220.34'), row('2026-10', 'ready', '12.00')])
		).toEqual([{ period: '2026-10', state: 'delivered', totalMsrp: '77220.34' }]);
	});

	it("counts only what went to the contract's aggregator; a revision not yet signed is pending for each", () => {
		const september = row('2026-09', 'delivered', '75138.10');
		const elsewhere = row('2026-10', 'delivered', '77220.34');
		const unsigned = row('2026-11', 'ready', '100.00');
		expect(
			totalsOf(
				[september, elsewhere, unsigned],
				[
					{ revisionId: september.id, aggregatorId: 'also-de', state: 'delivered' },
					{ revisionId: elsewhere.id, aggregatorId: 'td-synnex-de', state: 'delivered' }
				]
			)
		).toEqual([
			// Exact sums in their shortest form; the evaluation rounds to cents once, at the end.
			{ period: '2026-09', state: 'delivered', totalMsrp: '75138.1' },
			{ period: '2026-11', state: 'ready', totalMsrp: '100' }
		]);
	});
});

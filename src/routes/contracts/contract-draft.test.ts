import { describe, expect, it } from 'vitest';
import { contractSchema } from '$lib/programs/omnissa-sp/commercial/contract';
import { contractOf, draftOf, emptyDraft } from './contract-draft';

const aggregators = [{ id: 'AGG-EXD-DE', name: 'Example Distribution GmbH' }];

describe('the contract form', () => {
	it('reads German numbers and one band a line into a contract, and back', () => {
		const draft = {
			...emptyDraft('EUR'),
			id: ' SPC-4711-2026-01 ',
			aggregatorId: 'AGG-EXD-DE',
			startMonth: '2026-04',
			committed: '900000,00',
			bands: '100000 5\n250000,00 8%\n\n500000 10'
		};
		const read = contractOf(draft, { language: 'de', aggregators });
		expect(read).toEqual({
			ok: true,
			contract: {
				id: 'SPC-4711-2026-01',
				aggregator: aggregators[0],
				startDate: '2026-04-01',
				termMonths: 12,
				currency: 'EUR',
				committedAmountMsrp: '900000.00',
				discountBands: {
					confirmed: false,
					bands: [
						{ id: 'band-1', minAmountMsrp: '100000', discountPercent: '5' },
						{ id: 'band-2', minAmountMsrp: '250000.00', discountPercent: '8' },
						{ id: 'band-3', minAmountMsrp: '500000', discountPercent: '10' }
					]
				}
			}
		});
		if (!read.ok) return;
		expect(contractSchema.safeParse(read.contract).success).toBe(true);
		expect(draftOf(read.contract, 'de')).toMatchObject({
			committed: '900000,00',
			bands: '100000 5\n250000,00 8\n500000 10',
			termMonths: '12'
		});
	});

	it('names every field it cannot read', () => {
		expect(
			contractOf(
				{ ...emptyDraft('EUR'), termMonths: '0', committed: 'viel', bands: '100000' },
				{ language: 'en', aggregators }
			)
		).toEqual({
			ok: false,
			errors: {
				id: 'required',
				aggregatorId: 'required',
				startMonth: 'required',
				termMonths: 'number',
				committed: 'number',
				bands: 'bands'
			}
		});
	});

	it('asks for an amount that is missing, rather than calling it no number', () => {
		const read = contractOf(emptyDraft('EUR'), { language: 'en', aggregators });
		expect(read.ok || read.errors.committed).toBe('required');
	});

	it('keeps what the form does not show when a contract is edited', () => {
		const base = contractSchema.parse({
			id: 'SPC-1',
			aggregator: aggregators[0],
			startDate: '2026-04-01',
			endDate: '2027-03-31',
			currency: 'EUR',
			committedAmountMsrp: '900000.00',
			discountBands: {
				confirmed: false,
				bands: [{ id: 'b', minAmountMsrp: '1', discountPercent: '1' }]
			},
			consumptionBeforeTracking: { months: [{ period: '2026-04', amountMsrp: '68412.56' }] }
		});
		const draft = draftOf(base, 'en');
		// The end date is the term: April 2026 to March 2027 is 12 months.
		expect(draft.termMonths).toBe('12');
		const read = contractOf({ ...draft, confirmed: true }, { language: 'en', aggregators, base });
		expect(read.ok && read.contract).toMatchObject({
			termMonths: 12,
			consumptionBeforeTracking: base.consumptionBeforeTracking,
			discountBands: { confirmed: true }
		});
		expect(read.ok && 'endDate' in read.contract).toBe(false);
	});
});

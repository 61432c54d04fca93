import type { Language } from '$lib/domain/settings';
import type { Aggregator } from '$lib/domain/settings';
import { readTypedNumber, writeTypedNumber } from '$lib/import/typed-number';
import type { Contract } from '$lib/programs/omnissa-sp/commercial/contract';

/** The contract form as the user types it: numbers in their language, bands a line each. */
export type ContractDraft = {
	id: string;
	aggregatorId: string;
	startMonth: string;
	termMonths: string;
	currency: string;
	committed: string;
	/** One band a line: threshold at list price and discount percent ("250000 8"). */
	bands: string;
	confirmed: boolean;
};

/** What is wrong with a field, as a message key suffix (`contracts.error.<code>`). */
export type DraftErrors = Partial<Record<keyof ContractDraft, 'required' | 'number' | 'bands'>>;

export function emptyDraft(currency: string): ContractDraft {
	return {
		id: '',
		aggregatorId: '',
		startMonth: '',
		termMonths: '12',
		currency,
		committed: '',
		bands: '',
		confirmed: false
	};
}

/** A stored contract back in the form, in the user's language. */
export function draftOf(contract: Contract, language: Language): ContractDraft {
	const term = contract.termMonths;
	const months =
		term ??
		(() => {
			const [fy, fm] = contract.startDate.split('-').map(Number);
			const [ly, lm] = contract.endDate!.split('-').map(Number);
			return (ly - fy) * 12 + (lm - fm) + 1;
		})();
	return {
		id: contract.id,
		aggregatorId: contract.aggregator.id,
		startMonth: contract.startDate.slice(0, 7),
		termMonths: String(months),
		currency: contract.currency,
		committed: writeTypedNumber({ value: contract.committedAmountMsrp, language }),
		bands: contract.discountBands.bands
			.map(
				(band) =>
					`${writeTypedNumber({ value: band.minAmountMsrp, language })} ${writeTypedNumber({ value: band.discountPercent, language })}`
			)
			.join('\n'),
		confirmed: contract.discountBands.confirmed
	};
}

/**
 * The contract a draft describes, or what is wrong with each field. `base` is the contract being
 * edited: what the form does not show (consumption before tracking) stays as it was.
 */
export function contractOf(
	draft: ContractDraft,
	options: { language: Language; aggregators: readonly Aggregator[]; base?: Contract }
): { ok: true; contract: Contract } | { ok: false; errors: DraftErrors } {
	const { language } = options;
	const errors: DraftErrors = {};
	const number = (text: string) => readTypedNumber({ text, language });
	if (draft.id.trim() === '') errors.id = 'required';
	const aggregator = options.aggregators.find((a) => a.id === draft.aggregatorId);
	if (!aggregator) errors.aggregatorId = 'required';
	if (!/^\d{4}-\d{2}$/.test(draft.startMonth)) errors.startMonth = 'required';
	const months = Number(draft.termMonths);
	if (!Number.isInteger(months) || months < 1 || months > 120) errors.termMonths = 'number';
	const committed = number(draft.committed);
	if (!committed.ok) errors.committed = draft.committed.trim() === '' ? 'required' : 'number';
	const bands = draft.bands
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line !== '')
		.map((line, index) => {
			const [threshold, percent, ...rest] = line.split(/\s+/);
			const min = number(threshold ?? '');
			const discount = number((percent ?? '').replace(/%$/, ''));
			return rest.length === 0 && min.ok && discount.ok
				? { id: `band-${index + 1}`, minAmountMsrp: min.value, discountPercent: discount.value }
				: undefined;
		});
	if (bands.length === 0 || bands.some((band) => band === undefined)) errors.bands = 'bands';
	if (Object.keys(errors).length > 0 || !aggregator || !committed.ok) return { ok: false, errors };
	const base = options.base;
	const contract: Contract = {
		...(base ?? {}),
		id: draft.id.trim(),
		aggregator: { id: aggregator.id, name: aggregator.name },
		startDate: `${draft.startMonth}-01`,
		termMonths: months,
		currency: draft.currency,
		committedAmountMsrp: committed.value,
		discountBands: {
			confirmed: draft.confirmed,
			bands: bands.filter((band) => band !== undefined)
		}
	};
	delete contract.endDate;
	return { ok: true, contract };
}

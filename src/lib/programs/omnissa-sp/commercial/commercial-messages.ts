import {
	formatDate,
	formatMoneyText,
	formatNumber,
	formatPeriod,
	type MessageLocale
} from '../../../domain/format-text';
import type { LocalizedText } from '../../../domain/localized-text';
import type { CommercialFinding, CommercialRuleId } from './commercial-findings';

type Input = Pick<CommercialFinding, 'subject' | 'numbers'>;
type Sentences = { message: (input: Input) => string; fixHint: (input: Input) => string };

const say = (locale: MessageLocale) => ({
	m: ({ numbers }: Input, name: string) =>
		formatMoneyText(numbers[name] ?? '', numbers.currency, locale),
	d: ({ numbers }: Input, name: string) => formatDate(numbers[name] ?? '', locale),
	p: ({ numbers }: Input, name: string) => formatPeriod(numbers[name] ?? '', locale),
	n: ({ numbers }: Input, name: string) => formatNumber(numbers[name] ?? '', locale)
});
const de = say('de');
const en = say('en');

/** English sentences for every commercial rule, with the numbers they used. */
const messagesEn: Record<CommercialRuleId, Sentences> = {
	'contract-shortfall-projected': {
		message: (i) =>
			`Contract ${i.numbers.contract}: at the current run rate the term ends at ${en.m(i, 'forecast')}, ${en.m(i, 'shortfall')} short of the ${en.m(i, 'committed')} committed.`,
		fixHint: () =>
			'Plan the coming months with the what-if, or talk to your aggregator before the term ends.'
	},
	'contract-next-band-within-reach': {
		message: (i) =>
			`Contract ${i.numbers.contract}: the forecast of ${en.m(i, 'forecast')} is ${en.m(i, 'missing')} below ${i.numbers.band} (from ${en.m(i, 'threshold')}).`,
		fixHint: () => 'Ask your aggregator whether a higher commitment earns that band.'
	},
	'invoice-differences-open': {
		message: (i) =>
			`Invoice ${i.numbers.invoice} for ${en.p(i, 'period')}: ${i.numbers.count === '1' ? '1 difference is' : `${en.n(i, 'count')} differences are`} not explained.`,
		fixHint: () =>
			'Check each difference with your aggregator and mark it explained with a comment.'
	},
	'customer-without-contract': {
		message: (i) =>
			i.numbers.registered === 'no'
				? `Customer ${i.numbers.customer} in the ${en.p(i, 'period')} report is not in your customer register.`
				: i.numbers.endDate && i.numbers.endDate < `${i.numbers.period}-01`
					? `Customer ${i.numbers.customer}: your contract ended on ${en.d(i, 'endDate')}, before ${en.p(i, 'period')}.`
					: i.numbers.startDate
						? `Customer ${i.numbers.customer}: your contract starts on ${en.d(i, 'startDate')}, after ${en.p(i, 'period')}.`
						: `Customer ${i.numbers.customer} has no contract with you covering ${en.p(i, 'period')}.`,
		fixHint: () =>
			'Add the customer and your contract with them to the register, or check the report line.'
	},
	'contract-term-ending': {
		message: (i) =>
			`Contract ${i.numbers.contract} ends on ${en.d(i, 'endDate')}, in ${i.numbers.days === '1' ? '1 day' : `${en.n(i, 'days')} days`}.`,
		fixHint: () => 'Agree the renewal with your aggregator and add it as a new contract.'
	},
	'usage-outside-contract-term': {
		message: (i) =>
			`The delivered report for ${en.p(i, 'period')} lies outside every contract term.`,
		fixHint: () => 'Check the contract terms, or add the contract that covers this month.'
	}
};

/** German sentences for every commercial rule, with the numbers they used. */
const messagesDe: Record<CommercialRuleId, Sentences> = {
	'contract-shortfall-projected': {
		message: (i) =>
			`Vertrag ${i.numbers.contract}: beim bisherigen Verbrauch endet die Laufzeit bei ${de.m(i, 'forecast')}, ${de.m(i, 'shortfall')} unter der Zusage von ${de.m(i, 'committed')}.`,
		fixHint: () =>
			'Planen Sie die kommenden Monate mit „Was wäre, wenn“ oder sprechen Sie vor Laufzeitende mit Ihrem Aggregator.'
	},
	'contract-next-band-within-reach': {
		message: (i) =>
			`Vertrag ${i.numbers.contract}: die Prognose von ${de.m(i, 'forecast')} liegt ${de.m(i, 'missing')} unter ${i.numbers.band} (ab ${de.m(i, 'threshold')}).`,
		fixHint: () => 'Fragen Sie Ihren Aggregator, ob eine höhere Zusage diese Stufe erreicht.'
	},
	'invoice-differences-open': {
		message: (i) =>
			`Rechnung ${i.numbers.invoice} für ${de.p(i, 'period')}: ${i.numbers.count === '1' ? '1 Abweichung ist' : `${de.n(i, 'count')} Abweichungen sind`} nicht erklärt.`,
		fixHint: () =>
			'Klären Sie jede Abweichung mit Ihrem Aggregator und markieren Sie sie mit einem Kommentar als erklärt.'
	},
	'customer-without-contract': {
		message: (i) =>
			i.numbers.registered === 'no'
				? `Kunde ${i.numbers.customer} im Bericht für ${de.p(i, 'period')} steht nicht in Ihrem Kundenverzeichnis.`
				: i.numbers.endDate && i.numbers.endDate < `${i.numbers.period}-01`
					? `Kunde ${i.numbers.customer}: Ihr Vertrag endete am ${de.d(i, 'endDate')}, vor ${de.p(i, 'period')}.`
					: i.numbers.startDate
						? `Kunde ${i.numbers.customer}: Ihr Vertrag beginnt am ${de.d(i, 'startDate')}, nach ${de.p(i, 'period')}.`
						: `Kunde ${i.numbers.customer} hat keinen Vertrag mit Ihnen für ${de.p(i, 'period')}.`,
		fixHint: () =>
			'Tragen Sie den Kunden und Ihren Vertrag mit ihm ins Verzeichnis ein oder prüfen Sie die Berichtszeile.'
	},
	'contract-term-ending': {
		message: (i) =>
			`Vertrag ${i.numbers.contract} endet am ${de.d(i, 'endDate')}, in ${i.numbers.days === '1' ? '1 Tag' : `${de.n(i, 'days')} Tagen`}.`,
		fixHint: () =>
			'Vereinbaren Sie die Verlängerung mit Ihrem Aggregator und legen Sie sie als neuen Vertrag an.'
	},
	'usage-outside-contract-term': {
		message: (i) =>
			`Der zugestellte Bericht für ${de.p(i, 'period')} liegt außerhalb jeder Vertragslaufzeit.`,
		fixHint: () =>
			'Prüfen Sie die Laufzeiten oder legen Sie den Vertrag an, der diesen Monat abdeckt.'
	}
};

/** A commercial finding's message and fix hint in both languages. */
export function describeCommercialFinding(
	ruleId: CommercialRuleId,
	input: Input
): { message: LocalizedText; fixHint: LocalizedText } {
	return {
		message: { de: messagesDe[ruleId].message(input), en: messagesEn[ruleId].message(input) },
		fixHint: { de: messagesDe[ruleId].fixHint(input), en: messagesEn[ruleId].fixHint(input) }
	};
}

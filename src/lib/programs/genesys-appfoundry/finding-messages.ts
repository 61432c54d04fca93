import type { LocalizedText } from '../../domain/localized-text';
import { formatDate, formatNumber, quote } from '../../domain/format-text';
import { formatMoney, isDecimalString } from '../../domain/money';
import type { Language } from '../../domain/language';
import type { GenesysFinding, GenesysRuleId } from './findings';

type Input = Pick<GenesysFinding, 'subject' | 'numbers'>;
type Sentences = { message: (input: Input) => string; fixHint: (input: Input) => string };

/** An amount with its currency as Intl writes it (exact from the decimal string); other text stays. */
function amount(value: string, currency: string | undefined, locale: Language): string {
	if (!isDecimalString(value) || !currency) return formatNumber(value, locale);
	return formatMoney(value, currency, locale === 'de' ? 'de-DE' : 'en-US');
}

const say = (locale: Language) => ({
	d: (value: string | undefined) => formatDate(value ?? '', locale),
	n: (value: string | undefined) => formatNumber(value ?? '', locale),
	m: (value: string | undefined, input: Input) =>
		amount(value ?? '', input.numbers.currency, locale),
	q: (value: string | undefined) => quote(value ?? '', locale)
});
const de = say('de');
const en = say('en');

const STATUS: Record<Language, Record<string, string>> = {
	de: {
		new: 'neu',
		contacted: 'kontaktiert',
		qualified: 'qualifiziert',
		won: 'gewonnen',
		lost: 'verloren'
	},
	en: { new: 'new', contacted: 'contacted', qualified: 'qualified', won: 'won', lost: 'lost' }
};
const FORWARD: Record<Language, Record<string, string>> = {
	de: { owner: 'den Eintragsgeber', rep: 'den Genesys-Vertriebsmitarbeiter' },
	en: { owner: 'the listing owner', rep: 'the Genesys sales rep' }
};
const forwardList = (locale: Language, missing: string | undefined) =>
	(missing ?? '')
		.split(',')
		.map((who) => FORWARD[locale][who] ?? who)
		.join(locale === 'de' ? ' und ' : ' and ');

/** German sentences for every Genesys rule. */
export const genesysMessagesDe: Record<GenesysRuleId, Sentences> = {
	'listing-not-isv-app': {
		message: (i) =>
			`Das Listing ${de.q(i.subject.name)} ist nicht als ISV-Anwendung in Genesys Cloud aufgeführt, hat aber ${de.n(i.numbers.records)} Umsatzbuchung(en) in ${i.numbers.year}: Sie zählen nicht zum KPI.`,
		fixHint: () =>
			'Lassen Sie die App als ISV-Anwendung in Genesys Cloud aufführen und tragen Sie den Status beim Listing ein.'
	},
	'stale-lead': {
		message: (i) =>
			`Der Lead ${de.q(i.subject.name)} (${STATUS.de[i.numbers.status] ?? i.numbers.status}) hat sich seit ${de.n(i.numbers.daysWithoutChange)} Tagen nicht geändert (letzte Änderung ${de.d(i.numbers.statusChangedOn)}; Grenze ${de.n(i.numbers.staleLeadDays)} Tage).`,
		fixHint: () =>
			'Fragen Sie beim Kunden oder beim Genesys-Vertriebsmitarbeiter nach und tragen Sie den neuen Status ein.'
	},
	'lead-not-forwarded': {
		message: (i) =>
			`Der Lead ${de.q(i.subject.name)} ist noch nicht an ${forwardList('de', i.numbers.missing)} weitergeleitet.`,
		fixHint: () => 'Leiten Sie den Lead weiter und tragen Sie das Datum ein.'
	},
	'training-lapses-before-review': {
		message: (i) =>
			`Die Schulung ${de.q(i.numbers.course)} von ${i.numbers.person} läuft am ${de.d(i.numbers.expiresOn)} ab, vor der Prüfung am ${de.d(i.numbers.reviewDate)}.`,
		fixHint: () =>
			'Planen Sie die Auffrischung vor der Prüfung und laden Sie den neuen Nachweis hoch.'
	},
	'grace-period-running': {
		message: (i) =>
			`Nachfrist läuft: Die Stufe ${i.numbers.tierNameDe} wurde bei der Prüfung am ${de.d(i.numbers.reviewDate)} nicht erreicht (KPI ${de.m(i.numbers.kpi, i)}, nötig ${de.m(i.numbers.kpiMinimum, i)}). Die Nachfrist endet am ${de.d(i.numbers.graceEnd)} (noch ${de.n(i.numbers.daysLeft)} Tage).`,
		fixHint: (i) =>
			`Erfüllen Sie die Anforderungen der Stufe ${i.numbers.tierNameDe} bis zum ${de.d(i.numbers.graceEnd)}: Es fehlen ${de.m(i.numbers.kpiGap, i)} KPI oder die nötigen Schulungen.`
	},
	'tier-at-risk': {
		message: (i) =>
			`Stufe ${i.numbers.tierNameDe} in Gefahr: Bei gleichbleibender Rate erreicht der KPI bis zur Prüfung am ${de.d(i.numbers.reviewDate)} ${de.m(i.numbers.projectedKpi, i)}, nötig sind ${de.m(i.numbers.kpiMinimum, i)}; es fehlen ${de.n(i.numbers.trainingMissing)} geschulte Person(en).`,
		fixHint: (i) =>
			`Es fehlen ${de.m(i.numbers.kpiGap, i)} wiederkehrender Umsatz bis zur Prüfung oder die fehlenden Schulungen; prüfen Sie die offenen Leads.`
	}
};

/** English sentences for every Genesys rule. */
export const genesysMessagesEn: Record<GenesysRuleId, Sentences> = {
	'listing-not-isv-app': {
		message: (i) =>
			`The listing ${en.q(i.subject.name)} is not listed as an ISV app in Genesys Cloud but has ${en.n(i.numbers.records)} revenue record(s) in ${i.numbers.year}: they do not count towards the KPI.`,
		fixHint: () =>
			'Have the app listed as an ISV app in Genesys Cloud and set its status on the listing.'
	},
	'stale-lead': {
		message: (i) =>
			`The lead ${en.q(i.subject.name)} (${STATUS.en[i.numbers.status] ?? i.numbers.status}) has not changed for ${en.n(i.numbers.daysWithoutChange)} days (last change ${en.d(i.numbers.statusChangedOn)}; limit ${en.n(i.numbers.staleLeadDays)} days).`,
		fixHint: () => 'Follow up with the customer or the Genesys sales rep and record the new status.'
	},
	'lead-not-forwarded': {
		message: (i) =>
			`The lead ${en.q(i.subject.name)} has not been forwarded to ${forwardList('en', i.numbers.missing)} yet.`,
		fixHint: () => 'Forward the lead and record the date.'
	},
	'training-lapses-before-review': {
		message: (i) =>
			`${i.numbers.person}'s training ${en.q(i.numbers.course)} expires on ${en.d(i.numbers.expiresOn)}, before the review on ${en.d(i.numbers.reviewDate)}.`,
		fixHint: () => 'Plan the refresher before the review and upload the new evidence.'
	},
	'grace-period-running': {
		message: (i) =>
			`Grace period running: the ${i.numbers.tierNameEn} tier was not met at the review on ${en.d(i.numbers.reviewDate)} (KPI ${en.m(i.numbers.kpi, i)}, needed ${en.m(i.numbers.kpiMinimum, i)}). The grace period ends on ${en.d(i.numbers.graceEnd)} (${en.n(i.numbers.daysLeft)} days left).`,
		fixHint: (i) =>
			`Meet the ${i.numbers.tierNameEn} requirements by ${en.d(i.numbers.graceEnd)}: ${en.m(i.numbers.kpiGap, i)} of KPI or the required training is missing.`
	},
	'tier-at-risk': {
		message: (i) =>
			`${i.numbers.tierNameEn} tier at risk: if the run rate holds, the KPI reaches ${en.m(i.numbers.projectedKpi, i)} by the review on ${en.d(i.numbers.reviewDate)}, ${en.m(i.numbers.kpiMinimum, i)} is needed; ${en.n(i.numbers.trainingMissing)} trained person(s) missing.`,
		fixHint: (i) =>
			`${en.m(i.numbers.kpiGap, i)} of recurring revenue by the review, or the missing training, is needed; check the open leads.`
	}
};

/** A finding's message and fix hint in both languages. */
export function describeGenesysFinding(
	ruleId: GenesysRuleId,
	input: Input
): { message: LocalizedText; fixHint: LocalizedText } {
	return {
		message: {
			de: genesysMessagesDe[ruleId].message(input),
			en: genesysMessagesEn[ruleId].message(input)
		},
		fixHint: {
			de: genesysMessagesDe[ruleId].fixHint(input),
			en: genesysMessagesEn[ruleId].fixHint(input)
		}
	};
}

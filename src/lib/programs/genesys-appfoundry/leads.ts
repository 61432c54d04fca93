import { daysBetween, type IsoDate } from './iso-date';
import { OPEN_LEAD_STATUSES, type Lead } from './records';

export type StaleLead = { lead: Lead; daysWithoutChange: number };

/**
 * Open leads (new, contacted, qualified) without a status change for more than `days` days on
 * `date`: a lead changed exactly `days` ago is not stale yet. Won and lost leads never are.
 */
export function staleLeads(options: {
	leads: readonly Lead[];
	date: IsoDate;
	days: number;
}): StaleLead[] {
	const stale: StaleLead[] = [];
	for (const lead of options.leads) {
		if (!OPEN_LEAD_STATUSES.includes(lead.status)) continue;
		const daysWithoutChange = daysBetween(lead.statusChangedOn, options.date);
		if (daysWithoutChange > options.days) stale.push({ lead, daysWithoutChange });
	}
	return stale.sort((a, b) => b.daysWithoutChange - a.daysWithoutChange);
}

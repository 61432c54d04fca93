import type { ChecklistItem, ReviewScope } from '$lib/domain/review-request';
import { periodParts, type Period } from '$lib/domain/period';
import { i18n } from '$lib/i18n/i18n.svelte';

/** "due in 3 days", "due today", "2 days overdue". */
export function countdownText(daysLeft: number): string {
	if (daysLeft === 0) return i18n.t('reviews.dueToday');
	return daysLeft > 0
		? i18n.t('reviews.daysLeft', { days: daysLeft })
		: i18n.t('reviews.overdue', { days: -daysLeft });
}

export function monthText(period: Period): string {
	const { year, month } = periodParts(period);
	return i18n.month(year, month);
}

/** "Months: September 2026, October 2026" or "Calendar year 2026". */
export function scopeText(scope: ReviewScope): string {
	return scope.kind === 'year'
		? i18n.t('reviews.scope.yearText', { year: scope.year })
		: i18n.t('reviews.scope.periodsText', {
				periods: [...scope.periods].sort().map(monthText).join(', ')
			});
}

/** What a checklist item asks for, with its month. */
export function needText(item: ChecklistItem): string {
	return i18n.t(`reviews.need.${item.need}`, { period: item.period ? monthText(item.period) : '' });
}

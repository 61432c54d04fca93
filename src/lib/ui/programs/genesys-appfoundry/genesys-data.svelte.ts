import { calendarDayIn } from '$lib/domain/period';
import {
	assessTier,
	type TierAssessmentResult
} from '$lib/programs/genesys-appfoundry/assess-tier';
import { recurringKpi, type KpiResult } from '$lib/programs/genesys-appfoundry/kpi';
import type { GenesysPack } from '$lib/programs/genesys-appfoundry/pack-schema';
import { reviewDateOf } from '$lib/programs/genesys-appfoundry/pack';
import { genesysAppFoundryProgram } from '$lib/programs/genesys-appfoundry/program';
import {
	projectTier,
	type TierProjection,
	type WhatIf
} from '$lib/programs/genesys-appfoundry/projection';
import type {
	Lead,
	Listing,
	RepCompensation,
	RevenueRecord,
	TrainingEvidence
} from '$lib/programs/genesys-appfoundry/records';
import type { Confirmation, KpiRate } from '$lib/programs/genesys-appfoundry/records-kinds';
import { confirmLabel } from '$lib/programs/genesys-appfoundry/pack';
import { tierOn, type TierEvent } from '$lib/programs/genesys-appfoundry/tier-history';
import { Live } from '$lib/store/live.svelte';
import { listProgramRecords } from '$lib/store/program-records-repo';
import type { Workspace } from '$lib/ui/workspace.svelte';

const listOf = <Value>(kind: string) =>
	new Live((db) => listProgramRecords<Value>(db, genesysAppFoundryProgram, kind));

/**
 * The Genesys records of the device and what the tier year makes of them today (in the partner's
 * time zone): the assessment of the latest review, the tier held, and the projection to this
 * year's review. Create it in a component's script; the figures follow the store and the clock.
 */
export class GenesysData {
	readonly listings = listOf<Listing>('listing');
	readonly leads = listOf<Lead>('lead');
	readonly revenue = listOf<RevenueRecord>('revenue');
	readonly training = listOf<TrainingEvidence>('training');
	readonly history = listOf<TierEvent>('tier-event');
	readonly rateRecords = listOf<KpiRate>('rate');
	readonly confirmations = listOf<Confirmation>('confirmation');
	readonly compensation = listOf<RepCompensation>('compensation');
	readonly #ws: Workspace;

	constructor(ws: Workspace) {
		this.#ws = ws;
	}

	get pack(): GenesysPack {
		return this.#ws.packOf(genesysAppFoundryProgram).pack;
	}

	readonly isLoading = $derived(
		this.listings.isLoading ||
			this.revenue.isLoading ||
			this.training.isLoading ||
			this.history.isLoading
	);
	readonly today = $derived.by(() => calendarDayIn(this.#ws.now, this.#ws.timeZone));
	readonly rates = $derived(
		Object.fromEntries((this.rateRecords.current ?? []).map((rate) => [rate.currency, rate.rate]))
	);
	readonly #inputs = $derived({
		history: this.history.current ?? [],
		records: this.revenue.current ?? [],
		listings: this.listings.current ?? [],
		training: this.training.current ?? [],
		rates: this.rates
	});

	/** The latest review on or before today, judged by its year's pack, its grace period followed. */
	readonly assessment: TierAssessmentResult = $derived(
		assessTier({ packs: [this.pack], ...this.#inputs, date: this.today })
	);

	/** Whether the latest review is in the stored history (it is "run"). */
	readonly reviewRecorded = $derived(
		this.assessment.ok &&
			(this.history.current ?? []).some(
				(event) => this.assessment.ok && event.review === this.assessment.assessment.reviewDate
			)
	);

	/** The tier held today: by the recorded review and its grace period, or the stored history. */
	readonly tierHeld = $derived(
		this.assessment.ok && this.reviewRecorded
			? this.assessment.assessment.tierNow
			: tierOn({
					history: this.history.current ?? [],
					date: this.today,
					entryTier: this.pack.parameters.entryTier.value
				})
	);

	readonly reviewDate = $derived(reviewDateOf(this.pack));

	/** The KPI today: recurring gross revenue from 1 January through today, both sources. */
	readonly kpiToday: KpiResult = $derived.by(() =>
		recurringKpi({
			records: this.#inputs.records,
			listings: this.#inputs.listings,
			year: Number(this.today.slice(0, 4)),
			onDate: this.today,
			kpiCurrency: this.pack.parameters.kpiCurrency.value,
			rates: this.rates
		})
	);

	/** Pack values the seed does not give and the partner has not confirmed for this pack version. */
	readonly unconfirmed = $derived(
		Object.entries(this.pack.parameters)
			.filter(([, parameter]) => confirmLabel(parameter) !== undefined)
			.filter(
				([name]) =>
					!(this.confirmations.current ?? []).some(
						(entry) => entry.parameter === name && entry.packVersion === this.pack.version
					)
			)
			.map(([name]) => name)
	);

	projection(whatIf?: WhatIf): TierProjection {
		return projectTier({ pack: this.pack, ...this.#inputs, date: this.today, whatIf });
	}
}

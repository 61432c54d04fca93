/**
 * A partner's usage month after month, for the ten-year benchmark (issue 15): about 2,000
 * customers on a few SIDs and products each, about 20,000 lines a month. Deterministic (a seeded
 * generator, no clock): the same options give the same months. Month to month most quantities
 * stay, some move a little, a few double (a quantity-change warning), and a customer or two
 * leaves and joins (dropped SIDs, new customers), so every month has a handful of warnings to
 * acknowledge, as a real month does.
 */
import type { UsageLine } from '$lib/domain/usage-line';
import type { DecimalString } from '$lib/domain/money';
import type { Period } from '$lib/domain/period';
import { CATALOG, FAMILY_SHARE, cents, random, type Product } from '../../bench/usage-data';

type Holding = { sid: string; item: Product; quantity: number };
type Customer = { name: string; holdings: Holding[] };

const STEMS = ['Alpenblick', 'Nordlicht', 'Rheinau', 'Brunnental', 'Lindenau', 'Oberau', 'Hütten'];
const TRADES = ['Hotelgruppe', 'Logistik', 'Makler', 'Stadtwerke', 'Kanzlei', 'Klinik'];
const FORMS = ['GmbH', 'AG', 'KG', 'GmbH & Co. KG', 'PartG mbB', 'gGmbH'];
/** Pods per SID family: a customer is on one to four of them per family (2.3 on average) it uses. */
const PODS = 60;
/** Customers that leave, and as many that join, each month. */
const CHURN = 2;

export class PartnerUsage {
	readonly #next: () => number;
	readonly #customers: Customer[] = [];
	#created = 0;
	#months = 0;

	constructor(options: { customers?: number; seed?: number } = {}) {
		this.#next = random(options.seed ?? 15);
		for (let i = 0; i < (options.customers ?? 2000); i++) this.#customers.push(this.#customer());
	}

	#customer(): Customer {
		const number = this.#created++;
		const name = [
			STEMS[number % STEMS.length],
			TRADES[number % TRADES.length],
			String(number).padStart(5, '0'),
			FORMS[number % FORMS.length]
		].join(' ');
		const holdings: Holding[] = [];
		const next = this.#next;
		for (const [family, share] of Object.entries(FAMILY_SHARE)) {
			if (next() >= share) continue;
			const pods = 1 + Math.floor(next() * 3.6);
			for (let p = 0; p < pods; p++) {
				const sid = `SID-4711-${family}-${String(1 + Math.floor(next() * PODS)).padStart(2, '0')}`;
				if (holdings.some((holding) => holding.sid === sid)) continue;
				for (const item of CATALOG[family]) {
					if (CATALOG[family].length > 1 && next() < 0.4) continue;
					holdings.push({ sid, item, quantity: 1 + Math.floor(next() * item.max) });
				}
			}
		}
		return { name, holdings };
	}

	/** Moves the partner on by a month: quantities drift, a few customers leave and join. */
	#advance(): void {
		const next = this.#next;
		for (const customer of this.#customers) {
			for (const holding of customer.holdings) {
				const roll = next();
				// 0.05 %: doubled, beyond the pack's 25 % warning; 3 %: within 8 %.
				if (roll < 0.0005) holding.quantity *= 2;
				else if (roll < 0.03)
					holding.quantity = Math.max(1, Math.round(holding.quantity * (0.92 + next() * 0.16)));
			}
		}
		for (let i = 0; i < CHURN; i++) {
			this.#customers.splice(Math.floor(next() * this.#customers.length), 1);
			this.#customers.push(this.#customer());
		}
	}

	/** The next month's lines, in export order (SID, customer, SKU), numbered from file line 2. */
	month(period: Period): UsageLine[] {
		if (this.#months++ > 0) this.#advance();
		const rows: { customer: string; holding: Holding }[] = [];
		for (const customer of this.#customers)
			for (const holding of customer.holdings) rows.push({ customer: customer.name, holding });
		rows.sort(
			(a, b) =>
				compare(a.holding.sid, b.holding.sid) ||
				compare(a.customer, b.customer) ||
				compare(a.holding.item.sku, b.holding.item.sku)
		);
		return rows.map(({ customer, holding }, index) => ({
			line: index + 2,
			sid: holding.sid,
			description: holding.item.description,
			customerRef: customer,
			quantity: String(holding.quantity) as DecimalString,
			unitPrice: cents(holding.item.cents) as DecimalString,
			total: cents(holding.quantity * holding.item.cents) as DecimalString,
			currency: 'EUR',
			sku: holding.item.sku,
			unit: holding.item.unit,
			period,
			contractId: 'SPC-4711-2016-01'
		}));
	}
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A correction of a delivered month: the same lines with a few quantities changed (every 500th
 * line one more), as a partner's re-export after the aggregator queried them.
 */
export function corrected(lines: readonly UsageLine[]): UsageLine[] {
	return lines.map((line, index) => {
		if (index % 500 !== 250) return line;
		const quantity = Number(line.quantity) + 1;
		const unitCents = Math.round(Number(line.unitPrice) * 100);
		return {
			...line,
			quantity: String(quantity) as DecimalString,
			total: cents(quantity * unitCents) as DecimalString
		};
	});
}

/** Late usage for a delivered month: a few lines of a new pod, reported as an adjustment. */
export function lateUsage(lines: readonly UsageLine[]): UsageLine[] {
	return lines.slice(0, 20).map((line, index) => ({
		...line,
		line: index + 2,
		sid: line.sid.replace(/-\d\d$/, '-99')
	}));
}

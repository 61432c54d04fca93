/**
 * Two months of synthetic Omnissa usage for the benchmarks: this month with planted problems and
 * last month of about the same size. Deterministic (a seeded generator, no clock), so every run
 * measures the same work. Shaped like the fixtures (tests/fixtures/SAMPLE-DATA.md): one line per
 * customer × SID × SKU, sorted by SID, customer and SKU, decimal strings with a point.
 */

/** One row of a Commerce Portal export, every cell as text. */
export type UsageRow = {
	period: string;
	sid: string;
	customerRef: string;
	description: string;
	sku: string;
	unit: string;
	quantity: string;
	unitPrice: string;
	total: string;
	currency: string;
	contractId: string;
};

export type Product = {
	sku: string;
	description: string;
	unit: string;
	cents: number;
	max: number;
};

/** The fixtures' catalog by SID family (prices in cents, MSRP); `max` bounds a quantity. */
export const CATALOG: Record<string, readonly Product[]> = {
	HZN: [
		product('OSP-HZN-STD-CCU', 'Horizon Cloud Virtueller Desktop Standard', 'CCU', 2490, 400),
		product('OSP-HZN-ADV-NU', 'Horizon Cloud Virtueller Desktop Advanced', 'NU', 1744, 300),
		product('OSP-HZN-GPU-CCU', 'Horizon Cloud GPU-Workstation Add-on', 'CCU', 4180, 40),
		product('OSP-APP-PUB-CCU', 'Veröffentlichte Anwendungen (RDSH)', 'CCU', 1120, 500),
		product('OSP-DEM-USR', 'Dynamic Environment Manager', 'USR', 278, 600),
		product('OSP-HZN-DED-HST', 'Horizon Cloud Dedizierte Host-Kapazität', 'HST', 128500, 8)
	],
	APP: [product('OSP-APP-VOL-NU', 'App-Bereitstellung (App Volumes)', 'NU', 636, 300)],
	UEM: [
		product('OSP-UEM-ESS-DEV', 'Workspace ONE UEM Essentials', 'DEV', 312, 2000),
		product('OSP-UEM-ADV-USR', 'Workspace ONE UEM Advanced', 'USR', 694, 800),
		product('OSP-INT-DEV', 'Workspace ONE Intelligence', 'DEV', 186, 2000)
	],
	ACC: [product('OSP-ACC-USR', 'Workspace ONE Access', 'USR', 240, 1500)]
};

function product(sku: string, description: string, unit: string, cents: number, max: number) {
	const units: Record<string, string> = {
		CCU: 'Gleichzeitiger Benutzer',
		NU: 'Benannter Benutzer',
		USR: 'Benutzer',
		DEV: 'Gerät',
		HST: 'Host'
	};
	return { sku, description, unit: units[unit], cents, max };
}

/** How often a customer uses a family of SIDs. */
export const FAMILY_SHARE: Record<string, number> = { HZN: 0.8, UEM: 0.5, APP: 0.3, ACC: 0.4 };
/** Pods 01-94 of each family exist both months; 95-99 are this month's new SIDs. */
const PODS = 99;
const NEW_PODS_FROM = 95;
const STEMS = ['Alpenblick', 'Nordlicht', 'Rheinau', 'Brunnental', 'Lindenau', 'Oberau', 'Hütten'];
const TRADES = [
	'Hotelgruppe',
	'Logistik',
	'Versicherungsmakler',
	'Stadtwerke',
	'Kanzlei',
	'Klinik'
];
const FORMS = ['GmbH', 'AG', 'KG', 'GmbH & Co. KG', 'PartG mbB', 'gGmbH'];

/**
 * Where problems are planted: the row at this position of every 1,000 (about 100 each in 100k
 * lines). Inserted rows (a credit, a doubled row) follow the row they copy.
 */
const PLANTED = {
	sidMalformed: 100,
	sidMissing: 150,
	quantityNotNumber: 200,
	unitPriceNotNumber: 250,
	totalNotNumber: 300,
	totalOffByOneCent: 350,
	otherCurrency: 400,
	creditWithoutReason: 500,
	duplicate: 700
} as const;

/** mulberry32: a small seeded generator; Math.random cannot be seeded. */
export function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function cents(value: number): string {
	const sign = value < 0 ? '-' : '';
	const abs = Math.abs(value);
	return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function row(period: string, sid: string, customerRef: string, item: Product, quantity: number) {
	return {
		period,
		sid,
		customerRef,
		description: item.description,
		sku: item.sku,
		unit: item.unit,
		quantity: String(quantity),
		unitPrice: cents(item.cents),
		total: cents(quantity * item.cents),
		currency: 'EUR',
		contractId: 'SPC-4711-2026-01'
	};
}

function byExportOrder(a: UsageRow, b: UsageRow): number {
	if (a.sid !== b.sid) return a.sid < b.sid ? -1 : 1;
	if (a.customerRef !== b.customerRef) return a.customerRef < b.customerRef ? -1 : 1;
	return a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0;
}

/** Every 32nd customer is new this month (`new-customer`), about 3 %. */
function isNewCustomer(customer: number): boolean {
	return customer % 32 === 0;
}

/**
 * This month's clean rows, `lines` of them: customers with a few SIDs and products each. Also
 * the customers that are new this month, for `previousMonth`.
 */
function cleanMonth(lines: number, next: () => number) {
	const rows: UsageRow[] = [];
	const newCustomers = new Set<string>();
	for (let customer = 0; rows.length < lines; customer++) {
		const name = [
			STEMS[customer % STEMS.length],
			TRADES[customer % TRADES.length],
			String(customer).padStart(5, '0'),
			FORMS[customer % FORMS.length]
		].join(' ');
		if (isNewCustomer(customer)) newCustomers.add(name);
		for (const [family, share] of Object.entries(FAMILY_SHARE)) {
			if (next() >= share) continue;
			const pod = 1 + Math.floor(next() * PODS);
			const sid = `SID-4711-${family}-${String(pod).padStart(2, '0')}`;
			for (const item of CATALOG[family]) {
				if (CATALOG[family].length > 1 && next() < 0.4) continue;
				rows.push(row('2026-10', sid, name, item, 1 + Math.floor(next() * item.max)));
			}
		}
	}
	return { rows: rows.slice(0, lines).sort(byExportOrder), newCustomers };
}

/**
 * Last month, from this month's clean rows: most quantities unchanged, some moved a little, some
 * beyond the 25 % warning; new SIDs and about 3 % of customers absent; and customer × SID pairs
 * that were billed then and are gone now (`sid-dropped`).
 */
function previousMonth(
	rows: readonly UsageRow[],
	newCustomers: ReadonlySet<string>,
	next: () => number
): UsageRow[] {
	const previous: UsageRow[] = [];
	for (const current of rows) {
		const pod = Number(current.sid.slice(-2));
		if (pod >= NEW_PODS_FROM || newCustomers.has(current.customerRef)) continue;
		const quantity = Number(current.quantity);
		const roll = next();
		const before =
			roll < 0.85
				? quantity
				: roll < 0.95
					? Math.max(1, Math.round(quantity * (0.9 + next() * 0.2)))
					: Math.max(1, Math.round(quantity * (next() < 0.5 ? 0.5 : 1.6)));
		const item = findProduct(current.sku);
		previous.push(row('2026-09', current.sid, current.customerRef, item, before));
		if (next() < 0.005) {
			// A pod (90-93) this customer is not on any more; other customers keep it.
			const gone = current.sid.replace(/-\d\d$/, `-9${Math.floor(next() * 4)}`);
			previous.push(row('2026-09', gone, current.customerRef, item, before));
		}
	}
	return previous.sort(byExportOrder);
}

function findProduct(sku: string): Product {
	for (const items of Object.values(CATALOG)) {
		const found = items.find((item) => item.sku === sku);
		if (found) return found;
	}
	throw new Error(`unknown SKU ${sku}`);
}

/** Plants the problems of `PLANTED` into exactly `lines` rows; `used` clean rows went in. */
function plantProblems(rows: readonly UsageRow[], lines: number) {
	const out: UsageRow[] = [];
	let used = 0;
	for (const clean of rows) {
		if (out.length >= lines) break;
		used++;
		const at = out.length % 1000;
		const planted: UsageRow = { ...clean };
		if (at === PLANTED.sidMalformed) planted.sid = clean.sid.toLowerCase();
		if (at === PLANTED.sidMissing) planted.sid = '';
		if (at === PLANTED.quantityNotNumber) planted.quantity = 'n/a';
		if (at === PLANTED.unitPriceNotNumber) planted.unitPrice = 'tbd';
		// What German Excel writes into a cell whose formula failed.
		if (at === PLANTED.totalNotNumber) planted.total = '#WERT!';
		if (at === PLANTED.totalOffByOneCent) {
			planted.total = cents(Math.round(Number(clean.total) * 100) + 1);
		}
		if (at === PLANTED.otherCurrency) planted.currency = 'USD';
		out.push(planted);
		const after = out.length % 1000;
		if (after === PLANTED.creditWithoutReason && out.length < lines) {
			const credited = 1 + Math.floor(Number(clean.quantity) / 10);
			out.push(row(clean.period, clean.sid, clean.customerRef, findProduct(clean.sku), -credited));
		}
		if (after === PLANTED.duplicate && out.length < lines) out.push({ ...clean });
	}
	return { rows: out, used };
}

/**
 * October (`lines` rows, problems planted) and September (about as many, clean) for the
 * benchmarks. The same seed gives the same rows.
 */
export function generateUsage(options: { lines: number; seed?: number }): {
	current: UsageRow[];
	previous: UsageRow[];
} {
	const next = random(options.seed ?? 4711);
	// Headroom: the inserted rows push some clean rows past the end.
	const clean = cleanMonth(Math.ceil(options.lines * 1.01), next);
	const current = plantProblems(clean.rows, options.lines);
	const used = clean.rows.slice(0, current.used);
	return { current: current.rows, previous: previousMonth(used, clean.newCustomers, next) };
}

import type { UsageRow } from './usage-data';

/** The header of the German Commerce Portal export (tests/fixtures/omnissa/usage-2026-10.de.csv). */
const HEADER = [
	'Zeitraum',
	'Service-ID (SID)',
	'Kunde',
	'Produkt',
	'SKU',
	'Einheit',
	'Menge',
	'Einzelpreis (UVP)',
	'Gesamt (UVP)',
	'Währung',
	'Vertrags-ID'
];

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** `1234.5` as German Excel writes it, `1.234,5`; a cell that is no number stays as it is. */
function germanNumber(text: string): string {
	const match = DECIMAL.exec(text);
	if (!match) return text;
	const [, sign, whole, fraction] = match;
	const grouped = whole.replace(/\B(?=(\d{3})+$)/g, '.');
	return fraction === undefined ? `${sign}${grouped}` : `${sign}${grouped},${fraction}`;
}

/** RFC 4180 quoting, only where a cell needs it (as the fixtures do). */
function cell(text: string): string {
	return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The rows as the German Excel export: UTF-8 with a BOM, `;`, CRLF, numbers `1.234,56`
 * (quantities grouped too, as in the fixture's `1.480`).
 */
export function formatGermanUsageCsv(rows: readonly UsageRow[]): Uint8Array<ArrayBuffer> {
	const lines = [HEADER.join(';')];
	for (const row of rows) {
		lines.push(
			[
				row.period,
				row.sid,
				row.customerRef,
				row.description,
				row.sku,
				row.unit,
				germanNumber(row.quantity),
				germanNumber(row.unitPrice),
				germanNumber(row.total),
				row.currency,
				row.contractId
			]
				.map(cell)
				.join(';')
		);
	}
	return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

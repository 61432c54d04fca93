import type { DecimalString } from '../domain/money';
import type { NumberLocale } from './import-problem';
import { classifyNumber, parseLocaleNumber } from './locale-number';

/** Cells that agree, with none against, after which the rest of a big file cannot change it. */
const ENOUGH = 1000;

export type NumberEvidenceCount = Record<NumberLocale, number>;

/** Reads a file's number cells one by one and tells its number format at the end. */
export type NumberLocaleDetector = {
	/** `column` (its index) counts the cell for that column's evidence too. */
	add(cell: string, column?: number): void;
	/** What the cells of one column said so far. */
	columnEvidence(column: number): NumberEvidenceCount;
	/** 1,000 cells agree and none disagrees: the rest of the file cannot change the result. */
	readonly settled: boolean;
	result(): { locale: NumberLocale | undefined; evidence: NumberEvidenceCount };
};

/**
 * Decides a file's number format from its number cells: `1.568,00` or `24,90` can only be
 * German, `201.60` or `1,568.00` only English; `1.480` or `18` say nothing. The locale with
 * more such cells wins (the other's cells then become row problems); `undefined` when no cell
 * decides, and a cell that reads differently in the two formats stays a problem, never a guess.
 */
export function createNumberLocaleDetector(): NumberLocaleDetector {
	const evidence: NumberEvidenceCount = { de: 0, en: 0 };
	const byColumn = new Map<number, NumberEvidenceCount>();
	return {
		add(cell, column) {
			// Cells without a separator (`18`, `-6`) read the same in both: skip the regexes.
			if (cell.indexOf('.') < 0 && cell.indexOf(',') < 0) return;
			const kind = classifyNumber({ text: cell });
			if (kind !== 'de' && kind !== 'en') return;
			evidence[kind]++;
			if (column === undefined) return;
			let counts = byColumn.get(column);
			if (!counts) byColumn.set(column, (counts = { de: 0, en: 0 }));
			counts[kind]++;
		},
		columnEvidence(column) {
			return { ...(byColumn.get(column) ?? { de: 0, en: 0 }) };
		},
		get settled() {
			return (
				Math.min(evidence.de, evidence.en) === 0 && Math.max(evidence.de, evidence.en) >= ENOUGH
			);
		},
		result() {
			const { de, en } = evidence;
			return { locale: de > en ? 'de' : en > de ? 'en' : undefined, evidence: { de, en } };
		}
	};
}

/** `createNumberLocaleDetector` over a list of cells; stops reading once settled. */
export function detectNumberLocale({ cells }: { cells: Iterable<string> }): {
	locale: NumberLocale | undefined;
	evidence: NumberEvidenceCount;
} {
	const detector = createNumberLocaleDetector();
	for (const cell of cells) {
		if (detector.settled) break;
		detector.add(cell);
	}
	return detector.result();
}

export type NumberCell =
	| { ok: true; value: DecimalString; currency?: string }
	| { ok: false; code: 'not-a-number' | 'ambiguous-number' | 'number-format-mismatch' };

/**
 * Reads one number cell under the file's locale. Without a locale a cell is read only when
 * both formats agree on it or just one can read it.
 */
export function readNumberCell({
	text,
	locale
}: {
	text: string;
	locale: NumberLocale | undefined;
}): NumberCell {
	if (locale) {
		const read = parseLocaleNumber({ text, locale });
		if (read.ok) return read;
		const other = parseLocaleNumber({ text, locale: locale === 'de' ? 'en' : 'de' });
		return { ok: false, code: other.ok ? 'number-format-mismatch' : 'not-a-number' };
	}
	const kind = classifyNumber({ text });
	if (kind === 'ambiguous') return { ok: false, code: 'ambiguous-number' };
	if (kind === 'invalid') return { ok: false, code: 'not-a-number' };
	const read = parseLocaleNumber({ text, locale: kind === 'en' ? 'en' : 'de' });
	return read.ok ? read : { ok: false, code: 'not-a-number' };
}
